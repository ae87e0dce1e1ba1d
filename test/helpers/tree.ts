// Temporary directory trees for tests that scan real files.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `files` (POSIX paths → text) under a new temporary directory and returns its path. */
export async function tree(files: Record<string, string>, prefix = 'bulwark-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}
