// What a Dockerfile's base image says about the container built on it: the language runtime or product it
// runs (`node:20-alpine` → Node.js 20, `python:3.12-slim` → Python 3.12, `nginx` → nginx), and whether the
// image is published to run as an unprivileged user. Only images whose default user is documented are
// trusted for that; the rest run as root unless the Dockerfile says otherwise.

import { parseImage } from '../../analyze/images.js';
import type { ElementKind } from '../schema/architecture.js';
import { imageKind } from './compose-kinds.js';

export interface BaseImageFacts {
  /** `Node.js 20`, `Python 3.12`, `nginx 1.27`; undefined when the image names nothing known. */
  technology?: string;
  /** A product image (nginx, postgres) says what the container is; a language runtime says only "a process". */
  kind?: ElementKind;
  /** Why the image runs as a non-root user without a USER instruction; undefined when it runs as root. */
  nonRootBecause?: string;
  /** Distroless, Chainguard, scratch: no shell or package manager in the image. */
  minimal: boolean;
}

/** Language runtimes by the last part of the image's repository, with how their tags write the version. */
const RUNTIMES: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /^(?:node|nodejs\d*)$/, name: 'Node.js' },
  { pattern: /^(?:python\d?)$/, name: 'Python' },
  { pattern: /^(?:golang|go)$/, name: 'Go' },
  { pattern: /^(?:openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|java\d*|jre|jdk|sapmachine)$/, name: 'Java' },
  { pattern: /^(?:ruby)$/, name: 'Ruby' },
  { pattern: /^(?:php)$/, name: 'PHP' },
  { pattern: /^(?:aspnet|runtime|sdk)$/, name: '.NET' },
  { pattern: /^(?:rust)$/, name: 'Rust' },
  { pattern: /^(?:elixir)$/, name: 'Elixir' },
  { pattern: /^(?:deno)$/, name: 'Deno' },
  { pattern: /^(?:bun)$/, name: 'Bun' },
];

/** `20-alpine` → `20`, `3.12.1-slim` → `3.12`, `lts` → undefined: the major (and minor) version a tag starts with. */
function versionOf(tag: string | undefined): string | undefined {
  const found = /^v?(\d{1,4}(?:\.\d{1,4})?)/.exec(tag ?? '');
  return found?.[1];
}

/** The version a distroless or Chainguard repository name carries: `nodejs20-debian12` → 20, `python3` → 3. */
function versionInName(name: string): string | undefined {
  return /^[a-z]+(\d{1,3})/.exec(name)?.[1];
}

export function baseImageFacts(image: string): BaseImageFacts {
  const { registry, repository, tag } = parseImage(image);
  const parts = repository.toLowerCase().split('/');
  const last = parts[parts.length - 1] ?? '';
  const distroless = registry === 'gcr.io' && parts[0] === 'distroless';
  const chainguard = registry === 'cgr.dev';
  // An empty or operating-system image says nothing of what runs on it: no technology.
  if (repository.toLowerCase() === 'scratch') return { minimal: true };
  const nonRootBecause =
    distroless && /(?:^|-)nonroot$/.test(tag ?? '')
      ? `${image}: distroless :nonroot images run as user 65532`
      : chainguard
        ? `${image}: Chainguard images run as a non-root user`
        : /unprivileged/.test(repository)
          ? `${image}: an unprivileged image, published to run as a non-root user`
          : undefined;
  const minimal = distroless || chainguard;
  const runtimeName = distroless ? last.replace(/-debian\d+$/, '') : last;
  const runtime = RUNTIMES.find((r) => r.pattern.test(runtimeName.replace(/\d+$/, '')) || r.pattern.test(runtimeName));
  const version = minimal ? versionInName(runtimeName) ?? versionOf(tag) : versionOf(tag);
  const flavour = distroless ? ' (distroless)' : chainguard ? ' (Chainguard)' : '';
  const known = nonRootBecause ? { nonRootBecause } : {};
  if (runtime && !(runtime.name === '.NET' && !parts.includes('dotnet'))) {
    return { technology: `${runtime.name}${version && !(runtime.name === 'Go' && minimal) ? ` ${version}` : ''}${flavour}`, minimal, ...known };
  }
  if (distroless) return { technology: `distroless (${last})`, minimal, ...known };
  const product = imageKind(`${last}${tag ? `:${tag}` : ''}`, () => undefined);
  if (product) return { technology: product.technology ?? last, kind: product.kind, minimal, ...known };
  return { minimal, ...known };
}
