import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoVarFileNames, evaluateProject } from '../../src/evaluate/terraform/index.js';
import { isUnknown, value, valueAt } from '../../src/evaluate/terraform/view.js';
import { byAddress, fixtureSource, parseFixtureFile } from './helpers.js';

const modules = fixtureSource('variables');
const tfvars = (...names: string[]) => names.map((n) => parseFixtureFile('variables', n));

test('defaults apply when no tfvars are given; a variable without a default is unknown', () => {
  const { project, diagnostics } = evaluateProject({ root: '', modules, varFiles: [] });
  assert.deepEqual(diagnostics, []);
  const bucket = byAddress(project, 'aws_s3_bucket.data');
  assert.equal(value(bucket.body, 'bucket'), 'dev-data-bucket');
  assert.equal(value(bucket.body, 'force_destroy'), true);
  assert.deepEqual(value(bucket.body, 'tags'), { Owner: 'platform', Environment: 'dev' });
  assert.equal(valueAt(byAddress(project, 'aws_s3_bucket_versioning.data').body, ['versioning_configuration', 'status']), 'Suspended');
  const sse = byAddress(project, 'aws_s3_bucket_server_side_encryption_configuration.data');
  assert.ok(isUnknown(valueAt(sse.body, ['rule', 'apply_server_side_encryption_by_default', 'kms_master_key_id'])));
  assert.equal(valueAt(sse.body, ['rule', 'apply_server_side_encryption_by_default', 'sse_algorithm']), 'aws:kms');
});

test('optional object attributes get their declared defaults', () => {
  const { project } = evaluateProject({ root: '', modules, varFiles: [] });
  const logging = byAddress(project, 'aws_s3_bucket_logging.data[0]');
  assert.equal(value(logging.body, 'target_bucket'), 'central-logs');
  assert.equal(value(logging.body, 'target_prefix'), null);
});

test('terraform.tfvars values are converted to the declared types', () => {
  const { project } = evaluateProject({ root: '', modules, varFiles: tfvars('terraform.tfvars') });
  assert.equal(value(byAddress(project, 'aws_s3_bucket.data').body, 'bucket'), 'staging-data-bucket');
  // "true" for a bool variable is true, so the conditional picks "Enabled".
  assert.equal(valueAt(byAddress(project, 'aws_s3_bucket_versioning.data').body, ['versioning_configuration', 'status']), 'Enabled');
  const lifecycle = byAddress(project, 'aws_s3_bucket_lifecycle_configuration.data');
  assert.equal(valueAt(lifecycle.body, ['rule', 'expiration', 'days']), 90);
  // set(string): duplicates removed, lexical order.
  const sg = byAddress(project, 'aws_security_group.ingress');
  assert.deepEqual(valueAt(sg.body, ['ingress', 'cidr_blocks']), ['10.0.0.0/8', '10.1.0.0/16']);
});

test('*.auto.tfvars override terraform.tfvars in lexical order, explicit var files and -var come last', () => {
  assert.deepEqual(autoVarFileNames(['main.tf', 'b.auto.tfvars', 'terraform.tfvars', 'a.auto.tfvars', 'extra.tfvars']), [
    'terraform.tfvars',
    'a.auto.tfvars',
    'b.auto.tfvars',
  ]);
  const auto = tfvars('terraform.tfvars', 'a.auto.tfvars', 'b.auto.tfvars');
  let { project } = evaluateProject({ root: '', modules, varFiles: auto });
  const bucket = byAddress(project, 'aws_s3_bucket.data');
  assert.equal(value(bucket.body, 'bucket'), 'prod-data-bucket');
  // map(string) converts the number 1234 to "1234".
  assert.deepEqual(value(bucket.body, 'tags'), { Owner: 'data-team', CostCenter: '1234', Environment: 'prod' });
  assert.equal(value(byAddress(project, 'aws_s3_bucket_logging.data[0]').body, 'target_prefix'), 's3/');
  assert.equal(valueAt(byAddress(project, 'aws_s3_bucket_lifecycle_configuration.data').body, ['rule', 'expiration', 'days']), 90);

  ({ project } = evaluateProject({
    root: '',
    modules,
    varFiles: [...auto, ...tfvars('extra.tfvars')],
    vars: { environment: 'cli', force_destroy: 'false', kms_key_arn: 'arn:aws:kms:eu-west-1:111122223333:key/abc', allowed_cidrs: '["192.168.0.0/16"]' },
  }));
  const cli = byAddress(project, 'aws_s3_bucket.data');
  assert.equal(value(cli.body, 'bucket'), 'cli-data-bucket');
  assert.equal(value(cli.body, 'force_destroy'), false);
  assert.equal(valueAt(byAddress(project, 'aws_s3_bucket_lifecycle_configuration.data').body, ['rule', 'expiration', 'days']), 365);
  const sse = byAddress(project, 'aws_s3_bucket_server_side_encryption_configuration.data');
  assert.equal(valueAt(sse.body, ['rule', 'apply_server_side_encryption_by_default', 'kms_master_key_id']), 'arn:aws:kms:eu-west-1:111122223333:key/abc');
  assert.deepEqual(valueAt(byAddress(project, 'aws_security_group.ingress').body, ['ingress', 'cidr_blocks']), ['192.168.0.0/16']);
});

test('logging disabled by a tfvars object yields no logging instance', () => {
  const { project } = evaluateProject({ root: '', modules, varFiles: [], vars: {} });
  assert.ok(project.resources.some((r) => r.baseAddress === 'aws_s3_bucket_logging.data'));
  const off = evaluateProject({ root: '', modules, varFiles: [], vars: { logging: '{ enabled = false }' } });
  assert.equal(off.project.resources.filter((r) => r.baseAddress === 'aws_s3_bucket_logging.data').length, 0);
});

test('attributes keep their source ranges', () => {
  const { project } = evaluateProject({ root: '', modules, varFiles: [] });
  const bucket = byAddress(project, 'aws_s3_bucket.data');
  assert.equal(bucket.file, 'main.tf');
  const attr = bucket.body.attributes.get('bucket')!;
  assert.equal(attr.range.start.line, 9);
  assert.equal(attr.valueRange.start.column, 19);
  assert.equal(bucket.body.range.start.line, 8);
});
