// Measures parseHcl throughput on realistic Terraform: the fixtures repeated to about 20 MB in files of
// fixture size. Run: node --import tsx test/parse/measure-speed.ts [megabytes]
// (Speed is measured here, never asserted in tests.)

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHcl } from '../../src/parse/hcl/parser.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hcl');
const sources = readdirSync(dir).filter((f) => f.endsWith('.tf')).map((f) => readFileSync(join(dir, f), 'utf8'));
const targetBytes = Number(process.argv[2] ?? '20') * 1024 * 1024;

// Distinct strings per copy so nothing is shared between files, as with real files read from disk.
const files: string[] = [];
let total = 0;
for (let i = 0; total < targetBytes; i++) {
  const text = sources[i % sources.length]!.replace(/payments/g, `payments${i}`);
  files.push(text);
  total += Buffer.byteLength(text);
}

function run(): number {
  const start = process.hrtime.bigint();
  let blocks = 0;
  for (let i = 0; i < files.length; i++) blocks += parseHcl(files[i]!, `f${i}.tf`).body.blocks.length;
  if (blocks === 0) throw new Error('nothing parsed');
  return Number(process.hrtime.bigint() - start) / 1e9;
}

run(); // warm-up
const times = [run(), run(), run()].sort((a, b) => a - b);
const mb = total / 1024 / 1024;
console.log(`${files.length} files, ${mb.toFixed(1)} MB: best ${(mb / times[0]!).toFixed(1)} MB/s, median ${(mb / times[1]!).toFixed(1)} MB/s`);
