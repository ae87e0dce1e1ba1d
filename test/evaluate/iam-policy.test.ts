import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProject } from '../../src/evaluate/terraform/index.js';
import { isUnknown, value } from '../../src/evaluate/terraform/view.js';
import { byAddress, fixtureSource } from './helpers.js';

const { project, diagnostics } = evaluateProject({ root: '', modules: fixtureSource('iam'), varFiles: [] });

test('fixture evaluates cleanly', () => {
  assert.deepEqual(diagnostics, []);
});

// The expected document is the AWS provider's documented output for this example: single-element lists become
// strings, Effect defaults to Allow, an empty Sid is omitted, and json is indented with two spaces.
test('policy document json matches the provider rendering', () => {
  const policy = byAddress(project, 'aws_iam_policy.home').body.attributes.get('policy')!;
  assert.deepEqual(policy.refs, ['data.aws_iam_policy_document.home']);
  const expected = {
    Version: '2012-10-17',
    Statement: [
      { Sid: '1', Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::*' },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::acme-home',
        Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/&{aws:username}/'] } },
      },
    ],
  };
  assert.equal(policy.value, JSON.stringify(expected, null, 2));
});

test('principals, not_resources and source/override documents', () => {
  const policy = value(byAddress(project, 'aws_s3_bucket_policy.site').body, 'policy');
  assert.equal(typeof policy, 'string');
  const doc = JSON.parse(policy as string);
  assert.equal(doc.Statement.length, 2);
  // From public_read (via cross_account's source_policy_documents): a "*" principal renders as "*".
  assert.deepEqual(doc.Statement[0], { Effect: 'Allow', Action: 's3:GetObject', Resource: '(unknown)', Principal: '*' });
  // The CrossAccount statement replaced by the override document with the same Sid.
  assert.deepEqual(doc.Statement[1], { Sid: 'CrossAccount', Effect: 'Deny', Action: 's3:*', Resource: '*' });
});

test('cross-account principals group identifiers by type', () => {
  // cross_account's json, as seen through overridden's source_policy_documents.
  const overridden = byAddress(project, 'data.aws_iam_policy_document.overridden');
  const source = JSON.parse((overridden.body.attributes.get('source_policy_documents')!.value as string[])[0]!);
  assert.deepEqual(source.Statement[1], {
    Sid: 'CrossAccount',
    Effect: 'Allow',
    Action: 's3:PutObject',
    NotResource: 'arn:aws:s3:::private/*',
    Principal: {
      AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:root'],
      Service: 'cloudtrail.amazonaws.com',
    },
  });
});

test('a statement from an unknown dynamic makes the document unknown', () => {
  assert.ok(isUnknown(value(byAddress(project, 'aws_iam_role_policy.dynamic').body, 'policy')));
  const known = evaluateProject({
    root: '',
    modules: fixtureSource('iam'),
    varFiles: [],
    vars: { extra_statements: '[{ actions = ["sqs:SendMessage"] }, { actions = ["sns:Publish", "sns:Subscribe"] }]' },
  });
  const minified = value(byAddress(known.project, 'aws_iam_role_policy.dynamic').body, 'policy');
  assert.equal(
    minified,
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"},{"Effect":"Allow","Action":["sns:Subscribe","sns:Publish"],"Resource":"*"}]}',
  );
});
