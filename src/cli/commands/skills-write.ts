// Writes the generated skills into a folder (`bulwark skills build`, `npm run docs`): files that changed are
// replaced atomically, unchanged ones are not touched, and files the generator no longer makes are removed
// from the two skill folders (only regular files; nothing outside them).

import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSkills, SKILL_NAMES, type SkillFile } from '../../skills/build.js';
import { inspect, isSame, writeSetupFile } from './init-safe-write.js';

export interface SkillsWritten {
  written: string[];
  unchanged: number;
  removed: string[];
}

export async function writeSkills(outDir: string, files: readonly SkillFile[] = buildSkills()): Promise<SkillsWritten> {
  const result: SkillsWritten = { written: [], unchanged: 0, removed: [] };
  for (const file of files) {
    const existing = await inspect(outDir, file.path);
    if (existing.state === 'refused') throw new Error(`cannot write ${file.path}: ${existing.reason}`);
    if (isSame(existing, file.text, file.executable)) {
      result.unchanged++;
      continue;
    }
    await writeSetupFile(outDir, file.path, file.text, file.executable);
    result.written.push(file.path);
  }
  const wanted = new Set(files.map((f) => f.path));
  for (const skill of SKILL_NAMES) {
    for (const rel of await listFiles(outDir, skill)) {
      if (!wanted.has(rel)) {
        await rm(join(outDir, ...rel.split('/')));
        result.removed.push(rel);
      }
    }
  }
  return result;
}

/** Regular files below `root/folder`, as POSIX paths relative to root; symbolic links are not followed. */
async function listFiles(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(root, ...folder.split('/')), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const rel = `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(root, rel)));
    else if (entry.isFile()) files.push(rel);
  }
  return files.sort();
}
