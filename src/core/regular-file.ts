// Reads only regular files. A FIFO, a device, a socket or a directory under a file's name is refused
// with a clear reason instead of being read: reading a FIFO blocks forever and a device may never end.
// The path is checked before it is opened (opening some devices has effects of its own), then opened
// without blocking and checked again through its descriptor, so nothing swapped in between is read.

import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type UnreadableKind = 'missing' | 'directory' | 'not-regular' | 'too-large' | 'unreadable';

/** Why a file was not read; `message` is one line, ready for a diagnostic or a usage error. */
export class FileReadError extends Error {
  constructor(
    readonly kind: UnreadableKind,
    readonly path: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

export interface ReadRegularOptions {
  /** Refuse files larger than this many bytes (checked before reading). */
  maxBytes?: number;
  /** How to name the file in messages; default: the path as given. */
  display?: string;
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it has no effect on
// regular files. Not every platform defines it (Windows has no FIFOs to worry about).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file as UTF-8, or throws FileReadError. */
export function readRegularFileSync(path: string, options: ReadRegularOptions = {}): string {
  const name = options.display ?? path;
  let fd: number;
  try {
    checkRegular(statSync(path), name, options.maxBytes);
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(error, name);
  }
  try {
    const info = fstatSync(fd);
    checkRegular(info, name, options.maxBytes);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw readError(error, name);
  } finally {
    closeSync(fd);
  }
}

/** The promise form of readRegularFileSync. */
export async function readRegularFile(path: string, options: ReadRegularOptions = {}): Promise<string> {
  const name = options.display ?? path;
  let handle;
  try {
    checkRegular(await stat(path), name, options.maxBytes);
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(error, name);
  }
  try {
    const info = await handle.stat();
    checkRegular(info, name, options.maxBytes);
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw readError(error, name);
  } finally {
    await handle.close();
  }
}

/** What the thing at a path is, for messages: "a directory", "a FIFO", "a character device", ... */
export function describeFileType(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * A size for people, never rounded onto the limit it is compared with: 16 MiB + 1 byte reads
 * "16,777,217 bytes", not "16.0 MB".
 */
export function formatBytes(bytes: number): string {
  const mib = bytes / 1048576;
  if (Number.isInteger(mib) && mib >= 1) return `${mib} MB`;
  if (bytes < 1048576 || Math.round(mib * 10) / 10 === Math.floor(mib)) return `${bytes.toLocaleString('en-US')} bytes`;
  return `${mib.toFixed(1)} MB`;
}

/** "big.tf is 16,777,217 bytes, over the 16 MB limit" */
export function overLimitMessage(name: string, size: number, limit: number): string {
  return `${name} is ${formatBytes(size)}, over the ${formatBytes(limit)} limit`;
}

function checkRegular(info: Stats, name: string, maxBytes: number | undefined): void {
  if (info.isDirectory()) throw new FileReadError('directory', name, `${name} is a directory, not a file`);
  if (!info.isFile()) throw new FileReadError('not-regular', name, `${name} is ${describeFileType(info)}; only regular files are read`);
  if (maxBytes !== undefined && info.size > maxBytes) throw new FileReadError('too-large', name, overLimitMessage(name, info.size, maxBytes));
}

/** Reads to the end (the size is a hint: a file may grow or shrink while being read). */
function openError(error: unknown, name: string): FileReadError {
  if (error instanceof FileReadError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileReadError('missing', name, `${name} not found`, code);
  if (code === 'EISDIR') return new FileReadError('directory', name, `${name} is a directory, not a file`, code);
  return readError(error, name);
}

function readError(error: unknown, name: string): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new FileReadError('directory', name, `${name} is a directory, not a file`, code);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error instanceof Error ? error.message : String(error)));
  return new FileReadError('unreadable', name, `cannot read ${name}: ${reason}`, code);
}
