// The paths git tracks, read from the repository's index file (`.git/index`) without running git: a file
// that .gitignore ignores may still be tracked (added before the rule, or with `git add -f`), and then it is
// in the repository, whatever the ignore files say. Index versions 2, 3 and 4 are read; anything else, or
// a damaged file, gives no paths rather than a wrong answer.

import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** An index larger than this is not read: the question it answers is not worth the memory. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;
const HEADER_BYTES = 12;
/** ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 each), object id (20), flags (2). */
const FIXED_ENTRY_BYTES = 62;
const EXTENDED_FLAG = 0x4000;

/** The index file of the repository whose top level is `top`, following a `.git` file (`gitdir: …`) of a worktree or submodule. */
export function indexPathOf(top: string): string | undefined {
  const dotGit = join(top, '.git');
  try {
    const info = statSync(dotGit);
    if (info.isDirectory()) return join(dotGit, 'index');
    if (!info.isFile() || info.size > 4096) return undefined;
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
    if (!pointer) return undefined;
    return join(isAbsolute(pointer) ? pointer : resolve(top, pointer), 'index');
  } catch {
    return undefined;
  }
}

/** The tracked paths (POSIX, relative to the repository top) of an index file; empty when it cannot be read. */
export function readTrackedPaths(indexPath: string): Set<string> {
  let data: Buffer;
  try {
    const info = statSync(indexPath);
    if (!info.isFile() || info.size > MAX_INDEX_BYTES) return new Set();
    data = readFileSync(indexPath);
  } catch {
    return new Set();
  }
  return parseIndex(data) ?? new Set();
}

/** The paths of an index file's entries, or undefined when the data is not an index Bulwark reads. */
export function parseIndex(data: Buffer): Set<string> | undefined {
  if (data.length < HEADER_BYTES || data.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = data.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = data.readUInt32BE(8);
  // Every entry takes at least its fixed part and a name terminator: a count beyond that is damage.
  if (count > (data.length - HEADER_BYTES) / (FIXED_ENTRY_BYTES + 1)) return undefined;
  const paths = new Set<string>();
  let offset = HEADER_BYTES;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const start = offset;
    if (offset + FIXED_ENTRY_BYTES > data.length) return undefined;
    const flags = data.readUInt16BE(offset + 60);
    offset += FIXED_ENTRY_BYTES;
    if (flags & EXTENDED_FLAG) {
      if (version < 3) return undefined;
      offset += 2;
    }
    let name: Buffer;
    if (version === 4) {
      // The name is the previous name less N trailing bytes, plus a NUL-terminated suffix.
      const strip = readOffsetVarint(data, offset);
      if (!strip || strip.value > previous.length) return undefined;
      offset = strip.next;
      const end = data.indexOf(0, offset);
      if (end < 0) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - strip.value), data.subarray(offset, end)]);
      offset = end + 1;
    } else {
      const end = data.indexOf(0, offset);
      if (end < 0) return undefined;
      name = data.subarray(offset, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      offset = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    previous = name;
    paths.add(name.toString('utf8'));
  }
  return paths;
}

/** Git's offset varint: 7 bits a byte, high bit set on all but the last, each continuation adding one. */
function readOffsetVarint(data: Buffer, offset: number): { value: number; next: number } | undefined {
  let i = offset;
  if (i >= data.length) return undefined;
  let byte = data[i++]!;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    if (i >= data.length || value > 0xffffff) return undefined;
    byte = data[i++]!;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: i };
}
