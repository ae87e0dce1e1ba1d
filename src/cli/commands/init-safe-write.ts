// Writing set-up files into a repository (`bulwark init`, `bulwark skills build`): only regular files are ever
// replaced, atomically (temporary file and rename); a symbolic link, a device or a FIFO at the path, or a
// symbolic link among its folders below the root, is left alone and reported, so a planted link never makes
// a set-up command write somewhere else.

import { chmod, lstat, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { writeFileSafely } from '../support/write-file.js';

export type Existing = { state: 'absent' } | { state: 'file'; text: string; executable: boolean } | { state: 'refused'; reason: string };

/** What is at `root/rel` now: nothing, a regular file (with its text), or something never to be replaced. */
export async function inspect(root: string, rel: string): Promise<Existing> {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = join(root, ...parts.slice(0, i));
    const info = await lstat(folder).catch(() => undefined);
    if (!info) return { state: 'absent' };
    if (!info.isDirectory()) return { state: 'refused', reason: `${parts.slice(0, i).join('/')} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}` };
  }
  const path = join(root, ...parts);
  const info = await lstat(path).catch(() => undefined);
  if (!info) return { state: 'absent' };
  if (info.isSymbolicLink()) return { state: 'refused', reason: 'it is a symbolic link' };
  if (!info.isFile()) return { state: 'refused', reason: 'it is not a regular file' };
  return { state: 'file', text: await readFile(path, 'utf8'), executable: (info.mode & 0o111) !== 0 };
}

/** True when what is there already is exactly this file. */
export function isSame(existing: Existing, text: string, executable: boolean): boolean {
  return existing.state === 'file' && existing.text === text && (!executable || existing.executable);
}

/** Writes `root/rel` atomically (call inspect first: it must be absent or a regular file), creating its folders. */
export async function writeSetupFile(root: string, rel: string, text: string, executable = false): Promise<void> {
  const path = join(root, ...rel.split('/'));
  if (relative(root, path).split(sep)[0] === '..') throw new Error(`refusing to write outside ${root}: ${rel}`);
  await mkdir(dirname(path), { recursive: true });
  // Checked again right before the write: the write helper follows links, and this path must not be one.
  const now = await inspect(root, rel);
  if (now.state === 'refused') throw new Error(`cannot write ${rel}: ${now.reason}`);
  await writeFileSafely(path, text, rel);
  if (executable) await chmod(path, 0o755);
}
