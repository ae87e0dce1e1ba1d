// The hostile-input table: inputs built to hang, crash or exhaust a scanner, each run through the compiled
// CLI in a new process as CI would run it. Every row must finish in under 10 s and 1 GB, and where a limit
// applied the report must say so (the diagnostic codes column). A row that misses is marked.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as model from '../../test/hostile/model-inputs.js';
import { HOSTILE_TERRAFORM, type FileMap } from '../../test/hostile/terraform-inputs.js';

const DEADLINE_S = 10;
const MEMORY_MB = 1024;
/** A run is stopped here, so a regression shows as a miss instead of a hung benchmark. */
const KILL_AFTER_MS = 120_000;

interface Case {
  name: string;
  files: FileMap;
  /** CLI arguments after the binary; `DIR` is the case's directory. */
  args: string[];
}

interface Row {
  name: string;
  seconds: number;
  rssMb: number;
  exit: number | string;
  limits: string;
}

function terraformCases(): Case[] {
  const cases = Object.entries(HOSTILE_TERRAFORM).map(([name, make]) => ({ name: `scan: ${name}`, files: make(), args: ['scan', 'DIR', '--format', 'json', '--fail-on', 'none'] }));
  // One byte over the file-size limit: refused with an exact message, not parsed.
  const big = 16 * 1024 * 1024 + 1;
  const filler = `# ${'x'.repeat(78)}\n`;
  const text = filler.repeat(Math.ceil(big / filler.length)).slice(0, big - 1) + '\n';
  cases.push({ name: 'scan: file 16 MB + 1 byte', files: { 'big.tf': text }, args: ['scan', 'DIR', '--format', 'json', '--fail-on', 'none'] });
  return cases;
}

function modelCase(name: string, file: string, text: string, extra: string[] = []): Case {
  return { name: `model: ${name}`, files: { [file]: text }, args: ['model', `DIR/${file}`, '--format', 'json', '--fail-on', 'none', ...extra] };
}

function modelCases(): Case[] {
  const MB = 1024 * 1024;
  return [
    modelCase('2 MB of prose', 'design.md', model.prose(2 * MB)),
    modelCase('4 MB of prose', 'design.md', model.prose(4 * MB)),
    modelCase('prose at its 256 KB limit', 'design.md', model.prose(256 * 1024 - 1024)),
    // 99,999 nodes and the customer: exactly the element limit, modelled, not refused.
    modelCase('100k-node Mermaid', 'design.mmd', model.mermaidNodes(99_999)),
    modelCase('JSON 100k elements, 100k flows', 'design.json', model.jsonModel(100_000, 100_000)),
    modelCase('JSON 30k elements, 300k flows', 'design.json', model.jsonModel(30_000, 300_000)),
    // The same design with the default report (Markdown, for people): the modelling itself, without writing
    // a 320 MB register of 212,000 threats.
    { ...modelCase('JSON 30k elements, 300k flows, default report', 'design.json', model.jsonModel(30_000, 300_000)), args: ['model', 'DIR/design.json', '--fail-on', 'none'] },
    modelCase('Mermaid subgraphs 10,000 deep', 'design.mmd', model.mermaidNestedSubgraphs(10_000)),
    modelCase('50k Threat Dragon cells', 'design.json', model.threatDragonCells(50_000)),
    modelCase('YAML 100k elements', 'design.yaml', model.yamlModel(100_000, 100_000)),
    modelCase('YAML 300k flows', 'design.yaml', model.yamlModel(30_000, 300_000)),
    modelCase('YAML boundaries 10,000 deep', 'design.yaml', model.yamlNestedBoundaries(10_000)),
    modelCase('YAML alias bomb', 'design.yaml', yamlAliasBomb()),
  ];
}

/** "Billion laughs": each level refers to the previous one ten times. */
function yamlAliasBomb(): string {
  const lines = ['name: Laughs', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  lines.push('elements:', '  - id: web', '    type: process', '    name: *a9');
  return lines.join('\n') + '\n';
}

function writeCase(dir: string, files: FileMap): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Diagnostic codes of warnings and errors in a JSON report (scan or model), or the first stderr line. */
function limitsReported(stdout: string, stderr: string, dir: string): string {
  try {
    const report = JSON.parse(stdout) as { diagnostics?: { code?: string; severity?: string }[]; notes?: { code?: string; level?: string; message?: string }[] };
    const codes = new Set<string>();
    for (const d of report.diagnostics ?? []) if (d.severity !== 'info' && d.code && !/^(coverage|nothing)/.test(d.code)) codes.add(d.code);
    for (const n of report.notes ?? []) if (n.level === 'warning') codes.add(n.code ?? (n.message ?? '').slice(0, 40));
    return [...codes].join(', ') || '—';
  } catch {
    const line = stderr.split('\n').find((l) => l.trim() && !/^\d+$/.test(l.trim()));
    // The case's temporary folder says nothing; the message after the file name does.
    return line ? line.replace(/^bulwark: /, '').split(`${dir}/`).join('').slice(0, 110) : '—';
  }
}

function runCase(cli: string, c: Case): Row {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-hostile-'));
  try {
    writeCase(dir, c.files);
    const args = c.args.map((a) => a.replace(/^DIR/, dir));
    const t = performance.now();
    const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      timeout: KILL_AFTER_MS,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const seconds = (performance.now() - t) / 1000;
    const stderrLines = (child.stderr ?? '').trim().split('\n');
    const rssKb = Number(stderrLines.at(-1));
    return {
      name: c.name,
      seconds,
      rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : NaN,
      exit: child.signal ? `killed (${child.signal})` : (child.status ?? '?'),
      limits: limitsReported(child.stdout ?? '', stderrLines.slice(0, -1).join('\n'), dir),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every case and prints the table; returns false when a row missed its time or memory bound. */
export function benchHostile(cli: string, only?: string): boolean {
  const cases = [...terraformCases(), ...modelCases()].filter((c) => !only || c.name.toLowerCase().includes(only.toLowerCase()));
  const rows: Row[] = [];
  for (const c of cases) {
    const row = runCase(cli, c);
    rows.push(row);
    process.stderr.write(`  ${row.name}: ${row.seconds.toFixed(2)} s\n`);
  }
  console.log(`\nhostile inputs (compiled CLI, new process; bound: ${DEADLINE_S} s and ${MEMORY_MB} MB each)\n`);
  console.log('| input | time | peak RSS | exit | limits reported | within bounds |');
  console.log('| --- | ---: | ---: | ---: | --- | :---: |');
  let ok = true;
  for (const r of rows) {
    const within = r.seconds < DEADLINE_S && r.rssMb < MEMORY_MB && typeof r.exit === 'number' && r.exit !== 3;
    ok &&= within;
    console.log(`| ${r.name} | ${r.seconds.toFixed(2)} s | ${r.rssMb.toFixed(0)} MB | ${r.exit} | ${r.limits.replace(/\|/g, '\\|')} | ${within ? 'yes' : '**no**'} |`);
  }
  return ok;
}
