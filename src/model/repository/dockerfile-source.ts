// Dockerfiles as a repository source: what the image a Dockerfile builds says about the container that runs
// it (its user, base image and runtime, exposed ports, secrets baked in, downloads at build time), placed on
// the element that runs it. A Dockerfile joins the compose service whose `build:` names it, the Kubernetes
// workload whose image is named like it (dockerfile-links.ts), or the application of its folder; merge.ts
// keeps what compose and Kubernetes stated first (a compose `user:` or a pod's `runAsUser` decides the user at
// run time, over the image's USER). The language runtime becomes the element's technology only where no
// application-code source will name it better: a folder with a package.json or a Python manifest is the
// Node.js or Python reader's to name (`Node.js (Express)`, not `Node.js 20`).

import { MAX_DOCKERFILE_BYTES } from '../../scanners/dockerfile.js';
import type { Element } from '../schema/architecture.js';
import { clip, readDockerfileImage, type DockerfileImage } from './dockerfile-image.js';
import { composeBuilds, serviceFolderName, workloadImages, workloadsOf } from './dockerfile-links.js';
import { normalisedName } from './merge.js';
import { readManifest, type PyManifest } from './python-app-manifest.js';
import { emptyFragment, type ModelFragment, type RepositorySource, type SourceInput } from './types.js';

const baseName = (rel: string): string => rel.slice(rel.lastIndexOf('/') + 1);
const inFolder = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);
/** The manifests the Python reader reads (python-app-manifest.ts), by the names found beside a Dockerfile. */
const PYTHON_MANIFESTS = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg'];
const dirOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');

const DOCKERFILE = /^(?:dockerfile|containerfile)$|^dockerfile\.[\w.-]+$|^[\w.-]+\.dockerfile$/i;
/** Files named like a Dockerfile that are something else: its docs, its ignore file, scripts beside it. */
const NOT_A_DOCKERFILE = /\.(?:md|markdown|txt|rst|adoc|html?|dockerignore|json|ya?ml|sh|ps1|py|js|ts|bak|orig|swp)$/i;
/** Test fixtures and development containers build no service the system runs. */
const NOT_A_SERVICE_FOLDER = /(?:^|\/)(?:test|tests|__tests__|spec|e2e|fixtures?|testdata|\.devcontainer)\//i;
/** Variants of one service's Dockerfile (`Dockerfile.dev`, `prod.Dockerfile`): the same service, built another way. */
const VARIANT = /^(?:dev|development|prod|production|test|testing|ci|local|debug|release|staging|stage|alpine|slim|base|build|builder|multistage|distroless|arm64|amd64)$/i;

export const dockerfileSource: RepositorySource = {
  id: 'dockerfile',
  label: 'Dockerfile',
  wants: (rel) => DOCKERFILE.test(baseName(rel)) && !NOT_A_DOCKERFILE.test(baseName(rel)) && !NOT_A_SERVICE_FOLDER.test(rel),
  read(input) {
    const images: DockerfileImage[] = [];
    const texts = new Map<string, string>();
    for (const file of input.files) {
      if (file.size > MAX_DOCKERFILE_BYTES) {
        input.note({ level: 'warning', file: file.rel, message: `Dockerfile larger than ${MAX_DOCKERFILE_BYTES} bytes: not read` });
        continue;
      }
      const text = input.read(file);
      if (text === undefined) continue;
      const image = readDockerfileImage(file.rel, text);
      if (image) {
        images.push(image);
        texts.set(file.rel, text);
      } else input.note({ level: 'info', file: file.rel, message: 'Dockerfile without a FROM instruction: nothing to model' });
    }
    const fragment = emptyFragment();
    const used = new Set<string>();
    const covered = new Set<string>();
    joinRunners(images, texts, input, fragment, used, covered);
    addStandalone(images, input, fragment, used, covered);
    const read = images.filter((i) => used.has(i.file)).map((i) => i.file);
    return fragment.elements.length ? { fragments: [fragment], read } : { fragments: [], read };
  },
};

/** Each Dockerfile on the elements of the compose services and Kubernetes workloads that run its image. */
function joinRunners(images: readonly DockerfileImage[], texts: ReadonlyMap<string, string>, input: SourceInput, fragment: ModelFragment, used: Set<string>, covered: Set<string>): void {
  const builds = composeBuilds(input);
  const workloads = workloadImages(input);
  for (const image of images) {
    const runners: Runner[] = [
      ...builds.filter((b) => b.dockerfile === image.file).map((b) => ({ name: b.service, setsUser: b.setsUser, by: `compose service ${b.service} overrides it with user:`, ...(b.target ? { target: b.target } : {}) })),
      ...workloadsOf(image.file, builds, workloads).map((w) => ({ name: w.workload, setsUser: w.setsUser, by: `workload ${w.workload} sets its user in securityContext` })),
    ];
    const names = [...new Set(runners.map((r) => r.name))];
    for (const name of names) {
      const runner = runners.find((r) => r.name === name)!;
      // A compose build that stops at a stage runs that stage's image, not the last one's.
      const built = runner.target !== undefined ? (readDockerfileImage(image.file, texts.get(image.file)!, runner.target) ?? image) : image;
      fragment.elements.push(elementFor(built, name, name, input, runners.find((r) => r.name === name && r.setsUser)));
    }
    if (names.length) {
      used.add(image.file);
      covered.add(dirOf(image.file));
    }
  }
}

/**
 * A Dockerfile nothing runs is an element of its own only when it describes a service (it runs or exposes
 * something) and no other Dockerfile of its folder already stands for it: `Dockerfile.dev` beside the
 * Dockerfile compose builds is the same service, and a builder or tooling image is no service.
 */
function addStandalone(images: readonly DockerfileImage[], input: SourceInput, fragment: ModelFragment, used: Set<string>, covered: Set<string>): void {
  const plainFirst = images.filter((i) => !used.has(i.file)).sort((a, b) => Number(isVariant(a.file)) - Number(isVariant(b.file)));
  for (const image of plainFirst) {
    const dir = dirOf(image.file);
    const own = ownName(image.file);
    if (!image.describesService) {
      input.note({ level: 'info', file: image.file, message: 'Dockerfile that runs nothing (no CMD, ENTRYPOINT or EXPOSE) and that no compose service or workload uses: a build or tooling image, not modelled as a service' });
      continue;
    }
    if (own === undefined && covered.has(dir)) {
      input.note({ level: 'info', file: image.file, message: `a variant of the Dockerfile of ${dir || 'the repository root'}, which the model already shows: not modelled again` });
      continue;
    }
    const app = applicationOf(dir, input);
    const name = own ?? app?.name ?? (serviceFolderName(image.file) || 'app');
    // The id the Node.js and Python readers give the application of this folder, so its element joins this one.
    const wanted = own !== undefined ? normalisedName(own) || 'app' : app ? normalisedName(baseName(dir) || app.name) || 'app' : normalisedName(name) || 'app';
    // Two folders of the same name (`a/api`, `b/api`) are two services: the second is told apart by its path.
    const id = fragment.elements.some((e) => e.id === wanted) ? normalisedName(`${dir}-${own ?? ''}`) || `${wanted}-2` : wanted;
    fragment.elements.push(elementFor(image, id, name, input));
    used.add(image.file);
    fragment.aliases.set(id, [...(dir ? [dir] : []), ...(app ? [app.name] : [])]);
    if (own === undefined) covered.add(dir);
  }
}

function isVariant(rel: string): boolean {
  return !/^(?:dockerfile|containerfile)$/i.test(baseName(rel));
}

/** `worker.Dockerfile`, `Dockerfile.worker` name a service of their own; `Dockerfile.dev` is a variant of the folder's. */
function ownName(rel: string): string | undefined {
  const name = baseName(rel);
  const part = /^dockerfile\.(.+)$/i.exec(name)?.[1] ?? /^(.+)\.dockerfile$/i.exec(name)?.[1];
  return part && !VARIANT.test(part) ? part : undefined;
}

/**
 * The Node.js or Python application of a folder (its package.json, requirements.txt or pyproject.toml), which
 * an application-code reader models too, under the name its manifest gives.
 */
function applicationOf(dir: string, input: Pick<SourceInput, 'all' | 'read'>): { name: string } | undefined {
  const fallback = { name: baseName(dir) || 'app' };
  const pkg = input.all.get(inFolder(dir, 'package.json'));
  const text = pkg ? input.read(pkg) : undefined;
  if (text !== undefined) {
    try {
      const parsed = JSON.parse(text) as { name?: unknown };
      return typeof parsed.name === 'string' && parsed.name ? { name: parsed.name } : fallback;
    } catch {
      return fallback;
    }
  }
  const manifests = PYTHON_MANIFESTS.map((m) => input.all.get(inFolder(dir, m))).filter((f) => f !== undefined);
  if (!manifests.length) return undefined;
  const read = new Map<string, PyManifest>();
  for (const file of manifests) {
    const manifest = input.read(file);
    if (manifest !== undefined) readManifest(read, file.rel, manifest);
  }
  return { name: read.get(dir)?.name ?? fallback.name };
}

/** Whether application code in the folder will name the element's technology better than its base image. */
function hasApplicationCode(dir: string, input: Pick<SourceInput, 'all'>): boolean {
  return ['package.json', ...PYTHON_MANIFESTS].some((m) => input.all.has(inFolder(dir, m)));
}

/** What runs the image, and whether it sets the user the container runs as itself. */
interface Runner {
  name: string;
  setsUser: boolean;
  by: string;
  /** The stage a compose build stops at. */
  target?: string;
}

function elementFor(image: DockerfileImage, id: string, name: string, input: Pick<SourceInput, 'all'>, overriddenBy?: Runner): Element {
  const dir = dirOf(image.file);
  const codeApp = hasApplicationCode(dir, input);
  const technology = codeApp ? undefined : image.baseFacts.technology;
  const evidence = image.evidence.map((e) => {
    // A compose `user:` or a pod's `runAsUser` decides who the container runs as; the image's USER is only a default.
    if (e.prop !== 'runsAsRoot' || !overriddenBy) return { ...e };
    const { prop: _prop, value: _value, ...note } = e;
    return { ...note, says: `${e.says} (${overriddenBy.by})` };
  });
  const props = { ...image.props };
  if (overriddenBy) delete props.runsAsRoot;
  return {
    id,
    name,
    // The code of the folder says whether it is a frontend (served by nginx or not); the base image does not.
    kind: codeApp ? 'process' : (image.baseFacts.kind ?? 'process'),
    ...(technology ? { technology } : {}),
    description: image.description,
    props,
    data: [],
    location: { file: image.file, line: image.line },
    inferredFrom: `Dockerfile ${image.file}${image.base ? ` (base image ${clip(image.base)})` : ''}`,
    evidence,
  };
}
