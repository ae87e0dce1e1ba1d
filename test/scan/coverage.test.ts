// Honest coverage: "no findings" only about what was checked; everything Bulwark could not check is named,
// in the text summary and as diagnostics in JSON and SARIF.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildSarif } from '../../src/report/sarif.js';
import { tree } from '../helpers/tree.js';

const dirs: string[] = [];
async function scanTree(files: Record<string, string>, paths?: (dir: string) => string[]) {
  const dir = await tree(files, 'bulwark-coverage-');
  dirs.push(dir);
  const result = await scan(paths ? paths(dir) : [dir]);
  return { dir, result, text: renderText(result, { color: false }) };
}
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

const CFN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::S3::Bucket
`;

const CFN_JSON = `{
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue", "Properties": {} }
  }
}
`;

function assertNothingChecked(text: string, result: Awaited<ReturnType<typeof scan>>) {
  assert.ok(!text.includes('✔'), `no success tick:\n${text}`);
  assert.match(text, /^! Nothing was checked/m);
  assert.equal(result.stats.checked, 0);
  assert.ok(result.diagnostics.some((d) => d.code === 'nothing-checked'));
}

describe('a scan of what Bulwark cannot check', () => {
  it('a Helm chart: named as not checked with the command that renders it, never a tick', async () => {
    const { result, text } = await scanTree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'chart/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    });
    assertNothingChecked(text, result);
    const d = result.diagnostics.find((x) => x.code === 'format-not-read')!;
    assert.equal(d.format, 'helm');
    assert.deepEqual(d.files, ['chart/Chart.yaml', 'chart/templates/deploy.yaml']);
    assert.match(d.message, /helm template .* \| bulwark scan -/);
    assert.equal(result.stats.formats.helm?.read, false);
  });

  it('OpenTofu files and a Bicep file', async () => {
    const { result, text } = await scanTree({ 'infra/main.tofu': 'resource "aws_s3_bucket" "b" {}\n', 'az/main.bicep': "param location string = 'westeurope'\n" });
    assertNothingChecked(text, result);
    assert.deepEqual(result.diagnostics.find((d) => d.format === 'opentofu')?.files, ['infra/main.tofu']);
    assert.deepEqual(result.diagnostics.find((d) => d.format === 'bicep')?.files, ['az/main.bicep']);
  });

  it('CloudFormation in YAML and JSON, recognised by content', async () => {
    const { result, text } = await scanTree({ 'stack/bucket.yaml': CFN, 'stack/queue.json': CFN_JSON, 'package.json': '{ "name": "x" }' });
    assertNothingChecked(text, result);
    assert.deepEqual(result.diagnostics.find((d) => d.format === 'cloudformation')?.files, ['stack/bucket.yaml', 'stack/queue.json']);
    assert.equal(result.stats.files, 2, 'package.json is looked at but claimed by no format, so not counted');
  });

  it('azurerm and google Terraform: the providers without rules are named', async () => {
    const { result, text } = await scanTree({
      'main.tf': `resource "azurerm_storage_account" "sa" {
  name                     = "acme"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "google_storage_bucket" "b" {
  name     = "acme"
  location = "EU"
}

resource "random_id" "suffix" {
  byte_length = 4
}
`,
    });
    assertNothingChecked(text, result);
    const providers = result.diagnostics.filter((d) => d.code === 'provider-without-rules').map((d) => d.message);
    assert.equal(providers.length, 2);
    assert.match(providers.join('\n'), /azurerm provider/);
    assert.match(providers.join('\n'), /google provider/);
    assert.deepEqual(result.stats.formats.terraform?.providersWithoutRules, [
      { provider: 'azurerm', resources: 1 },
      { provider: 'google', resources: 1 },
    ]);
    assert.match(text, /not checked: 1 resource of the azurerm provider/);
    assert.ok(!/random/.test(text), 'utility providers are neither checked nor reported');
  });

  it('the diagnostics reach SARIF as tool execution notifications, and Markdown as coverage', async () => {
    const { result } = await scanTree({ 'stack.yaml': CFN, 'main.tf': 'resource "google_storage_bucket" "b" {\n  name = "b"\n}\n' });
    const notes = buildSarif(result).runs[0]!.invocations![0]!.toolExecutionNotifications!;
    const ids = notes.map((n) => n.descriptor?.id).sort();
    assert.deepEqual(ids, ['format-not-read', 'nothing-checked', 'provider-without-rules']);
    const unread = notes.find((n) => n.descriptor?.id === 'format-not-read')!;
    assert.equal(unread.locations![0]!.physicalLocation!.artifactLocation!.uri, 'stack.yaml');
    const md = renderMarkdown(result);
    assert.ok(!md.includes('✅'));
    assert.match(md, /⚠️ Nothing was checked/);
    assert.match(md, /\| CloudFormation \| 1 file not checked/);
  });
});

describe('a scan that checked some things but not others', () => {
  it('says no findings only about what was checked, and names the rest', async () => {
    const { result, text } = await scanTree({
      'main.tf': `resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_kms_key" "k" {
  description         = "k"
  enable_key_rotation = true
  policy              = jsonencode({ Version = "2012-10-17", Statement = [] })
}
`,
      'stack.yaml': CFN,
    });
    assert.equal(result.findings.length, 0);
    assert.ok(!text.includes('✔'), text);
    assert.match(text, /^! No findings in what was checked · 2 files, 1 resource checked; 1 resource and 1 file not checked/m);
    assert.match(text, /not checked: 1 resource of types no rule covers yet: aws_sns_topic \(1\)/);
    assert.deepEqual(result.stats.formats.terraform?.typesWithoutRules, [{ type: 'aws_sns_topic', count: 1 }]);
  });

  it('a clean scan of checked resources gets the tick', async () => {
    const { text } = await scanTree({
      'main.tf': 'resource "aws_kms_key" "k" {\n  description         = "k"\n  enable_key_rotation = true\n}\n',
    });
    assert.match(text, /^✔ No findings · 1 file, 1 resource checked in \d+ ms$/m);
  });

  it('a file named on the command line in no format it reads is a warning naming it', async () => {
    const { result, text } = await scanTree({ 'notes.txt': 'hello', 'main.tf': 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' }, (dir) => [join(dir, 'notes.txt'), dir]);
    const d = result.diagnostics.find((x) => x.code === 'file-not-read')!;
    assert.equal(d.location?.file, 'notes.txt');
    assert.match(text, /warning\s+notes\.txt:1:1\s+notes\.txt is not in a format Bulwark reads/);
  });
});

describe('the new report shapes against their schemas', () => {
  it('a scan with unread formats, providers without rules and modules not evaluated is valid SARIF and valid JSON', async () => {
    const { sarifValidator, scanResultValidator, errorsOf } = await import('../report/validators.js');
    const { renderJson } = await import('../../src/report/json.js');
    const { result } = await scanTree({
      'deploy.yaml': DEPLOYMENT,
      'Dockerfile': 'FROM node:20\n',
      'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nresource "google_storage_bucket" "b" {\n  name = "b"\n}\nresource "aws_s3_bucket" "x" {\n  bucket = "x"\n}\n',
    });
    const sarif = sarifValidator();
    assert.ok(sarif(buildSarif(result)), errorsOf(sarif));
    const json = scanResultValidator();
    assert.ok(json(JSON.parse(renderJson(result))), errorsOf(json));
  });
});
