// Findings that can be acted on: a stable fingerprint, the resource's whole range, one finding per
// problem however many root modules reach it, and one path base (the project root) in every output.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { tree } from '../helpers/tree.js';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function scanTree(files: Record<string, string>) {
  const dir = await tree(files, 'bulwark-identity-');
  dirs.push(dir);
  return { dir, result: await scan([dir]) };
}

const GROUP = `resource "aws_security_group" "web" {
  name        = "web"
  description = "Web"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    description = "All"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "All again"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    ipv6_cidr_blocks = ["::/0"]
  }
}
`;

describe('fingerprints', () => {
  it('stay equal when lines are inserted above the resource or the message is reworded', async () => {
    const before = (await scanTree({ 'main.tf': GROUP })).result;
    const after = (await scanTree({ 'main.tf': `# a comment\n\nlocals {\n  x = 1\n}\n\n${GROUP}` })).result;
    const prints = (r: typeof before) => r.findings.map((f) => `${f.ruleId} ${f.fingerprint}`).sort();
    assert.ok(before.findings.length >= 2);
    assert.deepEqual(prints(after), prints(before));
    assert.notEqual(after.findings[0]!.location.range.start.line, before.findings[0]!.location.range.start.line);
  });

  it('differ for two findings of one rule on one resource (ingress[1] and ingress[2])', async () => {
    const { result } = await scanTree({ 'main.tf': GROUP });
    const open = result.findings.filter((f) => f.ruleId === 'BW-AWS-VPC-001');
    assert.equal(open.length, 2);
    assert.notEqual(open[0]!.fingerprint, open[1]!.fingerprint);
    for (const f of open) assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
  });

  it('a finding carries the whole resource range next to the attribute range', async () => {
    const { result } = await scanTree({ 'main.tf': GROUP });
    const f = result.findings.find((x) => x.ruleId === 'BW-AWS-VPC-001')!;
    assert.equal(f.resourceLocation?.range.start.line, 1);
    assert.equal(f.resourceLocation?.range.end.line, 28);
    assert.equal(f.location.range.start.line, 13);
  });

  it('a parse error is fingerprinted by its content, not its line', async () => {
    const broken = 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n';
    const a = (await scanTree({ 'main.tf': broken })).result.findings.find((f) => f.ruleId === 'BW-PARSE-001')!;
    const b = (await scanTree({ 'main.tf': `\n\n${broken}` })).result.findings.find((f) => f.ruleId === 'BW-PARSE-001')!;
    assert.equal(a.fingerprint, b.fingerprint);
    assert.notEqual(a.location.range.start.line, b.location.range.start.line);
  });
});

describe('one finding per problem', () => {
  const module = 'resource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n\nvariable "name" {\n  type = string\n}\n';
  const caller = (name: string) => `module "store" {\n  source = "../../modules/store"\n  name   = "${name}"\n}\n`;
  const files = {
    'modules/store/main.tf': module,
    'live/dev/main.tf': caller('dev-data'),
    'live/staging/main.tf': caller('staging-data'),
    'live/prod/main.tf': caller('prod-data'),
  };

  it('a problem reached from three root modules is reported once, listing the roots, in every format', async () => {
    const { result } = await scanTree(files);
    const encryption = result.findings.filter((f) => f.ruleId === 'BW-AWS-S3-001');
    assert.equal(encryption.length, 1);
    const f = encryption[0]!;
    assert.equal(f.location.file, 'modules/store/main.tf');
    assert.deepEqual(f.occurrences?.map((o) => o.root), ['live/dev', 'live/prod', 'live/staging']);
    assert.deepEqual(f.occurrences?.map((o) => o.callPath?.[0]?.location.file), ['live/dev/main.tf', 'live/prod/main.tf', 'live/staging/main.tf']);

    const json = JSON.parse(renderJson(result));
    assert.equal(json.findings.filter((x: { ruleId: string }) => x.ruleId === 'BW-AWS-S3-001').length, 1);

    const sarif = buildSarif(result).runs[0]!.results!.filter((r) => r.ruleId === 'BW-AWS-S3-001');
    assert.equal(sarif.length, 1);
    assert.deepEqual(sarif[0]!.relatedLocations!.map((l) => l.physicalLocation!.artifactLocation!.uri), ['live/dev/main.tf', 'live/prod/main.tf', 'live/staging/main.tf']);

    const text = renderText(result, { color: false });
    assert.equal(text.split('BW-AWS-S3-001  ').length - 1, 1);
    assert.match(text, /reached from 3 root modules:\n    live\/dev via module\.store \(live\/dev\/main\.tf:1:1\)\n    live\/prod via/);

    const md = renderMarkdown(result);
    assert.equal(md.split('**BW-AWS-S3-001**').length - 1, 1);
    assert.match(md, /reached from `live\/dev` via `module\.store`; `live\/prod` via `module\.store`; `live\/staging` via `module\.store`/);
  });
});

describe('one path base', () => {
  it('paths are relative to the git top level when a sub-folder is scanned', async () => {
    const dir = await tree({ 'infra/live/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' }, 'bulwark-git-');
    dirs.push(dir);
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const result = await scan([join(dir, 'infra', 'live')]);
    assert.equal(result.root, dir);
    assert.ok(result.findings.length > 0);
    for (const f of result.findings) assert.equal(f.location.file, 'infra/live/main.tf');
    const sarif = buildSarif(result).runs[0]!;
    assert.equal(sarif.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'infra/live/main.tf');

    const explicit = await scan([join(dir, 'infra', 'live')], { projectRoot: join(dir, 'infra') });
    assert.equal(explicit.findings[0]!.location.file, 'live/main.tf');
  });

  it('a module above the scanned folder but inside the project is evaluated, its findings at its own path', async () => {
    const dir = await tree(
      {
        'modules/store/main.tf': 'resource "aws_s3_bucket" "this" {\n  bucket = "store"\n}\n',
        'live/prod/main.tf': 'module "store" {\n  source = "../../modules/store"\n}\n',
      },
      'bulwark-git-',
    );
    dirs.push(dir);
    await mkdir(join(dir, '.git'));
    const result = await scan([join(dir, 'live', 'prod')]);
    const f = result.findings.find((x) => x.ruleId === 'BW-AWS-S3-001');
    assert.ok(f, JSON.stringify(result.diagnostics));
    assert.equal(f.location.file, 'modules/store/main.tf');
    assert.equal(f.callPath?.[0]?.location.file, 'live/prod/main.tf');
  });
});

describe('hash128', () => {
  it('gives 32 hex digits, the same for the same text and different for different texts', async () => {
    const { hash128 } = await import('../../src/core/fingerprint.js');
    const a = hash128('BW-AWS-S3-001\0main.tf\0aws_s3_bucket.b');
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.equal(hash128('BW-AWS-S3-001\0main.tf\0aws_s3_bucket.b'), a);
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i++) seen.add(hash128(`BW-AWS-S3-001\0main.tf\0aws_s3_bucket.b${i}`));
    assert.equal(seen.size, 20000);
    assert.notEqual(hash128(''), hash128('\0'));
  });
});

describe('merged findings against the schemas', () => {
  it('a finding with occurrences is valid SARIF and valid JSON', async () => {
    const { sarifValidator, scanResultValidator, errorsOf } = await import('../report/validators.js');
    const caller = (name: string) => `module "store" {\n  source = "../../modules/store"\n  name   = "${name}"\n}\n`;
    const { result } = await scanTree({
      'modules/store/main.tf': 'variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n',
      'live/a/main.tf': caller('a-data'),
      'live/b/main.tf': caller('b-data'),
    });
    assert.ok(result.findings.some((f) => (f.occurrences?.length ?? 0) > 1));
    const sarif = sarifValidator();
    assert.ok(sarif(buildSarif(result)), errorsOf(sarif));
    const json = scanResultValidator();
    assert.ok(json(JSON.parse(renderJson(result))), errorsOf(json));
  });
});
