// Benchmarks (figures, not pass/fail tests):
//   - HCL parse throughput (MB/s) over a generated ≥50 MB, ≥10,000-file Terraform tree;
//   - end-to-end `bulwark scan` of that tree as a user runs it (compiled CLI, new process):
//     MB/s, files/s, peak RSS;
//   - threat modelling of a generated 1,000-element, 3,000-flow architecture.
//
//   - start-up of the installed CLI scanning one small file;
//   - the hostile-input table: inputs built to hang, crash or exhaust a scanner (scripts/bench/hostile.ts).
//
//   - the mixed tree (Terraform, 20 MB of Kubernetes YAML, 2,000 Dockerfiles and compose files) end to end,
//     and the secrets search's throughput (scripts/bench/mixed.ts);
//   - `bulwark model <dir>` on a generated 5,000-file multi-service repository (scripts/bench/repository.ts);
//   - watch mode: one changed file of the Terraform tree re-scanned and printed (scripts/bench/watch.ts);
//   npm run bench [-- --files N] [--skip-scan] [--skip-mixed] [--skip-startup] [--skip-model] [--skip-repository] [--skip-hostile] [--skip-watch]
//   npm run bench -- --hostile-only [--case TEXT]

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHcl } from '../src/parse/hcl/parser.js';
import { generateTree } from './bench/generate-tree.js';
import { benchHostile } from './bench/hostile.js';
import { benchMixed } from './bench/mixed.js';
import { benchRepository } from './bench/repository.js';
import { benchWatch } from './bench/watch.js';
import { packAndInstall, removeInstall } from './package/install.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(repoRoot, '.bench');
const treeDir = join(benchDir, 'tree');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(abs, out);
    else if (/\.(tf|tfvars)$/.test(entry.name)) out.push(abs);
  }
  return out;
}

const MB = 1024 * 1024;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

function ensureTree(files: number): void {
  const marker = join(benchDir, 'tree.json');
  const want = JSON.stringify({ files, generator: statSync(join(repoRoot, 'scripts', 'bench', 'generate-tree.ts')).mtimeMs });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want && existsSync(treeDir)) return;
  const t = performance.now();
  const stats = generateTree({ dir: treeDir, files });
  writeFileSync(marker, want);
  console.log(`generated tree: ${stats.files} files, ${fmt(stats.bytes / MB)} MB, ${stats.environments} root modules (${fmt((performance.now() - t) / 1000)} s)`);
}

function benchParse(): void {
  const paths = listFiles(treeDir);
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // Warm up the JIT on a slice, then time full passes and keep the best.
  for (let i = 0; i < Math.min(500, texts.length); i++) parseHcl(texts[i]!, paths[i]!);
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    let errors = 0;
    for (let i = 0; i < texts.length; i++) errors += parseHcl(texts[i]!, paths[i]!).errors.length;
    best = Math.min(best, performance.now() - t);
    if (errors) console.log(`warning: ${errors} syntax errors in generated tree`);
  }
  console.log(`parse: ${texts.length} files, ${fmt(bytes / MB)} MB in ${fmt(best / 1000, 2)} s = ${fmt(bytes / MB / (best / 1000))} MB/s`);
}

let built = false;
/** The compiled CLI, built once per benchmark run. */
function compiledCli(): string {
  if (!built) {
    console.log('building the CLI (npm run build) ...');
    execFileSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    built = true;
  }
  return join(repoRoot, 'dist', 'cli', 'main.js');
}

function benchScan(): number {
  const cli = compiledCli();
  const bytes = listFiles(treeDir).reduce((n, p) => n + statSync(p).size, 0);
  const files = listFiles(treeDir).length;
  const out = join(benchDir, 'scan.json');
  let best = { seconds: Infinity, rssKb: 0 };
  const times: number[] = [];
  let peakRssKb = 0;
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    // GNU time reports the child's peak RSS (KB) on stderr with -f %M.
    const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'scan', treeDir, '--format', 'json', '--output', out, '--fail-on', 'none'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const seconds = (performance.now() - t) / 1000;
    if (child.status !== 0) {
      console.error(child.stderr);
      throw new Error(`scan exited with ${child.status}`);
    }
    const rssKb = Number(child.stderr.trim().split('\n').pop());
    times.push(seconds);
    peakRssKb = Math.max(peakRssKb, rssKb);
    if (seconds < best.seconds) best = { seconds, rssKb };
  }
  const result = JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[]; stats: { formats: { terraform: { resources: number; rootModules: number } } } };
  console.log(
    `scan (end to end, new process): ${files} files, ${fmt(bytes / MB)} MB in ${fmt(best.seconds, 2)} s = ${fmt(bytes / MB / best.seconds)} MB/s, ` +
      `${Math.round(files / best.seconds)} files/s (best of ${times.length}; median ${fmt(bytes / MB / median(times))} MB/s), ` +
      `peak RSS ${fmt(peakRssKb / 1024, 0)} MB (highest of all runs); ` +
      `${result.stats.formats.terraform.rootModules} root modules, ${result.stats.formats.terraform.resources} resources, ${result.findings.length} findings`,
  );
  return bytes / MB / best.seconds;
}

/**
 * `bulwark fix` on the same tree, diff only (nothing written): scan, propose, verify by an in-memory re-scan,
 * render the diff. Target: at least half the scan's throughput. Runs interleaved with scans, since this
 * machine's speed drifts between runs.
 */
function benchFix(scanMbPerSecond: number): void {
  const cli = compiledCli();
  const bytes = listFiles(treeDir).reduce((n, p) => n + statSync(p).size, 0);
  const out = join(benchDir, 'fix.diff');
  const times: number[] = [];
  let peakRssKb = 0;
  let summary = '';
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'fix', treeDir, '--output', out, '--no-color'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    times.push((performance.now() - t) / 1000);
    if (child.status !== 0) throw new Error(`fix exited with ${child.status}: ${child.stderr}`);
    peakRssKb = Math.max(peakRssKb, Number(child.stderr.trim().split('\n').pop()));
  }
  summary = readFileSync(out, 'utf8').split('\n').find((l) => l.startsWith('Would apply')) ?? '';
  const best = Math.min(...times);
  const mbps = bytes / MB / best;
  console.log(
    `fix (diff only, end to end): ${fmt(bytes / MB)} MB in ${fmt(best, 2)} s = ${fmt(mbps)} MB/s, ${fmt((100 * mbps) / scanMbPerSecond, 0)}% of the scan's ` +
      `throughput (target: at least 50%; best of ${times.length}), peak RSS ${fmt(peakRssKb / 1024, 0)} MB; ${summary}`,
  );
}

/**
 * Start-up of the CLI as users get it: the packed tarball installed into an empty prefix, scanning one small
 * file in a new process (Example C's main.tf), from outside the checkout. Target: under 300 ms.
 */
function benchStartup(): void {
  console.log('packing and installing the package ...');
  const installed = packAndInstall();
  try {
    const file = join(installed.packageDir, 'examples', 'terraform', 'example-c', 'main.tf');
    const times: number[] = [];
    for (let run = 0; run < 11; run++) {
      const t = performance.now();
      const child = spawnSync(installed.bin, ['scan', file, '--fail-on', 'none'], { cwd: installed.workDir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const ms = performance.now() - t;
      if (child.status !== 0) throw new Error(`installed scan exited with ${child.status}: ${child.stderr}`);
      if (run > 0) times.push(ms); // the first run warms the file cache
    }
    const bare: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      bare.push(performance.now() - t);
    }
    console.log(
      `start-up (installed CLI, one small file, new process): best ${fmt(Math.min(...times), 0)} ms, median ${fmt(median(times), 0)} ms ` +
        `(of ${times.length} runs; a bare \`node -e 0\` takes ${fmt(median(bare), 0)} ms here)`,
    );
  } finally {
    removeInstall(installed);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function benchModel(): Promise<void> {
  const path = join(repoRoot, 'scripts', 'bench-model.ts');
  if (!existsSync(path)) {
    console.log('model: (no threat-model benchmark yet)');
    return;
  }
  const mod = (await import(pathToFileURL(path).href)) as { runModelBench?: () => Promise<void> | void };
  await mod.runModelBench?.();
}

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  if (process.argv.includes('--hostile-only')) {
    process.exitCode = benchHostile(compiledCli(), stringArg('--case')) ? 0 : 1;
    return;
  }
  if (!process.argv.includes('--skip-scan')) {
    ensureTree(arg('--files', 11_500));
    benchParse();
    const scanMbPerSecond = benchScan();
    if (!process.argv.includes('--skip-fix')) benchFix(scanMbPerSecond);
  }
  if (!process.argv.includes('--skip-watch')) {
    ensureTree(arg('--files', 11_500));
    await benchWatch(treeDir);
  }
  if (!process.argv.includes('--skip-mixed')) benchMixed(benchDir, compiledCli(), statSync(join(repoRoot, 'scripts', 'bench', 'generate-mixed.ts')).mtimeMs);
  if (!process.argv.includes('--skip-startup')) benchStartup();
  if (!process.argv.includes('--skip-model')) await benchModel();
  if (!process.argv.includes('--skip-repository')) benchRepository(benchDir, compiledCli(), statSync(join(repoRoot, 'scripts', 'bench', 'generate-repository.ts')).mtimeMs);
  if (!process.argv.includes('--skip-hostile') && !benchHostile(compiledCli())) process.exitCode = 1;
}

await main();
