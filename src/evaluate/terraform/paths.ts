// Module source resolution: local paths relative to the calling module, kept inside the scan root.

import { posix } from 'node:path';

export type ModuleSourceKind = { kind: 'local'; dir: string } | { kind: 'outside' } | { kind: 'remote' };

/** Terraform treats only sources starting with `./` or `../` as local paths. */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

/** Joins POSIX dirs relative to the scan root ('' = root); undefined when the result escapes the root. */
export function joinInsideRoot(dir: string, relative: string): string | undefined {
  const joined = posix.normalize(posix.join(dir === '' ? '.' : dir, relative)).replace(/\/+$/, '');
  if (joined === '.' || joined === '') return '';
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
  return joined;
}

export function resolveModuleSource(callerDir: string, source: string): ModuleSourceKind {
  if (!isLocalSource(source)) return { kind: 'remote' };
  const dir = joinInsideRoot(callerDir, source);
  return dir === undefined ? { kind: 'outside' } : { kind: 'local', dir };
}

/** `path.module` as Terraform reports it: relative to the root module's directory, '.' for the root itself. */
export function relativeModulePath(rootDir: string, moduleDir: string): string {
  const rel = posix.relative(rootDir === '' ? '.' : rootDir, moduleDir === '' ? '.' : moduleDir);
  return rel === '' ? '.' : rel;
}
