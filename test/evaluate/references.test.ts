import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProject } from '../../src/evaluate/terraform/index.js';
import { firstBlock, isUnknown, value, valueAt } from '../../src/evaluate/terraform/view.js';
import { byAddress, fixtureSource } from './helpers.js';

const { project, diagnostics } = evaluateProject({ root: '', modules: fixtureSource('s3-split'), varFiles: [] });

test('the fixture evaluates without diagnostics', () => {
  assert.deepEqual(diagnostics, []);
});

test('split S3 resources record the bucket they point at', () => {
  const versioning = byAddress(project, 'aws_s3_bucket_versioning.data');
  const bucket = versioning.body.attributes.get('bucket')!;
  assert.ok(isUnknown(bucket.value), 'a bucket id is known only after apply');
  assert.deepEqual(bucket.refs, ['aws_s3_bucket.data']);
  const pab = byAddress(project, 'aws_s3_bucket_public_access_block.data');
  // bucket_prefix only: the name is computed, so unknown even though it is referenced by attribute name.
  assert.ok(isUnknown(value(pab.body, 'bucket')));
  assert.deepEqual(pab.body.attributes.get('bucket')!.refs, ['aws_s3_bucket.data']);
});

test('a referenced attribute that is set literally is known', () => {
  const logging = byAddress(project, 'aws_s3_bucket_logging.data');
  assert.equal(value(logging.body, 'target_bucket'), 'acme-access-logs');
  assert.deepEqual(logging.body.attributes.get('target_bucket')!.refs, ['aws_s3_bucket.logs']);
  const sse = byAddress(project, 'aws_s3_bucket_server_side_encryption_configuration.logs');
  assert.equal(value(sse.body, 'bucket'), 'acme-access-logs');
  const key = firstBlock(firstBlock(sse.body, 'rule')!, 'apply_server_side_encryption_by_default')!.attributes.get('kms_master_key_id')!;
  assert.ok(isUnknown(key.value));
  assert.deepEqual(key.refs, ['aws_kms_key.logs']);
});

test('jsonencode keeps the known policy structure; unknown leaves render as "(unknown)"; refs pass through locals', () => {
  const policy = byAddress(project, 'aws_s3_bucket_policy.data').body.attributes.get('policy')!;
  assert.equal(typeof policy.value, 'string');
  const doc = JSON.parse(policy.value as string);
  assert.deepEqual(doc, {
    Statement: [
      {
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        Effect: 'Deny',
        Principal: '*',
        Resource: ['(unknown)', '(unknown)'],
        Sid: 'DenyInsecureTransport',
      },
    ],
    Version: '2012-10-17',
  });
  // Keys are sorted as Terraform's jsonencode does.
  assert.ok((policy.value as string).startsWith('{"Statement":[{"Action":"s3:*","Condition"'));
  assert.deepEqual(policy.refs, ['aws_s3_bucket.data']);
});

test('data sources, self, meta-arguments and nested blocks', () => {
  const app = byAddress(project, 'aws_instance.app');
  assert.ok(isUnknown(value(app.body, 'ami')));
  assert.deepEqual(app.body.attributes.get('ami')!.refs, ['data.aws_ami.ubuntu']);
  assert.ok(isUnknown(valueAt(app.body, ['provisioner', 'command'])));
  assert.deepEqual(valueAt(app.body, ['lifecycle', 'ignore_changes']), ['tags', 'ami']);
  assert.equal(value(app.body, 'provider'), 'aws.west');
  assert.deepEqual(app.body.attributes.get('depends_on')!.refs, ['aws_s3_bucket_policy.data']);
  const ami = byAddress(project, 'data.aws_ami.ubuntu');
  assert.equal(ami.mode, 'data');
  assert.equal(ami.type, 'aws_ami');
  assert.deepEqual(value(ami.body, 'owners'), ['099720109477']);
});
