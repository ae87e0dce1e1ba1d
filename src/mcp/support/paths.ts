// The workspace an MCP session works in: every path a tool is given is relative to the root fixed at start-up,
// and is refused when it could reach outside it (`..`, an absolute path, or a symbolic link whose target lies
// outside). Checked on real paths, so a link planted inside the root cannot lead a scan or a write elsewhere.

import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A path a tool was given that leaves the workspace root, or names nothing; the message says which and why. */
export class PathRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathRefusedError';
  }
}

export interface Workspace {
  /** The root's real path (symbolic links resolved). */
  root: string;
}

export function openWorkspace(root: string): Workspace {
  let real: string;
  try {
    real = realpathSync(resolve(root));
  } catch {
    throw new Error(`the workspace root does not exist: ${root}`);
  }
  return { root: real };
}

/** True when `abs` is the root or lies below it. */
function isInside(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The path as the user would read it, for messages: relative to the root, with forward slashes. */
export function shownPath(workspace: Workspace, abs: string): string {
  return relative(workspace.root, abs).split(sep).join('/') || '.';
}

/**
 * The absolute path of `given` (relative to the root), once it is known to stay inside the root. `mustExist`
 * false allows a file that does not exist yet (one a tool is about to write): its nearest existing ancestor is
 * checked instead.
 */
export function confinedPath(workspace: Workspace, given: string, options: { mustExist?: boolean } = {}): string {
  const mustExist = options.mustExist ?? true;
  if (given.includes('\0')) throw new PathRefusedError('a path may not contain a NUL character');
  if (isAbsolute(given) || /^[A-Za-z]:[\\/]/.test(given) || given.startsWith('\\\\')) {
    throw new PathRefusedError(`absolute paths are refused (${visiblePath(given)}): give a path relative to the workspace root`);
  }
  const parts = given.split(/[\\/]+/);
  if (parts.includes('..')) throw new PathRefusedError(`paths with ".." are refused (${visiblePath(given)}): every path stays inside the workspace root`);
  const abs = resolve(workspace.root, given);
  if (!isInside(workspace.root, abs)) throw new PathRefusedError(`${visiblePath(given)} is outside the workspace root`);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new PathRefusedError(`${visiblePath(given)} cannot be resolved (${code ?? 'error'})`);
    if (mustExist) throw new PathRefusedError(`${visiblePath(given)} does not exist in the workspace`);
    // A file still to be written: what exists of its path must not lead outside.
    const parent = existingAncestor(abs);
    if (!isInside(workspace.root, parent)) throw new PathRefusedError(`${visiblePath(given)} leads outside the workspace root through a symbolic link`);
    return join(parent, relative(realAncestorSource(abs, parent), abs));
  }
  if (!isInside(workspace.root, real)) throw new PathRefusedError(`${visiblePath(given)} leads outside the workspace root through a symbolic link`);
  return real;
}

/** The real path of the nearest ancestor of `abs` that exists. */
function existingAncestor(abs: string): string {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    try {
      return realpathSync(dir);
    } catch {
      if (dirname(dir) === dir) return dir;
    }
  }
}

/** The unresolved ancestor of `abs` whose real path is `real` (found by walking up the same number of levels). */
function realAncestorSource(abs: string, real: string): string {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    try {
      if (realpathSync(dir) === real) return dir;
    } catch {
      // not there yet: keep walking up
    }
    if (dirname(dir) === dir) return dir;
  }
}

/** A path quoted in a message: bounded and without control characters. */
function visiblePath(path: string): string {
  const clean = path.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(clean.length > 200 ? `${clean.slice(0, 200)}…` : clean);
}
