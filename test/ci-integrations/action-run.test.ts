// The GitHub Action's steps, run on this machine as the runner would run them: the install step once, in a
// copy of the repository standing in for the action's checkout (it builds the package and installs it into a
// temporary npm prefix), then the scan and verdict steps on a workspace holding an example. The `uses:` steps
// (setup-node, the SARIF upload) are not run; the test checks whether their conditions would let them run.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { runCompositeAction, type ActionMetadata, type StepResult } from './action-runner.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/terraform/', import.meta.url));
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as ActionMetadata;
const INSTALL = 'Install Bulwark';
const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/**
 * The working tree as an action checkout of it would hold it: tracked and new files, not ignored ones
 * (node_modules, dist), and without the tests and evaluation data, which the build needs neither.
 */
function copyOfTheAction(): string {
  const dir = temp('bulwark-action-checkout-');
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = new Set(listed.stdout.split('\0').filter((f) => f && !/^(test|eval)\//.test(f)));
  for (const file of files) {
    if (!existsSync(join(repo, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(repo, file), join(dir, file));
  }
  return dir;
}

/** A workspace holding the example: network.tf (a critical finding) and storage.tf (none high or above). */
function workspace(): string {
  const dir = temp('bulwark-action-workspace-');
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}

const NETWORK_ERROR = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH)\b/;

describe('action.yml run locally', { skip: spawnSync('git', ['--version']).status !== 0 ? 'git is not installed' : false }, () => {
  let checkout = '';
  let env: NodeJS.ProcessEnv = {};
  let offline = '';

  before(() => {
    checkout = copyOfTheAction();
    const prefix = temp('bulwark-action-prefix-');
    const runnerTemp = temp('bulwark-action-runner-temp-');
    // A global install goes to a temporary prefix whose bin is first on PATH, as setup-node's is on a runner.
    env = {
      npm_config_prefix: prefix,
      npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false',
      PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
      RUNNER_TEMP: runnerTemp,
    };
    const onlyInstall = action.runs.steps.map((s) => s.name ?? '').filter((name) => name !== INSTALL);
    const { steps } = runCompositeAction(action, { inputs: {}, github: { action_path: checkout, workspace: workspace() }, env, skip: onlyInstall });
    const install = steps.find((s) => s.name === INSTALL)!;
    if (install.status !== 0 && NETWORK_ERROR.test(install.stderr)) offline = 'the npm registry is unreachable and its packages are not cached';
    else assert.equal(install.status, 0, `the install step failed:\n${install.stdout}\n${install.stderr}`);
  });

  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  /** The steps after the install, on a fresh workspace with the example. */
  function scan(inputs: Record<string, string>, ws = workspace()) {
    const run = runCompositeAction(action, { inputs, github: { action_path: checkout, workspace: ws }, env, skip: [INSTALL] });
    const step = (name: RegExp): StepResult => {
      const found = run.steps.find((s) => name.test(s.name));
      assert.ok(found, `no step named ${name}`);
      return found;
    };
    return { ...run, ws, scanStep: step(/^Scan$/), upload: step(/Upload SARIF/), verdict: step(/^Fail on findings/), setupNode: step(/Set up Node/) };
  }

  function sarifRules(path: string): string[] {
    const sarif = JSON.parse(readFileSync(path, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    return sarif.runs.flatMap((r) => r.results.map((x) => x.ruleId));
  }

  it('installs bulwark from the action checkout, built from the package tarball', (t) => {
    if (offline) return t.skip(offline);
    const installed = spawnSync('bulwark', ['--version'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
    const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    assert.equal(installed.stdout.trim(), packageJson.version);
    // The global bin is the packed one (dist/), not the source checkout.
    const where = spawnSync('bash', ['-c', 'readlink -f "$(command -v bulwark)"'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.ok(where.stdout.startsWith(env.npm_config_prefix!), where.stdout);
    assert.ok(existsSync(join(dirname(dirname(where.stdout.trim())), 'dist', 'cli', 'main.js')));
  });

  it('with the defaults, writes the SARIF, uploads it and then fails on the critical finding', (t) => {
    if (offline) return t.skip(offline);
    const run = scan({});
    assert.equal(run.setupNode.with?.['node-version'], '20');
    assert.equal(run.scanStep.status, 0, run.scanStep.stderr);
    assert.equal(run.scanStep.outputs['exit-code'], '1');
    assert.equal(run.scanStep.outputs['sarif-file'], 'bulwark.sarif');
    assert.ok(sarifRules(join(run.ws, 'bulwark.sarif')).includes('BW-AWS-VPC-001'));
    assert.equal(run.upload.ran, true, 'the upload runs even though the scan found critical findings');
    assert.deepEqual(run.upload.with, { sarif_file: 'bulwark.sarif', category: 'bulwark' });
    assert.equal(run.verdict.ran, true);
    assert.equal(run.verdict.status, 1);
    assert.match(run.verdict.stdout, /::error title=Bulwark::findings at or above critical severity/);
    assert.equal(run.failed, true);
  });

  it('passes with fail-on none, still writing and uploading the findings', (t) => {
    if (offline) return t.skip(offline);
    const run = scan({ 'fail-on': 'none', 'sarif-file': 'reports/scan.sarif' }, (() => {
      const ws = workspace();
      mkdirSync(join(ws, 'reports'));
      return ws;
    })());
    assert.equal(run.scanStep.outputs['exit-code'], '0');
    assert.ok(sarifRules(join(run.ws, 'reports/scan.sarif')).includes('BW-AWS-VPC-001'));
    assert.equal(run.upload.ran, true);
    assert.equal(run.upload.with?.sarif_file, 'reports/scan.sarif');
    assert.equal(run.verdict.ran, false);
    assert.equal(run.failed, false);
  });

  it('scans only the listed paths, split on spaces and new lines', (t) => {
    if (offline) return t.skip(offline);
    const clean = scan({ paths: 'storage.tf', 'fail-on': 'high' });
    assert.equal(clean.scanStep.outputs['exit-code'], '0');
    assert.ok(!sarifRules(join(clean.ws, 'bulwark.sarif')).includes('BW-AWS-VPC-001'));
    assert.equal(clean.failed, false);
    const both = scan({ paths: 'storage.tf\nnetwork.tf', 'fail-on': 'high' });
    assert.equal(both.scanStep.outputs['exit-code'], '1');
    const rules = sarifRules(join(both.ws, 'bulwark.sarif'));
    assert.ok(rules.includes('BW-AWS-VPC-001') && rules.includes('BW-AWS-S3-011'), rules.join(' '));
    assert.equal(both.failed, true);
  });

  it('reports only new findings with a baseline, and does not upload when upload is false', (t) => {
    if (offline) return t.skip(offline);
    const ws = workspace();
    const baseline = spawnSync('bulwark', ['baseline', '.', '--output', 'bulwark-baseline.json'], { cwd: ws, env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.equal(baseline.status, 0, baseline.stderr);
    const run = scan({ baseline: 'bulwark-baseline.json', upload: 'false' }, ws);
    assert.equal(run.scanStep.outputs['exit-code'], '0', run.scanStep.stderr);
    assert.deepEqual(sarifRules(join(ws, 'bulwark.sarif')), []);
    assert.equal(run.upload.ran, false);
    assert.equal(run.failed, false);
  });

  it('fails at once on a usage error (a missing policy file), with nothing to upload', (t) => {
    if (offline) return t.skip(offline);
    const run = scan({ config: 'no-such-policy.yaml' });
    assert.equal(run.scanStep.status, 2);
    assert.equal(run.scanStep.outputs['exit-code'], '2');
    assert.equal(run.scanStep.outputs['sarif-file'], undefined);
    assert.match(run.scanStep.stdout, /::error title=Bulwark::bulwark scan stopped with exit code 2/);
    assert.equal(run.upload.ran, false);
    assert.equal(run.verdict.ran, false);
    assert.equal(run.failed, true);
  });

  it('never pastes an input into a script: a path with shell syntax stays a path', (t) => {
    if (offline) return t.skip(offline);
    const ws = workspace();
    const run = scan({ paths: 'storage.tf $(touch injected) `touch injected2`', 'fail-on': 'none' }, ws);
    assert.equal(existsSync(join(ws, 'injected')), false);
    assert.equal(existsSync(join(ws, 'injected2')), false);
    assert.equal(run.scanStep.outputs['exit-code'], '2', 'the odd words are passed to bulwark as paths, which do not exist');
  });
});
