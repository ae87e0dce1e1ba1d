import { readFileSync } from 'node:fs';
import { scanFiles } from './test/fuzz/checks/scan-outcome.js';
const d = JSON.parse(readFileSync('/tmp/fuzzlong/out2/terraform-time-a64822e55d.json', 'utf8'));
for (let k = 0; k < 3; k++) { const s = performance.now(); const o = scanFiles(d.input); console.log(performance.now() - s, o.findings.length, o.diagnostics?.length); }
console.log(Object.keys(d.input), Object.values(d.input).map((v: any) => v.length));
