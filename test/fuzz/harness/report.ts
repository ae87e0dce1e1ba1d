// What a fuzz run prints and keeps: the per-target table, each failure with a shrunk input shown escaped
// and truncated, and counterexample files that `--replay` reads back.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FailureReport } from './protocol.js';
import type { TargetRun } from './runner.js';
import type { FuzzInput } from './target.js';

/** A string as a JSON literal (control characters and lone surrogates escaped), cut to `max` characters. */
export function escapeText(text: string, max = 600): string {
  const shown = JSON.stringify(text.length > max ? text.slice(0, max) : text);
  return text.length > max ? `${shown} ... (${text.length} characters in all)` : shown;
}

export function showInput(input: FuzzInput, max = 600): string {
  if (typeof input === 'string') return escapeText(input, max);
  const files = Object.entries(input);
  const each = Math.max(80, Math.floor(max / Math.max(1, files.length)));
  return files.map(([name, text]) => `${name}: ${escapeText(text, each)}`).join('\n');
}

export function table(runs: readonly TargetRun[]): string {
  const rows = [['target', 'inputs', 'failures', 'slowest ms', 'seconds', 'notes']];
  for (const r of runs) {
    const notes = Object.entries(r.stats.counters).map(([k, v]) => `${k} ${v}`).join(', ');
    rows.push([r.target, String(r.stats.inputs), String(r.failures.length), r.stats.slowestMs.toFixed(1), (r.ms / 1000).toFixed(1), notes]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 || i === row.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

export function describeFailure(f: FailureReport, savedAs: string | undefined, timeLimitMs: number): string {
  const lines = [`FAIL ${f.target}: ${f.property}`, `  ${f.message.split('\n').join('\n  ')}`];
  if (f.seed !== undefined) {
    const path = f.path ? ` --path ${f.path}` : '';
    lines.push(`  seed ${f.seed}${f.path ? `, path ${f.path}` : ''} (npm run fuzz -- --target ${f.target} --seed ${f.seed}${path} --time-limit-ms ${timeLimitMs})`);
  }
  lines.push('  input (shrunk):', `    ${showInput(f.input).split('\n').join('\n    ')}`);
  if (savedAs) lines.push(`  saved: ${savedAs} (replay: npm run fuzz -- --replay ${savedAs})`);
  return lines.join('\n');
}

export interface SavedCounterexample extends FailureReport {
  savedAt: string;
}

/** Writes a counterexample under `dir`, named by target and signature so a bug found again overwrites its file. */
export function saveCounterexample(dir: string, failure: FailureReport, suffix = ''): string {
  mkdirSync(dir, { recursive: true });
  const id = createHash('sha256').update(`${failure.target}\n${failure.signature}`).digest('hex').slice(0, 10);
  const file = join(dir, `${failure.target}-${failure.property}-${id}${suffix}.json`);
  const saved: SavedCounterexample = { ...failure, savedAt: new Date().toISOString() };
  // JSON.stringify escapes lone surrogates, so the input reads back exactly.
  writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`);
  return file;
}

export function loadCounterexample(file: string): SavedCounterexample {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedCounterexample>;
  if (typeof data.target !== 'string' || data.input === undefined) throw new Error(`${file} is not a saved counterexample (needs "target" and "input")`);
  return data as SavedCounterexample;
}
