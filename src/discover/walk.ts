// Finds the files a scan reads: walks the given paths, honours ignore files and excludes,
// follows symlinks only while they stay inside the scan root, and returns a sorted list.

// The walk uses the synchronous fs calls: a scan is a batch job, and they cost several times less
// than their promise forms (one stat per wanted file is most of the work).

import { type Dirent, readdirSync, realpathSync as jsRealpathSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, parse as parsePath, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/types.js';
import { describeFileType } from '../core/regular-file.js';
import { ALWAYS_SKIPPED_DIRS, IGNORE_FILE_NAMES, IgnoreStack, toPosix, withTrailingSep } from './ignore-stack.js';
import { findRepositoryTop } from '../core/repository-top.js';
import { indexPathOf, readTrackedPaths } from './git-index.js';
import { describeDirent, ignoreFileNotRegular, ignoreFileSkipped, notRegular, unreadableDirectory } from './walk-diagnostics.js';

// The native realpath(3), as the promise form used: one call instead of an lstat per path segment.
const realpathSync = jsRealpathSync.native;

export interface DiscoveredFile {
  abs: string;
  /** POSIX path relative to the base (the project root; by default the scan root). */
  rel: string;
  size: number;
  /** Named on the command line (not found by walking a directory). */
  explicit?: true;
  /** Ignored by an ignore file, but tracked by git: it is in the repository all the same. */
  trackedDespiteIgnore?: true;
}

export interface DiscoverOptions {
  /** Patterns in gitignore syntax, relative to the scan root; they win over every ignore file. */
  exclude?: readonly string[];
  /** File name endings the scanners handle. */
  extensions?: readonly string[];
  /** Decides by base name which files to list (wins over `extensions`). */
  accept?: (name: string) => boolean;
  /**
   * Names listed even when an ignore file ignores them, if git tracks them (read from the repository's index):
   * an ignored `.env` that was committed anyway is in the repository. `exclude` still wins.
   */
  keepIfTracked?: (name: string) => boolean;
  /**
   * Absolute directory that relative paths start from: the project root, so every output names files the
   * same way whichever sub-folder was scanned. Ignored unless it contains the scan root.
   */
  base?: string;
}

export interface DiscoverResult {
  /** Absolute path every `rel` is relative to (the base, when given and usable). */
  root: string;
  /** The deepest directory holding every scanned path; symlinks are followed only while they stay inside it. */
  scanRoot: string;
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

/** A path given to `discover` is neither a regular file nor a directory (a FIFO, a device, a socket). */
export class PathNotScannableError extends Error {
  readonly code = 'BULWARK_PATH_NOT_SCANNABLE';
  constructor(
    readonly path: string,
    /** "a FIFO (named pipe)", "a character device", ... */
    readonly what: string,
  ) {
    super(`${path} is ${what}; only files and folders are scanned`);
    this.name = 'PathNotScannableError';
  }
}

/** Throws PathNotFoundError or PathNotScannableError for the first path that cannot be scanned. */
export async function assertPathsExist(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new PathNotFoundError(path);
    }
    if (!info.isFile() && !info.isDirectory()) throw new PathNotScannableError(path, describeFileType(info));
  }
}

export async function discover(paths: string[], options: DiscoverOptions = {}): Promise<DiscoverResult> {
  const targets = resolveTargets(paths.length ? paths : ['.']);
  const root = commonAncestor(targets.map((t) => (t.isDirectory ? t.abs : dirname(t.abs))));
  const base = options.base && isInside(root, resolve(options.base)) ? resolve(options.base) : root;
  const walker = new Walker(root, realpathSync(root), base, options);
  for (const target of targets) {
    if (target.isDirectory) walker.walkTarget(target.abs);
    else walker.addExplicitFile(target.abs);
  }
  walker.followDeferredLinks();
  const files = walker.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { root: base, scanRoot: root, files, diagnostics: walker.diagnostics };
}

interface Target {
  abs: string;
  isDirectory: boolean;
}

function resolveTargets(paths: readonly string[]): Target[] {
  const targets: Target[] = [];
  for (const path of paths) {
    const abs = resolve(path);
    let info;
    try {
      info = statSync(abs);
    } catch {
      throw new PathNotFoundError(path);
    }
    if (!info.isFile() && !info.isDirectory()) throw new PathNotScannableError(path, describeFileType(info));
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

interface PendingDirectory {
  dir: string;
  /** Its real path (symlinks resolved). */
  real: string;
  /** `dir` relative to the root with a trailing `/`, or '' for the root itself. */
  relPrefix: string;
  /** The rules that apply to its entries, before its own ignore files are added. */
  ignores: IgnoreStack;
}

interface DeferredLink {
  abs: string;
  name: string;
  rel: string;
  ignores: IgnoreStack;
}

/**
 * Every path the walker builds is below the scan root and normalised, so paths are made by string
 * concatenation (`prefix + name`) and relative paths by carrying the parent's relative prefix down.
 */
class Walker {
  readonly files: DiscoveredFile[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly accept: (name: string) => boolean;
  private readonly excludes: IgnoreStack;
  /** The base with a trailing separator: relative paths are what follows it. */
  private readonly basePrefix: string;
  /** Real paths already walked or added, so links never loop or duplicate. */
  private readonly seenDirs = new Set<string>();
  private readonly seenFiles = new Set<string>();
  /** Symlinks are followed after the plain tree, so real paths win over link paths. */
  private readonly deferred: DeferredLink[] = [];
  private top?: string;
  private readonly keepIfTracked: ((name: string) => boolean) | undefined;
  /** Tracked paths as absolute paths, read from the index the first time an ignored file may need them. */
  private tracked?: Set<string>;

  constructor(
    private readonly root: string,
    private readonly rootReal: string,
    private readonly base: string,
    options: DiscoverOptions,
  ) {
    const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
    this.accept = options.accept ?? ((name) => hasExtension(name, extensions));
    this.keepIfTracked = options.keepIfTracked;
    this.excludes = IgnoreStack.empty().withPatterns(root, options.exclude ?? []);
    this.basePrefix = withTrailingSep(base);
  }

  walkTarget(dir: string): void {
    let ignores = this.ancestorIgnores(dir);
    // A directory named on the command line is scanned even if an outer ignore file skips it.
    if (ignores.ignores(dir, true)) ignores = IgnoreStack.empty();
    const real = realpathSync(dir);
    if (this.seenDirs.has(real)) return;
    this.seenDirs.add(real);
    this.walkTree({ dir, real, relPrefix: this.relPrefixOf(dir), ignores });
  }

  /** Named files bypass ignore rules and the extension filter: the user asked for them. */
  addExplicitFile(abs: string): void {
    const real = realpathSync(abs);
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    this.files.push({ abs, rel: this.relOf(abs), size: statSync(abs).size, explicit: true });
  }

  followDeferredLinks(): void {
    // The queue grows while linked directories are walked; each real directory is walked once.
    for (let i = 0; i < this.deferred.length; i++) {
      const link = this.deferred[i]!;
      let real: string;
      let info;
      try {
        real = realpathSync(link.abs);
        info = statSync(real);
      } catch {
        continue; // broken link
      }
      if (!isInside(real, this.rootReal)) continue;
      if (info.isDirectory()) {
        if (this.isSkippedDir(link.name, link.abs, link.ignores) || this.seenDirs.has(real)) continue;
        this.seenDirs.add(real);
        this.walkTree({ dir: link.abs, real, relPrefix: link.rel + '/', ignores: link.ignores });
      } else if (info.isFile() && this.wantsFile(link.name, link.abs, link.ignores) && !this.seenFiles.has(real)) {
        this.seenFiles.add(real);
        this.files.push({ abs: link.abs, rel: link.rel, size: info.size });
      } else if (!info.isFile() && this.wantsFile(link.name, link.abs, link.ignores)) {
        this.diagnostics.push(notRegular(link.rel, describeFileType(info)));
      }
    }
  }

  /** Ignore files from the repository top (or the scan root) down to the parent of `dir`. */
  private ancestorIgnores(dir: string): IgnoreStack {
    this.top ??= findRepositoryTop(this.root) ?? this.root;
    const chain: string[] = [];
    for (let d = dir; d !== this.top && dirname(d) !== d; ) {
      d = dirname(d);
      chain.unshift(d);
    }
    let stack = IgnoreStack.empty();
    for (const d of chain) stack = stack.withDirectory(d);
    return stack;
  }

  /**
   * Walks breadth first, so a directory's symlinks are deferred before those of its sub-directories:
   * when two links reach the same target, the shallower link path is the one kept.
   */
  private walkTree(start: PendingDirectory): void {
    const queue = [start];
    for (let i = 0; i < queue.length; i++) this.walkDirectory(queue[i]!, queue);
  }

  /** Lists one directory: wanted files are added, sub-directories queued, symlinks deferred. */
  private walkDirectory(current: PendingDirectory, queue: PendingDirectory[]): void {
    const { dir, relPrefix } = current;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.diagnostics.push(unreadableDirectory(this.relOf(dir), error));
      return;
    }
    // Sorted, so symlinks are deferred (and later win over each other) in a stable order.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ignores = current.ignores.withDirectory(dir, this.ignoreFilesListed(entries, relPrefix), (name, reason) =>
      this.diagnostics.push(ignoreFileSkipped(relPrefix + name, reason)),
    );
    const prefix = withTrailingSep(dir);
    // Below the root the real path is usually the path itself; then no second string is built.
    const realPrefix = current.real === dir ? prefix : withTrailingSep(current.real);
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isSymbolicLink()) {
        this.deferred.push({ abs: prefix + name, name, rel: relPrefix + name, ignores });
      } else if (entry.isDirectory()) {
        const abs = prefix + name;
        if (this.isSkippedDir(name, abs, ignores)) continue;
        const real = realPrefix === prefix ? abs : realPrefix + name;
        if (this.seenDirs.has(real)) continue;
        this.seenDirs.add(real);
        queue.push({ dir: abs, real, relPrefix: relPrefix + name + '/', ignores });
      } else if (entry.isFile()) {
        // wantsFile tests the extension first: most files are not wanted, and that needs no path work.
        const abs = prefix + name;
        const wanted = this.wantsFile(name, abs, ignores);
        const tracked = !wanted && this.trackedDespiteIgnore(name, abs);
        if (!wanted && !tracked) continue;
        const real = realPrefix === prefix ? abs : realPrefix + name;
        if (this.seenFiles.has(real)) continue;
        this.seenFiles.add(real);
        const size = sizeOf(abs);
        // Vanished between readdir and stat: nothing to scan.
        if (size !== undefined) this.files.push(tracked ? { abs, rel: relPrefix + name, size, trackedDespiteIgnore: true } : { abs, rel: relPrefix + name, size });
      } else if (this.wantsFile(name, prefix + name, ignores)) {
        // A FIFO, socket or device with a scannable name: never opened (a FIFO blocks), but named.
        this.diagnostics.push(notRegular(relPrefix + name, describeDirent(entry)));
      }
    }
  }

  /**
   * The ignore file names present in a listing, so only files that exist are read. One that is not a
   * regular file (a FIFO would block the walk forever) is named in a diagnostic and not read.
   */
  private ignoreFilesListed(entries: readonly Dirent[], relPrefix: string): string[] {
    const present: string[] = [];
    for (const entry of entries) {
      if (!(IGNORE_FILE_NAMES as readonly string[]).includes(entry.name)) continue;
      if (entry.isFile() || entry.isSymbolicLink()) present.push(entry.name);
      else this.diagnostics.push(ignoreFileNotRegular(relPrefix + entry.name, entry));
    }
    return present;
  }

  private isSkippedDir(name: string, abs: string, ignores: IgnoreStack): boolean {
    return ALWAYS_SKIPPED_DIRS.has(name) || ignores.ignores(abs, true) || this.excludes.ignores(abs, true);
  }

  private wantsFile(name: string, abs: string, ignores: IgnoreStack): boolean {
    if (!this.accept(name)) return false;
    return !ignores.ignores(abs, false) && !this.excludes.ignores(abs, false);
  }

  /** An ignored file the caller keeps when tracked (`keepIfTracked`), and git tracks it. */
  private trackedDespiteIgnore(name: string, abs: string): boolean {
    if (!this.keepIfTracked?.(name) || !this.accept(name) || this.excludes.ignores(abs, false)) return false;
    if (!this.tracked) {
      this.top ??= findRepositoryTop(this.root) ?? this.root;
      const top = this.top;
      const index = indexPathOf(top);
      this.tracked = new Set([...(index ? readTrackedPaths(index) : [])].map((p) => join(top, p)));
    }
    return this.tracked.has(abs);
  }

  private relOf(abs: string): string {
    if (abs === this.base) return '.';
    if (abs.startsWith(this.basePrefix)) return toPosix(abs.slice(this.basePrefix.length));
    return toPosix(relative(this.base, abs)) || '.';
  }

  private relPrefixOf(dir: string): string {
    return dir === this.base ? '' : this.relOf(dir) + '/';
  }
}

function hasExtension(name: string, extensions: readonly string[]): boolean {
  for (const ext of extensions) if (name.endsWith(ext)) return true;
  return false;
}


/** Size of a file, or undefined when it is gone (or cannot be stat'ed) by the time we look. */
function sizeOf(abs: string): number | undefined {
  try {
    return statSync(abs, { throwIfNoEntry: false })?.size;
  } catch {
    return undefined;
  }
}

/** The nearest ancestor (or `dir` itself) holding `.git`, whose ignore files also apply. */
export { findRepositoryTop };
