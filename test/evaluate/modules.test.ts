import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProject, findRootModules } from '../../src/evaluate/terraform/index.js';
import { isUnknown, value, valueAt } from '../../src/evaluate/terraform/view.js';
import { byAddress, evaluateMemory, fixtureSource, memorySource } from './helpers.js';

const modules = fixtureSource('modules');

test('root modules are the dirs with Terraform that no other dir calls as a local module', () => {
  const dirs = ['', 'stack', 'stack/modules/storage', 'stack/modules/storage/modules/kms', 'stack/modules/queue', 'examples/basic', 'docs'];
  assert.deepEqual(findRootModules(dirs, modules), ['', 'examples/basic']);
});

test('local modules expand with for_each, nested modules and module-qualified addresses', () => {
  const { project } = evaluateProject({ root: '', modules, varFiles: [] });
  const addresses = project.resources.map((r) => r.address);
  assert.deepEqual(addresses, [
    'aws_sns_topic.alerts',
    'aws_ssm_parameter.buckets',
    'module.stack.module.storage["assets"].aws_s3_bucket.this',
    'module.stack.module.storage["assets"].aws_s3_bucket_versioning.this',
    'module.stack.module.storage["assets"].aws_s3_bucket_server_side_encryption_configuration.this',
    'module.stack.module.storage["assets"].module.kms.aws_kms_key.key',
    'module.stack.module.storage["assets"].module.kms.aws_kms_alias.alias',
    'module.stack.module.storage["logs"].aws_s3_bucket.this',
    'module.stack.module.storage["logs"].aws_s3_bucket_versioning.this',
    'module.stack.module.storage["logs"].aws_s3_bucket_server_side_encryption_configuration.this',
    'module.stack.module.storage["logs"].module.kms.aws_kms_key.key',
    'module.stack.module.storage["logs"].module.kms.aws_kms_alias.alias',
    'module.queues[0].aws_sqs_queue.q',
    'module.queues[1].aws_sqs_queue.q',
  ]);
  const logs = byAddress(project, 'module.stack.module.storage["logs"].aws_s3_bucket.this');
  assert.equal(value(logs.body, 'bucket'), 'prod-logs');
  assert.equal(logs.module, 'module.stack.module.storage["logs"]');
  assert.equal(logs.baseAddress, 'module.stack.module.storage["logs"].aws_s3_bucket.this');
  assert.equal(logs.file, 'stack/modules/storage/main.tf');
  const versioning = byAddress(project, 'module.stack.module.storage["logs"].aws_s3_bucket_versioning.this');
  assert.equal(valueAt(versioning.body, ['versioning_configuration', 'status']), 'Disabled');
  assert.deepEqual(versioning.body.attributes.get('bucket')!.refs, ['module.stack.module.storage["logs"].aws_s3_bucket.this']);
  const assets = byAddress(project, 'module.stack.module.storage["assets"].aws_s3_bucket_versioning.this');
  assert.equal(valueAt(assets.body, ['versioning_configuration', 'status']), 'Enabled');
});

test('callPath lists each module block from the root, with its file and range', () => {
  const { project } = evaluateProject({ root: '', modules, varFiles: [] });
  const key = byAddress(project, 'module.stack.module.storage["logs"].module.kms.aws_kms_key.key');
  assert.deepEqual(
    key.callPath.map((c) => [c.module, c.location.file, c.location.range.start.line]),
    [
      ['module.stack', 'main.tf', 1],
      ['module.stack.module.storage["logs"]', 'stack/main.tf', 1],
      ['module.stack.module.storage["logs"].module.kms', 'stack/modules/storage/main.tf', 10],
    ],
  );
  assert.equal(value(key.body, 'description'), 'Key for prod-logs');
  assert.deepEqual(byAddress(project, 'aws_sns_topic.alerts').callPath, []);
});

test('module outputs flow back to callers; computed attributes stay unknown but keep their refs', () => {
  const { project } = evaluateProject({ root: '', modules, varFiles: [] });
  const topic = byAddress(project, 'aws_sns_topic.alerts');
  // kms_alias comes from module.kms's aws_kms_alias.alias.name, set literally.
  assert.equal(value(topic.body, 'kms_master_key_id'), 'alias/prod-logs');
  assert.ok(topic.body.attributes.get('kms_master_key_id')!.refs.includes('module.stack'));
  // A registry module is skipped without error: its outputs are unknown.
  assert.ok(isUnknown(value(topic.body, 'name')));
  assert.deepEqual(topic.body.attributes.get('name')!.refs, ['module.vpc']);
  // A for expression over a for_each module.
  assert.equal(value(byAddress(project, 'aws_ssm_parameter.buckets').body, 'value'), 'prod-assets,prod-logs');
  // The KMS key ARN is computed at apply time.
  const queue = byAddress(project, 'module.queues[1].aws_sqs_queue.q');
  assert.equal(value(queue.body, 'name'), 'jobs-1');
  assert.ok(isUnknown(value(queue.body, 'kms_master_key_id')));
  assert.equal(queue.callPath[0]!.module, 'module.queues[1]');
});

test('a missing local module, one outside the project root and a registry module not installed are warnings at the source attribute', () => {
  const { diagnostics } = evaluateProject({ root: '', modules, varFiles: [] });
  assert.equal(diagnostics.length, 3);
  const registry = diagnostics.find((d) => d.message.includes('terraform-aws-modules/vpc/aws'))!;
  assert.equal(registry.code, 'module-not-evaluated');
  assert.equal(registry.location?.range.start.line, 18);
  assert.match(registry.message, /registry module .* not available locally.*terraform init/);
  const missing = diagnostics.find((d) => d.message.includes('does-not-exist'))!;
  assert.equal(missing.severity, 'warning');
  assert.equal(missing.location?.file, 'main.tf');
  assert.equal(missing.location?.range.start.line, 24);
  assert.equal(missing.code, 'module-not-found');
  const outside = diagnostics.find((d) => d.message.includes('outside the project root'))!;
  assert.equal(outside.location?.range.start.line, 28);
  assert.equal(outside.code, 'module-not-evaluated');
});

test('a nested root module resolves ../ sources relative to its own directory', () => {
  const { project, diagnostics } = evaluateProject({ root: 'examples/basic', modules, varFiles: [] });
  assert.deepEqual(diagnostics, []);
  const bucket = byAddress(project, 'module.stack.module.storage["demo"].aws_s3_bucket.this');
  assert.equal(value(bucket.body, 'bucket'), 'example-demo');
  assert.equal(bucket.file, 'stack/modules/storage/main.tf');
});

test('a module calling itself is stopped with a warning instead of recursing', () => {
  const { project, diagnostics } = evaluateMemory({
    'main.tf': 'module "loop" {\n  source = "./loop"\n}\n',
    'loop/main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\nmodule "again" {\n  source = "../loop"\n}\n',
  });
  assert.deepEqual(project.resources.map((r) => r.address), ['module.loop.aws_sqs_queue.q']);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]!.message, /recursive/);
  assert.equal(diagnostics[0]!.location?.file, 'loop/main.tf');
});

test('module count of zero and unknown module count', () => {
  const files = {
    'main.tf': `
variable "create" {
  type = bool
}
module "off" {
  source = "./m"
  count  = 0
}
module "maybe" {
  source = "./m"
  count  = var.create ? 1 : 0
}
`,
    'm/main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
  };
  const { project } = evaluateProject({ root: '', modules: memorySource(files), varFiles: [] });
  assert.equal(project.resources.length, 1);
  assert.equal(project.resources[0]!.address, 'module.maybe.aws_sqs_queue.q');
  assert.equal(project.resources[0]!.unknownCount, true);
});
