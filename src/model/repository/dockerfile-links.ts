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
import { entry, isMap, text } from '../../parse/yaml/tree.js';
import { buildFolder } from './compose-service.js';
import type { SourceInput } from './types.js';

export interface ComposeBuild {
  service: string;
  /** The Dockerfile the build uses, relative to the repository root. */
  dockerfile: string;
  /** `image:` beside `build:`: the name the built image is tagged with. */
  image?: string;
  /** The service sets `user:`, which overrides the image's USER when it runs. */
  setsUser: boolean;
}

export interface WorkloadImage {
  workload: string;
  /** Image repositories of the workload's containers, without registry, tag or digest (`acme/orders`). */
  repositories: string[];
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
        const dockerfile = dockerfilePath(context, named);
        if (!dockerfile) continue;
        const image = setting(service, 'image');
        out.push({ service: service.name, dockerfile, setsUser: setting(service, 'user') !== undefined, ...(image && !image.unresolved.length && image.value ? { image: image.value } : {}) });
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
      const repositories = pod.containers
        .filter((c) => c.group === 'containers')
        .map((c) => text(entry(c.node, 'image')?.value))
        .filter((image): image is string => image !== undefined && !image.includes('$') && !image.includes('{{'))
        .map((image) => parseImage(image).repository.toLowerCase());
      if (repositories.length) out.push({ workload: object.name, repositories });
    }
  }
  return out;
}

/** The workloads that run the image: named as compose tags the build, or after the Dockerfile's folder. */
export function workloadsOf(dockerfile: string, builds: readonly ComposeBuild[], workloads: readonly WorkloadImage[]): string[] {
  const tagged = builds.filter((b) => b.dockerfile === dockerfile && b.image).map((b) => parseImage(b.image!).repository.toLowerCase());
  const folder = dirOf(dockerfile).split('/').pop()?.toLowerCase() ?? '';
  const last = (repository: string) => repository.slice(repository.lastIndexOf('/') + 1);
  return workloads.filter((w) => w.repositories.some((r) => tagged.includes(r) || (folder !== '' && last(r) === folder))).map((w) => w.workload);
}
