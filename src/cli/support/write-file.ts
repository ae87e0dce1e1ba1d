// Writes a report or a tracking file without ever damaging what is at the path:
// - a regular file (or a new path) is replaced atomically: a temporary file beside it, flushed, given
//   the old file's mode, then renamed over it, so readers never see half a file;
// - a character device, a FIFO and /dev/stdout or /dev/stderr are written to as streams, never replaced;
// - a symbolic link is followed and its target updated, so the link stays a link;
// - a directory, a socket, a block device or an empty name is refused with a clear message.

import { lstat, open, readlink, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { constants, writeSync, type Stats } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import type { CliIo } from './io.js';
import { release, removeStaleTemps, tempPathFor, track } from './temp-files.js';

/** A write that was refused or failed; the message is one line naming the path. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

const STANDARD_STREAMS: Record<string, 'stdout' | 'stderr'> = {
  '/dev/stdout': 'stdout',
  '/dev/fd/1': 'stdout',
  '/proc/self/fd/1': 'stdout',
  '/dev/stderr': 'stderr',
  '/dev/fd/2': 'stderr',
  '/proc/self/fd/2': 'stderr',
};

/** A chunked write gives the event loop a turn after about this much text. */
const YIELD_EVERY_CHARS = 8 * 1024 * 1024;

/** Symbolic links followed before giving up, as the kernel does (ELOOP). */
const MAX_LINK_HOPS = 40;

/**
 * Writes `text` to `path` as given on the command line (relative to `io.cwd`). `-` and the names of
 * standard output and standard error go to those streams.
 */
export async function writeOutput(io: CliIo, path: string, text: Content): Promise<void> {
  if (path.trim() === '') throw new WriteError('the output file name is empty');
  const abs = resolve(io.cwd, path);
  const stream = path === '-' ? 'stdout' : STANDARD_STREAMS[abs];
  if (stream) return writeToStream(io, stream, text);
  await writeFileSafely(abs, text, path);
}

/**
 * Writes to standard output or standard error; when that is the process's own and its buffer is full, waits
 * for it to drain, so a report of hundreds of megabytes is not queued in memory behind a slow reader.
 */
export async function writeToStream(io: CliIo, stream: 'stdout' | 'stderr', text: Content): Promise<void> {
  const own = stream === 'stdout' ? process.stdout : process.stderr;
  for (const chunk of typeof text === 'string' ? [text] : text) {
    if (io[stream].write(chunk) === false && own.writableNeedDrain) await once(own, 'drain');
  }
}

/** A report as one string, or in pieces so a very large one never exists in memory as one string. */
export type Content = string | Iterable<string>;

async function writeContent(handle: FileHandle, text: Content): Promise<void> {
  if (typeof text === 'string') return handle.writeFile(text);
  // Chunk by chunk, synchronously, into one reused buffer: with an await per chunk every chunk outlives a
  // young-generation collection and is promoted, and a 300 MB report then grew the heap by half a gigabyte
  // before the old generation was collected. The event loop gets a turn every few megabytes, so an
  // interrupt still removes the temporary file promptly.
  let buffer = Buffer.allocUnsafe(0);
  let sinceTurn = 0;
  for (const chunk of text) {
    if ((sinceTurn += chunk.length) > YIELD_EVERY_CHARS) {
      sinceTurn = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (buffer.length < chunk.length * 3) buffer = Buffer.allocUnsafe(Math.max(chunk.length * 3, 1 << 16));
    const length = buffer.write(chunk, 0);
    for (let at = 0; at < length; ) at += writeSync(handle.fd, buffer, at, length - at);
  }
}

/**
 * For a FIFO or a device: each write waits off the main thread, so a reader in this same process (or one slow to
 * read) is never blocked out by a synchronous write into a full pipe.
 */
async function writeContentWaiting(handle: FileHandle, text: Content): Promise<void> {
  for (const chunk of typeof text === 'string' ? [text] : text) {
    const bytes = Buffer.from(chunk);
    for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
  }
}

/** Writes `text` to the absolute path `abs`, following the rules above; `display` names it in messages. */
export async function writeFileSafely(abs: string, text: Content, display = abs): Promise<void> {
  const { path, info } = await followLinks(abs, display);
  if (!info) return writeAtomically(path, text, undefined, display);
  if (info.isFile()) return writeAtomically(path, text, info.mode & 0o7777, display);
  if (info.isCharacterDevice() || info.isFIFO()) return writeStream(path, text, display);
  if (info.isDirectory()) throw new WriteError(`cannot write ${display}: it is a directory`);
  throw new WriteError(`cannot write ${display}: it is ${info.isSocket() ? 'a socket' : 'a block device'}, not a file`);
}

/** The path a write lands on after symbolic links, and what is there (undefined: nothing yet). */
async function followLinks(abs: string, display: string): Promise<{ path: string; info?: Stats }> {
  let path = abs;
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    let info: Stats;
    try {
      info = await lstat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path };
      throw failure(error, display);
    }
    if (!info.isSymbolicLink()) return { path, info };
    path = resolve(dirname(path), await readlink(path));
  }
  throw new WriteError(`cannot write ${display}: too many levels of symbolic links`);
}

async function writeAtomically(path: string, text: Content, mode: number | undefined, display: string): Promise<void> {
  const parent = await stat(dirname(path)).catch(() => undefined);
  if (!parent?.isDirectory()) throw new WriteError(`cannot write ${display}: directory ${dirname(path)} does not exist`);
  removeStaleTemps(path);
  const temp = tempPathFor(path);
  track(temp);
  try {
    // O_EXCL: the temporary name is new, so nothing (not even a planted symlink) is written through.
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
    try {
      await writeContent(handle, text);
      // The mode given to open is masked by the umask; the replaced file's own mode is kept exactly.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw failure(error, display);
  } finally {
    release(temp);
  }
}

/** Devices and FIFOs are opened for writing as they are: no truncation, no replacement. */
async function writeStream(path: string, text: Content, display: string): Promise<void> {
  try {
    const handle = await open(path, constants.O_WRONLY);
    try {
      await writeContentWaiting(handle, text);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw failure(error, display);
  }
}

function failure(error: unknown, display: string): WriteError {
  if (error instanceof WriteError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'no space left on the device'
        : code === 'EROFS'
          ? 'read-only file system'
          : (code ?? (error instanceof Error ? error.message : String(error)));
  return new WriteError(`cannot write ${display}: ${reason}`);
}

/** Kept for callers that already hold an absolute path. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await writeFileSafely(path, text, path);
}
