// Writes docs/rules/ from rule metadata (`npm run docs`). test/report/rule-docs.test.ts fails when they drift.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { builtinRules } from '../src/analyze/rules/index.js';
import { generateRuleDocs } from '../src/report/rule-docs.js';

const dir = fileURLToPath(new URL('../docs/rules/', import.meta.url));
const files = generateRuleDocs(builtinRules);

await mkdir(dir, { recursive: true });
for (const name of await readdir(dir)) {
  // Pages of removed or renamed rules go too.
  if (name.endsWith('.md') && !files.has(name)) await rm(join(dir, name));
}
for (const [name, text] of files) await writeFile(join(dir, name), text);
console.log(`wrote ${files.size} files to docs/rules/`);
