import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { buildProgram, run, runProgram } from '../../src/cli/main.js';
import { capturedIo } from '../../src/cli/support/io.js';
import { VERSION } from '../../src/version.js';
import { errorsOf, sarifValidator, scanResultValidator } from '../report/validators.js';

const ANSI = /\x1b\[[0-9;]*m/;

/** The mission's Example C: an unencrypted bucket and a security group open on every port (critical). */
const EXAMPLE_C = `resource "aws_s3_bucket" "data" {
  bucket = "my-data-bucket"
}

resource "aws_security_group" "web" {
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

/** An instance whose only gap is monitoring, controlled by a variable: high when false, unknown when unset. */
const INSTANCE = `variable "detailed_monitoring" {
  type = bool
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  monitoring    = var.detailed_monitoring

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }
}
`;

let base: string;
before(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'bulwark-cli-')));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(base, name);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

async function cli(argv: string[], options: Parameters<typeof capturedIo>[0] = {}) {
  const io = capturedIo({ cwd: base, ...options });
  const code = await run(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('bulwark CLI basics', () => {
  it('--help lists the commands and exit codes', async () => {
    const { code, stdout } = await cli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: bulwark/);
    assert.match(stdout, /scan \[options\] \[paths\.\.\.\]/);
    assert.match(stdout, /Exit codes:\n  0 .*\n  1 .*\n  2 .*\n  3 /);
  });

  it('scan --help documents every option', async () => {
    const { code, stdout } = await cli(['scan', '--help']);
    assert.equal(code, 0);
    for (const option of ['--format', '--output', '--fail-on', '--exclude', '--var-file', '--var ', '--no-color', '--quiet']) {
      assert.ok(stdout.includes(option), option);
    }
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await cli(['--version']);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), VERSION);
  });

  it('usage errors exit 2 with a message on stderr', async () => {
    const unknown = await cli(['scan', '--bogus']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option '--bogus'/);
    assert.equal((await cli(['frobnicate'])).code, 2);
    const badChoice = await cli(['scan', '--fail-on', 'urgent']);
    assert.equal(badChoice.code, 2);
    assert.match(badChoice.stderr, /urgent/);
    const missing = await cli(['scan', 'no-such-dir']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'bulwark: path not found: no-such-dir\n');
    assert.equal(missing.stdout, '');
  });

  it('bad --var and --var-file values exit 2', async () => {
    const dir = await project('usage', { 'main.tf': INSTANCE });
    const badVar = await cli(['scan', dir, '--var', 'no-equals-sign']);
    assert.equal(badVar.code, 2);
    assert.match(badVar.stderr, /--var expects name=value/);
    const badFile = await cli(['scan', dir, '--var-file', 'missing.tfvars']);
    assert.equal(badFile.code, 2);
    assert.match(badFile.stderr, /var file not found: missing\.tfvars/);
  });

  it('an unexpected error exits 3 without a stack unless BULWARK_DEBUG=1', async () => {
    for (const debug of [false, true]) {
      const io = capturedIo({ env: debug ? { BULWARK_DEBUG: '1' } : {} });
      const program = buildProgram(io);
      program.command('explode').action(() => {
        throw new Error('boom');
      });
      assert.equal(await runProgram(program, ['explode'], io), 3);
      assert.match(io.stderrText(), /^bulwark: internal error: boom\n/);
      assert.equal(/\n\s+at /.test(io.stderrText()), debug);
    }
  });

  it('rules --format json lists every built-in rule for tools', async () => {
    const { code, stdout } = await cli(['rules', '--format', 'json']);
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout) as { schemaVersion: number; rules: { id: string; severity: string; title: string; peers: object }[] };
    assert.equal(parsed.schemaVersion, 2);
    assert.equal(parsed.rules.length, builtinRules.length);
    const ids = parsed.rules.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    for (const r of parsed.rules) {
      assert.match(r.id, /^BW-/);
      assert.ok(['critical', 'high', 'medium', 'low'].includes(r.severity));
      assert.ok(r.title.length > 0);
      assert.equal(typeof r.peers, 'object');
    }
  });

  it('rules prints a table', async () => {
    const { code, stdout } = await cli(['rules']);
    assert.equal(code, 0);
    assert.match(stdout, /^ID\s+SEVERITY\s+TITLE\s+PEERS\n/);
    for (const rule of builtinRules) assert.ok(stdout.includes(rule.meta.id), rule.meta.id);
  });
});

describe('bulwark scan end to end', () => {
  it('exits 1 on a violation at or above --fail-on, 0 below it or with none', async () => {
    const dir = await project('example-c', { 'main.tf': EXAMPLE_C });
    const failing = await cli(['scan', dir, '--fail-on', 'critical']);
    assert.equal(failing.code, 1, failing.stderr);
    assert.match(failing.stdout, /CRITICAL \(\d+\)/);
    assert.match(failing.stdout, /aws_security_group\.web at main\.tf:6:3/);
    assert.equal((await cli(['scan', dir, '--fail-on', 'none'])).code, 0);
  });

  it('exits 0 with --fail-on critical when nothing critical is found', async () => {
    const dir = await project('instance', { 'main.tf': INSTANCE });
    const { code, stdout, stderr } = await cli(['scan', dir, '--fail-on', 'critical']);
    assert.equal(code, 0, stderr);
    assert.ok(!stdout.includes('CRITICAL'));
  });

  it('resolves relative paths against the working directory and applies --var and --var-file', async () => {
    await project('vars', { 'stack/main.tf': INSTANCE, 'off.tfvars': 'detailed_monitoring = false\n', 'on.tfvars': 'detailed_monitoring = true\n' });
    const cwd = join(base, 'vars');
    const monitoringFinding = /BW-AWS-EC2-001/;
    const unset = await cli(['scan', 'stack', '--format', 'json'], { cwd });
    const unsetIds = (JSON.parse(unset.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    assert.ok(!unsetIds.includes('BW-AWS-EC2-001'), 'an unset variable is unknown, not a violation');
    const off = await cli(['scan', 'stack', '--var', 'detailed_monitoring=false', '--fail-on', 'high'], { cwd });
    assert.equal(off.code, 1);
    assert.match(off.stdout, monitoringFinding);
    const fromFile = await cli(['scan', 'stack', '--var-file', 'off.tfvars'], { cwd });
    assert.match(fromFile.stdout, monitoringFinding);
    const overridden = await cli(['scan', 'stack', '--var-file', 'off.tfvars', '--var', 'detailed_monitoring=true'], { cwd });
    assert.doesNotMatch(overridden.stdout, monitoringFinding);
  });

  it('--exclude skips matching paths', async () => {
    const dir = await project('exclude', { 'live/main.tf': INSTANCE, 'legacy/main.tf': EXAMPLE_C });
    const all = await cli(['scan', dir, '--fail-on', 'critical']);
    assert.equal(all.code, 1);
    const excluded = await cli(['scan', dir, '--fail-on', 'critical', '--exclude', 'legacy/']);
    assert.equal(excluded.code, 0, excluded.stdout);
    assert.doesNotMatch(excluded.stdout, /legacy/);
  });

  it('writes SARIF atomically with --output, valid against the official schema', async () => {
    const dir = await project('sarif', { 'main.tf': EXAMPLE_C, 'out/.keep': '' });
    const { code, stdout, stderr } = await cli(['scan', dir, '--format', 'sarif', '--output', join(dir, 'out', 'bulwark.sarif')]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^Wrote sarif report to .*bulwark\.sarif \(\d+ findings\)\.\n$/);
    assert.deepEqual((await readdir(join(dir, 'out'))).sort(), ['.keep', 'bulwark.sarif'], 'no temp file left behind');
    const log: any = JSON.parse(await readFile(join(dir, 'out', 'bulwark.sarif'), 'utf8'));
    const validate = sarifValidator();
    assert.ok(validate(log), errorsOf(validate));
    const uris = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0 && uris.every((u: string) => u === 'main.tf'));
  });

  it('prints JSON valid against the scan-result schema', async () => {
    const dir = await project('json', { 'main.tf': EXAMPLE_C, 'modules/empty/variables.tf': 'variable "x" {}\n' });
    const { code, stdout } = await cli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
    assert.equal(code, 0);
    const parsed: any = JSON.parse(stdout);
    const validate = scanResultValidator();
    assert.ok(validate(parsed), errorsOf(validate));
    assert.equal(parsed.root, dir);
    assert.ok(parsed.findings.some((f: any) => f.ruleId === 'BW-AWS-S3-001' && f.location.file === 'main.tf'));
  });

  it('follows findings into local modules with their call path', async () => {
    const dir = await project('modules', {
      'main.tf': 'module "store" {\n  source = "./modules/store"\n  name   = "logs"\n}\n',
      'modules/store/main.tf': 'variable "name" {}\n\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n',
    });
    const text = await cli(['scan', dir, '--fail-on', 'none']);
    assert.ok(text.stdout.includes('module.store.aws_s3_bucket.this at modules/store/main.tf:3:1\n'), text.stdout);
    assert.ok(text.stdout.includes('via module.store (main.tf:1:1)'));
    const json = JSON.parse((await cli(['scan', dir, '--format', 'json', '--fail-on', 'none'])).stdout);
    const validate = scanResultValidator();
    assert.ok(validate(json), errorsOf(validate));
    const encryption = json.findings.find((f: any) => f.ruleId === 'BW-AWS-S3-001');
    assert.deepEqual(encryption.callPath.map((c: any) => [c.module, c.location.file, c.location.range.start.line]), [['module.store', 'main.tf', 1]]);
    const sarif = JSON.parse((await cli(['scan', dir, '--format', 'sarif', '--fail-on', 'none'])).stdout);
    const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'BW-AWS-S3-001');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'modules/store/main.tf');
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'main.tf');
  });

  it('prints Markdown', async () => {
    const dir = await project('markdown', { 'main.tf': EXAMPLE_C });
    const { stdout } = await cli(['scan', dir, '--format', 'markdown']);
    assert.match(stdout, /^## Bulwark scan\n/);
    assert.match(stdout, /\[main\.tf:1:1\]\(main\.tf#L1\)/);
  });

  it('colours text only on a TTY without NO_COLOR or --no-color', async () => {
    const dir = await project('color', { 'main.tf': EXAMPLE_C });
    assert.match((await cli(['scan', dir], { stdoutIsTTY: true })).stdout, ANSI);
    assert.doesNotMatch((await cli(['scan', dir], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
    assert.doesNotMatch((await cli(['scan', dir, '--no-color'], { stdoutIsTTY: true })).stdout, ANSI);
    assert.doesNotMatch((await cli(['scan', dir])).stdout, ANSI);
  });

  it('--quiet prints nothing for a clean scan', async () => {
    const dir = await project('quiet', { 'main.tf': 'variable "x" {}\n' });
    const { code, stdout, stderr } = await cli(['scan', dir, '--quiet']);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(stderr, '');
  });

  it('a file that does not parse is reported, not a crash', async () => {
    const dir = await project('broken', { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n' });
    const { code, stdout } = await cli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    const problems = [...parsed.findings, ...parsed.diagnostics].filter((p: any) => p.location.file === 'main.tf');
    assert.ok(problems.length > 0, stdout);
  });
});
