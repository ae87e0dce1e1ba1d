// Who runs the image a Dockerfile builds: the compose services whose `build:` names it (context and
// `dockerfile:`), and the Kubernetes workloads whose image is named like it. Compose says it outright; for
// Kubernetes the image a Dockerfile becomes is decided by a build pipeline the repository rarely shows, so a
// workload is linked only when its image's name is the name compose gives the build, or the name of the
// Dockerfile's folder (`services/orders/Dockerfile` and `ghcr.io/acme/orders:1.4`).

import { posix } from 'node:path';
import { parseDotenv } from '../../adapt/compose/interpolate.js';
import { servicesOf, setting } from '../../adapt/compose/services.js';
import { objectsOf, podSpecOf } from '../../adapt/kubernetes/objects.js';
import { parseImage } from '../../analyze/images.js';
import { readYaml } from '../../parse/yaml/read.js';
import { entry, getMap, isMap, text } from '../../parse/yaml/tree.js';
import { buildFolder } from './compose-service.js';
import type { SourceInput } from './types.js';

export interface ComposeBuild {
  service: string;
  /** The Dockerfile the build uses, relative to the repository root. */
  dockerfile: string;
  /** `image:` beside `build:`: the name the built image is tagged with. */
  image?: string;
  /** `build.target`: the stage the build stops at. */
  target?: string;
  /** The service sets `user:`, which overrides the image's USER when it runs. */
  setsUser: boolean;
}

export interface WorkloadImage {
  workload: string;
  /** Image repositories of the workload's containers, without registry, tag or digest (`acme/orders`). */
  repositories: string[];
  /** The pod or a container sets `runAsUser` or `runAsNonRoot`, which decides the user over the image's USER. */
  setsUser: boolean;
}

/** Folders that hold a service's build rather than name it (`cartservice/src/Dockerfile`): the name is one up. */
const GENERIC_FOLDERS = new Set(['src', 'source', 'app', 'docker', '.docker', 'build', 'deploy', 'container', 'image', 'server', 'service']);

/** The name a Dockerfile's folder gives its service: the folder's, or its parent's for a generic folder. */
export function serviceFolderName(dockerfile: string): string {
  const parts = dirOf(dockerfile).split('/').filter(Boolean);
  while (parts.length > 1 && GENERIC_FOLDERS.has(parts[parts.length - 1]!.toLowerCase())) parts.pop();
  return parts[parts.length - 1] ?? '';
}

const dirOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');

export function composeBuilds(input: Pick<SourceInput, 'all' | 'read' | 'filesOf'>): ComposeBuild[] {
  const out: ComposeBuild[] = [];
  for (const file of input.filesOf('compose')) {
    const source = input.read(file);
    if (source === undefined) continue;
    const dir = dirOf(file.rel);
    const dotenv = input.all.get(dir ? `${dir}/.env` : '.env');
    const envText = dotenv ? input.read(dotenv) : undefined;
    const env = envText === undefined ? new Map<string, string>() : parseDotenv(envText);
    for (const doc of readYaml(source).documents) {
      for (const service of servicesOf(doc.root, env)) {
        const context = buildFolder(service, dir);
        if (context === undefined) continue;
        const build = entry(service.node, 'build');
        const named = build && isMap(build.value) ? text(entry(build.value, 'dockerfile')?.value) : undefined;
        const target = build && isMap(build.value) ? text(entry(build.value, 'target')?.value) : undefined;
        const dockerfile = dockerfilePath(context, named);
        if (!dockerfile) continue;
        const image = setting(service, 'image');
        out.push({
          service: service.name,
          dockerfile,
          setsUser: setting(service, 'user') !== undefined,
          ...(image && !image.unresolved.length && image.value ? { image: image.value } : {}),
          ...(target && !target.includes('$') ? { target } : {}),
        });
      }
    }
  }
  return out;
}

/** `dockerfile:` is relative to the build context; a variable, an absolute path or a path leaving the repository is not followed. */
function dockerfilePath(context: string, named: string | undefined): string | undefined {
  const name = named ?? 'Dockerfile';
  if (name.includes('$') || name.startsWith('/')) return undefined;
  const joined = posix.normalize(posix.join(context || '.', name));
  return joined.startsWith('../') || joined === '..' ? undefined : joined;
}

export function workloadImages(input: Pick<SourceInput, 'read' | 'filesOf'>): WorkloadImage[] {
  const out: WorkloadImage[] = [];
  for (const file of input.filesOf('kubernetes')) {
    const source = input.read(file);
    if (source === undefined) continue;
    for (const object of objectsOf(file.rel, readYaml(source).documents)) {
      const pod = podSpecOf(object);
      if (!pod || !object.name) continue;
      const main = pod.containers.filter((c) => c.group === 'containers');
      const setsUser = [pod.node, ...main.map((c) => c.node)].some((n) => {
        const context = getMap(n, 'securityContext');
        return entry(context, 'runAsUser') !== undefined || entry(context, 'runAsNonRoot') !== undefined;
      });
      const repositories = main
        .map((c) => text(entry(c.node, 'image')?.value))
        .filter((image): image is string => image !== undefined && !image.includes('$') && !image.includes('{{'))
        .map((image) => parseImage(image).repository.toLowerCase());
      if (repositories.length) out.push({ workload: object.name, repositories, setsUser });
    }
  }
  return out;
}

/** The workloads that run the image: named as compose tags the build, or after the Dockerfile's folder. */
export function workloadsOf(dockerfile: string, builds: readonly ComposeBuild[], workloads: readonly WorkloadImage[]): WorkloadImage[] {
  const tagged = builds.filter((b) => b.dockerfile === dockerfile && b.image).map((b) => parseImage(b.image!).repository.toLowerCase());
  const folder = serviceFolderName(dockerfile).toLowerCase();
  const last = (repository: string) => repository.slice(repository.lastIndexOf('/') + 1);
  return workloads.filter((w) => w.repositories.some((r) => tagged.includes(r) || (folder !== '' && last(r) === folder)));
}
