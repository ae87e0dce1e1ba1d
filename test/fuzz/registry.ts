// The fuzz targets: every module in targets/, named by its file name. Adding a reader to the fuzzer is
// adding one module there; nothing else lists them.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FuzzTarget } from './harness/target.js';

const TARGET_DIR = join(dirname(fileURLToPath(import.meta.url)), 'targets');

export function targetNames(): string[] {
  return readdirSync(TARGET_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function loadTarget(name: string): Promise<FuzzTarget> {
  if (!targetNames().includes(name)) throw new Error(`no fuzz target "${name}" (targets: ${targetNames().join(', ')})`);
  const module = (await import(pathToFileURL(join(TARGET_DIR, `${name}.ts`)).href)) as { default?: FuzzTarget };
  const target = module.default;
  if (!target || typeof target.run !== 'function') throw new Error(`targets/${name}.ts does not default-export a fuzz target`);
  if (target.name !== name) throw new Error(`targets/${name}.ts exports a target named "${target.name}"; it must be "${name}"`);
  return target;
}
