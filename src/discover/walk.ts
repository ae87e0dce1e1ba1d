// Finds the files a scan reads: walks the given paths, honours ignore files and excludes,
// follows symlinks only while they stay inside the scan root, and returns a sorted list.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, parse as parsePath, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/types.js';
import { ALWAYS_SKIPPED_DIRS, IgnoreStack, toPosix } from './ignore-stack.js';

export interface DiscoveredFile {
  abs: string;
  /** POSIX path relative to the scan root. */
  rel: string;
  size: number;
}

export interface DiscoverOptions {
  /** Patterns in gitignore syntax, relative to the scan root; they win over every ignore file. */
  exclude?: readonly string[];
  /** File name endings the scanners handle. */
  extensions?: readonly string[];
}

export interface DiscoverResult {
  /** Absolute path every `rel` is relative to. */
  root: string;
  /** Sorted by `rel`. */
  files: DiscoveredFile[];
  /** Directories that could not be read; the walk goes on without them. */
  diagnostics: Diagnostic[];
}

export const DEFAULT_EXTENSIONS: readonly string[] = ['.tf', '.tfvars', '.tfvars.json', '.tf.json'];

/** A path given to `discover` does not exist. The CLI reports it as a usage error. */
export class PathNotFoundError extends Error {
  readonly code = 'BULWARK_PATH_NOT_FOUND';
  constructor(readonly path: string) {
    super(`path not found: ${path}`);
    this.name = 'PathNotFoundError';
  }
}

/** Throws PathNotFoundError for the first path that does not exist. */
export async function assertPathsExist(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await stat(path);
    } catch {
      throw new PathNotFoundError(path);
    }
  }
}

export async function discover(paths: string[], options: DiscoverOptions = {}): Promise<DiscoverResult> {
  const targets = await resolveTargets(paths.length ? paths : ['.']);
  const root = commonAncestor(targets.map((t) => (t.isDirectory ? t.abs : dirname(t.abs))));
  const walker = new Walker(root, await realpath(root), options);
  for (const target of targets) {
    if (target.isDirectory) await walker.walkTarget(target.abs);
    else await walker.addExplicitFile(target.abs);
  }
  await walker.followDeferredLinks();
  const files = walker.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { root, files, diagnostics: walker.diagnostics };
}

interface Target {
  abs: string;
  isDirectory: boolean;
}

async function resolveTargets(paths: readonly string[]): Promise<Target[]> {
  const targets: Target[] = [];
  for (const path of paths) {
    const abs = resolve(path);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new PathNotFoundError(path);
    }
    targets.push({ abs, isDirectory: info.isDirectory() });
  }
  return targets;
}

/** Deepest directory containing all of `dirs` (absolute paths). */
export function commonAncestor(dirs: readonly string[]): string {
  const [first, ...rest] = dirs.map((d) => resolve(d));
  if (first === undefined) return resolve('.');
  let common = first;
  for (const dir of rest) {
    while (!isInside(dir, common)) {
      const parent = dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

/** True when `path` is `dir` or below it. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !parsePath(rel).root);
}

interface DeferredLink {
  abs: string;
  ignores: IgnoreStack;
}

class Walker {
  readonly files: DiscoveredFile[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly extensions: readonly string[];
  private readonly excludes: IgnoreStack;
  /** Real paths already walked or added, so links never loop or duplicate. */
  private readonly seenDirs = new Set<string>();
  private readonly seenFiles = new Set<string>();
  /** Symlinks are followed after the plain tree, so real paths win over link paths. */
  private readonly deferred: DeferredLink[] = [];
  private top?: string;

  constructor(
    private readonly root: string,
    private readonly rootReal: string,
    options: DiscoverOptions,
  ) {
    this.extensions = options.extensions ?? DEFAULT_EXTENSIONS;
    this.excludes = IgnoreStack.empty().withPatterns(root, options.exclude ?? []);
  }

  async walkTarget(dir: string): Promise<void> {
    let ignores = await this.ancestorIgnores(dir);
    // A directory named on the command line is scanned even if an outer ignore file skips it.
    if (ignores.ignores(dir, true)) ignores = IgnoreStack.empty();
    const real = await realpath(dir);
    if (this.seenDirs.has(real)) return;
    this.seenDirs.add(real);
    await this.walkDirectory(dir, real, ignores);
  }

  /** Named files bypass ignore rules and the extension filter: the user asked for them. */
  async addExplicitFile(abs: string): Promise<void> {
    const real = await realpath(abs);
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    const info = await stat(abs);
    this.files.push({ abs, rel: this.relOf(abs), size: info.size });
  }

  async followDeferredLinks(): Promise<void> {
    // The queue grows while linked directories are walked; each real directory is walked once.
    for (let i = 0; i < this.deferred.length; i++) {
      const link = this.deferred[i]!;
      let real: string;
      let info;
      try {
        real = await realpath(link.abs);
        info = await stat(real);
      } catch {
        continue; // broken link
      }
      if (!isInside(real, this.rootReal)) continue;
      if (info.isDirectory()) {
        if (this.isSkippedDir(link.abs, link.ignores) || this.seenDirs.has(real)) continue;
        this.seenDirs.add(real);
        await this.walkDirectory(link.abs, real, link.ignores);
      } else if (info.isFile() && this.wantsFile(link.abs, link.ignores) && !this.seenFiles.has(real)) {
        this.seenFiles.add(real);
        this.files.push({ abs: link.abs, rel: this.relOf(link.abs), size: info.size });
      }
    }
  }

  /** Ignore files from the repository top (or the scan root) down to the parent of `dir`. */
  private async ancestorIgnores(dir: string): Promise<IgnoreStack> {
    this.top ??= (await findRepositoryTop(this.root)) ?? this.root;
    const chain: string[] = [];
    for (let d = dir; d !== this.top && dirname(d) !== d; ) {
      d = dirname(d);
      chain.unshift(d);
    }
    let stack = IgnoreStack.empty();
    for (const d of chain) stack = await stack.withDirectory(d);
    return stack;
  }

  private async walkDirectory(dir: string, dirReal: string, inherited: IgnoreStack): Promise<void> {
    const ignores = await inherited.withDirectory(dir);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      this.diagnostics.push(unreadableDirectory(this.relOf(dir), error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Sub-directories and file stats run concurrently; the result is sorted at the end, and real
    // directories cannot be reached twice without a symlink (those are handled later, in order).
    const pending: Promise<void>[] = [];
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const real = join(dirReal, entry.name);
      if (entry.isSymbolicLink()) {
        this.deferred.push({ abs, ignores });
      } else if (entry.isDirectory()) {
        if (this.isSkippedDir(abs, ignores) || this.seenDirs.has(real)) continue;
        this.seenDirs.add(real);
        pending.push(this.walkDirectory(abs, real, ignores));
      } else if (entry.isFile() && this.wantsFile(abs, ignores) && !this.seenFiles.has(real)) {
        this.seenFiles.add(real);
        pending.push(this.addFile(abs));
      }
    }
    await Promise.all(pending);
  }

  private async addFile(abs: string): Promise<void> {
    try {
      this.files.push({ abs, rel: this.relOf(abs), size: (await stat(abs)).size });
    } catch {
      // Vanished between readdir and stat: nothing to scan.
    }
  }

  private isSkippedDir(abs: string, ignores: IgnoreStack): boolean {
    return ALWAYS_SKIPPED_DIRS.has(basename(abs)) || ignores.ignores(abs, true) || this.excludes.ignores(abs, true);
  }

  private wantsFile(abs: string, ignores: IgnoreStack): boolean {
    const name = basename(abs);
    if (!this.extensions.some((ext) => name.endsWith(ext))) return false;
    return !ignores.ignores(abs, false) && !this.excludes.ignores(abs, false);
  }

  private relOf(abs: string): string {
    return toPosix(relative(this.root, abs)) || '.';
  }
}

/** The nearest ancestor (or `dir` itself) holding `.git`, whose ignore files also apply. */
async function findRepositoryTop(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    try {
      await stat(join(d, '.git'));
      return d;
    } catch {
      if (dirname(d) === d) return undefined;
    }
  }
}

function unreadableDirectory(rel: string, error: unknown): Diagnostic {
  const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
  return {
    severity: 'warning',
    message: `cannot read directory ${rel} (${reason}); skipped`,
    location: { file: rel, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
  };
}
