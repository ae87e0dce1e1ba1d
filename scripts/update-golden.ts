// Rewrites test/golden/outputs from the current code (`npm run golden`). Review the diff before committing it.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goldenCases, goldenDir } from '../test/golden/cases.js';

await mkdir(goldenDir, { recursive: true });
const cases = goldenCases();
const names = new Set(cases.map((c) => c.name));
for (const name of await readdir(goldenDir)) if (!names.has(name)) await rm(join(goldenDir, name));
for (const c of cases) await writeFile(join(goldenDir, c.name), await c.produce());
console.log(`wrote ${cases.length} golden files to test/golden/outputs/`);
