// The installable package works: `npm pack` ships the compiled dist/, the tarball installs into an empty
// prefix, and its `bulwark` runs `scan` and `model` on the bundled examples from outside the checkout
// (also with a worker thread). Run by .ci/run; exits non-zero on the first failure.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packAndInstall, removeInstall } from './package/install.js';

function fail(message: string): never {
  console.error(`package check: ${message}`);
  process.exit(1);
}

const installed = packAndInstall();
try {
  for (const needed of ['dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'dist/pipeline/worker.js', 'bin/bulwark.js', 'examples/terraform/example-c/main.tf']) {
    if (!installed.tarballFiles.includes(needed)) fail(`the tarball lacks ${needed}`);
  }
  if (installed.tarballFiles.some((f) => f.startsWith('src/') || f.startsWith('test/'))) fail('the tarball ships sources or tests');

  // From a directory outside the checkout, with nothing on the PATH but the installed package.
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(installed.bin, args, { cwd: installed.workDir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

  const version = run(['--version']);
  if (version.status !== 0 || !/^\d+\.\d+\.\d+/.test(version.stdout)) fail(`--version: ${version.stderr}`);

  const exampleC = join(installed.packageDir, 'examples', 'terraform', 'example-c');
  for (const workers of ['0', '1']) {
    const scan = run(['scan', exampleC, '--format', 'json'], { BULWARK_WORKERS: workers });
    if (scan.status !== 1) fail(`scan of example C should exit 1 (critical findings), got ${scan.status}: ${scan.stderr}`);
    const result = JSON.parse(scan.stdout) as { findings: { ruleId: string; severity: string }[]; stats: { checked: number } };
    const critical = result.findings.filter((f) => f.severity === 'critical').map((f) => f.ruleId).sort();
    if (critical.join() !== 'BW-AWS-S3-001,BW-AWS-VPC-001') fail(`scan with ${workers} workers: unexpected critical findings ${critical.join()}`);
    if (result.stats.checked !== 3) fail(`scan: expected 3 checked resources, got ${result.stats.checked}`);
  }
  const text = run(['scan', exampleC]);
  if (!text.stdout.includes('✖ 12 findings')) fail(`text scan: ${text.stdout.slice(-300)}`);

  const model = run(['model', join(installed.packageDir, 'examples', 'models', 'photo-upload.txt'), '--format', 'json']);
  if (model.status !== 0) fail(`model exited ${model.status}: ${model.stderr}`);
  const threats = (JSON.parse(model.stdout) as { threats: unknown[] }).threats;
  if (threats.length !== 6) fail(`model of Example A: expected 6 threats, got ${threats.length}`);
  const diagram = run(['model', join(installed.packageDir, 'examples', 'models', 'shop.mmd'), '--format', 'markdown']);
  if (diagram.status !== 0 || !diagram.stdout.startsWith('# Threat model')) fail(`model of shop.mmd: ${diagram.stderr}`);

  console.log(`package check: ${installed.tarballFiles.length} files packed; installed bulwark ${version.stdout.trim()} scans and models the examples from outside the checkout`);
} finally {
  removeInstall(installed);
}
