// The scan pipeline on real directories: root-module planning and catch-up, broken files next to good
// ones, oversize files, and identical results in-process and across worker threads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';
import { localModuleSources, planTerraform } from '../../src/pipeline/terraform-plan.js';
import { generateTree } from '../../scripts/bench/generate-tree.js';

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bulwark-scan-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

const OPEN_BUCKET = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}-bucket"\n}\n`;

describe('root module planning', () => {
  it('finds local module sources and ignores registry ones', () => {
    const text = 'module "a" {\n  source = "./modules/a"\n}\nmodule "b" {\n  source  = "terraform-aws-modules/vpc/aws"\n}\nmodule "c" { source = "../c" }\n';
    assert.deepEqual(localModuleSources(text), ['./modules/a', '../c']);
  });

  it('treats directories called as modules as non-roots', () => {
    const texts: Record<string, string> = {
      'live/main.tf': 'module "store" {\n  source = "../modules/store"\n}\n',
      'modules/store/main.tf': OPEN_BUCKET('x'),
      'other/main.tf': OPEN_BUCKET('y'),
    };
    const plan = planTerraform(Object.keys(texts), (p) => texts[p]!);
    assert.deepEqual(plan.roots, ['live', 'other']);
  });
});

describe('scan()', () => {
  let dir: string;
  before(async () => {
    dir = await tree({
      'live/main.tf': 'module "store" {\n  source = "../modules/store"\n  name   = "live"\n}\n',
      'modules/store/main.tf': 'variable "name" {}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n',
      // Only a comment mentions this directory as a module: it must still be scanned, as a root.
      'docs-example/main.tf': '# module "x" { source = "../orphan" }\n',
      'orphan/main.tf': OPEN_BUCKET('orphan'),
      'broken/main.tf': 'resource "aws_s3_bucket" "ok" {\n  bucket = "ok"\n}\n\nresource "aws_instance" "bad" {\n  ami = \n}\n',
      'broken/terraform.tfvars': 'region = "eu-west-1"\n',
      'stray/extra.tfvars': 'name = \n',
    });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reports a module-inner resource once, at the module file, with its call path', async () => {
    const result = await scan([dir]);
    const encryption = result.findings.filter((f) => f.ruleId === 'BW-AWS-S3-001');
    const inModule = encryption.filter((f) => f.location.file === 'modules/store/main.tf');
    assert.equal(inModule.length, 1, 'the module is evaluated through its caller only');
    assert.equal(inModule[0]!.resource, 'module.store.aws_s3_bucket.this');
    assert.equal(inModule[0]!.callPath?.[0]?.module, 'module.store');
    assert.equal(inModule[0]!.callPath?.[0]?.location.file, 'live/main.tf');
  });

  it('scans a directory that only a comment names as a module', async () => {
    const result = await scan([dir]);
    assert.ok(result.findings.some((f) => f.ruleId === 'BW-AWS-S3-001' && f.resource === 'aws_s3_bucket.orphan'));
  });

  it('reports a broken file at the error and still scans what parsed', async () => {
    const result = await scan([dir]);
    const parseErrors = result.findings.filter((f) => f.ruleId === 'BW-PARSE-001');
    assert.deepEqual(parseErrors.map((f) => f.location.file).sort(), ['broken/main.tf', 'stray/extra.tfvars']);
    const broken = parseErrors.find((f) => f.location.file === 'broken/main.tf')!;
    assert.equal(broken.location.range.start.line, 6);
    assert.ok(result.findings.some((f) => f.resource === 'aws_s3_bucket.ok' && f.ruleId === 'BW-AWS-S3-001'));
  });

  it('is deterministic', async () => {
    const a = await scan([dir]);
    const b = await scan([dir]);
    assert.deepEqual(a.findings, b.findings);
  });
});

describe('parallel scan', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-parallel-'));
    generateTree({ dir, files: 200, filesPerEnv: 20 });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives exactly the in-process results', async () => {
    const saved = process.env.BULWARK_WORKERS;
    try {
      process.env.BULWARK_WORKERS = '0';
      const inProcess = await scan([dir]);
      process.env.BULWARK_WORKERS = '2';
      const threaded = await scan([dir]);
      assert.ok(inProcess.findings.length > 100, 'the generated tree has findings');
      assert.deepEqual(threaded.findings, inProcess.findings);
      assert.deepEqual(threaded.diagnostics, inProcess.diagnostics);
      assert.deepEqual(threaded.stats.formats, inProcess.stats.formats);
      assert.ok(inProcess.stats.formats.terraform!.resources! > 100);
    } finally {
      if (saved === undefined) delete process.env.BULWARK_WORKERS;
      else process.env.BULWARK_WORKERS = saved;
    }
  });
});

describe('JSON variable files', () => {
  let dir: string;
  before(async () => {
    dir = await tree({
      'app/main.tf': [
        'variable "versioning" {\n  type    = bool\n  default = true\n}',
        'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}',
        'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = var.versioning ? "Enabled" : "Suspended"\n  }\n}',
      ].join('\n\n'),
      'app/terraform.tfvars': 'versioning = true\n',
      // terraform.tfvars.json is loaded after terraform.tfvars, so it wins.
      'app/terraform.tfvars.json': '{\n  "versioning": false\n}\n',
      'bad/main.tf': OPEN_BUCKET('b'),
      'bad/terraform.tfvars.json': '{ "a": 1, }',
      'cdk/main.tf.json': '{ "resource": {} }',
    });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('apply terraform.tfvars.json after terraform.tfvars', async () => {
    const result = await scan([dir]);
    assert.ok(result.findings.some((f) => f.ruleId === 'BW-AWS-S3-002' && f.message.includes('aws_s3_bucket.logs')));
  });

  it('report invalid JSON as a parse finding', async () => {
    const result = await scan([dir]);
    const parse = result.findings.find((f) => f.ruleId === 'BW-PARSE-001' && f.location.file === 'bad/terraform.tfvars.json');
    assert.ok(parse, 'invalid tfvars.json is reported');
    assert.equal(parse.location.range.start.line, 1);
  });

  it('say that .tf.json files are not evaluated', async () => {
    const result = await scan([dir]);
    assert.ok(result.diagnostics.some((d) => d.location?.file === 'cdk/main.tf.json' && /JSON configuration syntax/.test(d.message)));
  });
});
