// Terraform as a repository source: the ordering system's LocalStack queue, a serverless fixture (API Gateway →
// Lambda → DynamoDB with a dead-letter queue, IAM role policies, a Cognito authorizer on one route, KMS on the
// table) and a local module call, checked for kinds, flows and properties with their Terraform lines.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import type { Architecture, Element } from '../../../src/model/schema/architecture.js';
import { scratchRepositories } from './scratch-repository.js';

const ROOT = join(import.meta.dirname, '../../..');
const ORDERING = join(ROOT, 'examples/ordering-system');
const SERVERLESS = join(import.meta.dirname, 'fixtures/serverless');
const repo = scratchRepositories('bulwark-tf-code-');

const element = (model: Architecture, name: string): Element => {
  const found = model.elements.find((e) => e.name === name);
  assert.ok(found, `no element ${name} in ${model.elements.map((e) => e.name).join(', ')}`);
  return found;
};
const decided = (e: Element, prop: string) => e.evidence?.find((x) => x.prop === prop);
const flow = (model: Architecture, from: string, to: string) => model.flows.find((f) => f.source === element(model, from).id && f.target === element(model, to).id);

describe('Terraform in the repository model', () => {
  it('places the ordering system\'s queue in LocalStack, unencrypted at the main.tf line, reached by the api and the worker', async () => {
    const { model, sources } = await modelRepository(ORDERING);
    assert.ok(sources.read.some((r) => r.source === 'terraform' && r.file === 'terraform/main.tf'));
    assert.ok(!sources.notModelled.some((n) => n.what === 'Terraform'));
    const orders = element(model, 'orders');
    assert.equal(orders.kind, 'queue');
    // LocalStack is the container it runs in: a boundary inside the compose network, holding the queue.
    assert.equal(orders.boundary, 'localstack');
    assert.deepEqual(model.boundaries.find((b) => b.id === 'localstack'), { id: 'localstack', name: 'localstack', type: 'process', parent: 'network:default', location: { file: 'docker-compose.yml', line: 36 } });
    assert.ok(!model.elements.some((e) => e.id === 'localstack'));
    assert.ok(!model.flows.some((f) => f.target === 'localstack'), 'every flow to LocalStack reaches the queue it holds');
    assert.match(orders.inferredFrom ?? '', /runs in localstack/);
    assert.deepEqual({ ...decided(orders, 'encryptedAtRest') }, { file: 'terraform/main.tf', line: 12, says: decided(orders, 'encryptedAtRest')!.says, prop: 'encryptedAtRest', value: false });
    assert.ok(orders.evidence?.some((e) => e.file === 'terraform/main.tf' && e.line === 8), 'the endpoints line that puts it in LocalStack');
    assert.ok(flow(model, 'api', 'orders'), 'api → orders drawn on from api → localstack');
    assert.ok(flow(model, 'worker', 'orders'));
    const threat = analyze(model).threats.find((t) => t.ruleId === 'TM-QUEUE-001' && t.elements.includes(orders.id));
    assert.ok(threat, 'TM-QUEUE-001 on the orders queue');
    assert.ok(threat.locations.some((l) => l.file === 'terraform/main.tf' && l.line === 12));
  });

  it('reads a serverless stack: kinds, flows from references, integrations and IAM grants, and controls with lines', async () => {
    const { model } = await modelRepository(SERVERLESS);
    const kinds = Object.fromEntries(model.elements.map((e) => [e.name, e.kind]));
    assert.deepEqual(kinds, {
      User: 'actor',
      'aws_kms_key.orders': 'secret-store',
      orders: 'datastore',
      'failed-orders': 'queue',
      customers: 'identity-provider',
      'orders-handler': 'function',
      'orders-api': 'gateway',
      notifications: 'queue',
    });
    const api = element(model, 'orders-api');
    assert.equal(api.props.internetFacing, true);
    assert.equal(api.props.authenticatesCallers, false, 'GET /orders has no authorizer');
    assert.equal(decided(api, 'authenticatesCallers')?.line, 109);
    assert.ok(api.evidence?.some((e) => e.line === 105 && /JWT/.test(e.says)), 'the guarded route is evidence too');
    assert.equal(decided(api, 'rateLimited')?.line, 120);

    const table = element(model, 'orders');
    assert.equal(table.props.encryptedAtRest, true);
    assert.equal(decided(table, 'encryptedAtRest')?.line, 23);
    assert.match(decided(table, 'encryptedAtRest')!.says, /customer-managed KMS key/);
    assert.equal(decided(table, 'backups')?.line, 27);
    assert.equal(element(model, 'failed-orders').props.encryptedAtRest, true);
    assert.equal(element(model, 'customers').props.mfa, false);

    assert.match(flow(model, 'orders-api', 'orders-handler')?.label ?? '', /integration/);
    const write = flow(model, 'orders-handler', 'orders');
    assert.ok(write);
    assert.match(write.label ?? '', /TABLE_NAME/);
    assert.match(write.label ?? '', /dynamodb:PutItem/);
    assert.deepEqual(write.evidence?.map((e) => e.line), [68, 51]);
    const dlq = flow(model, 'orders-handler', 'failed-orders');
    assert.match(dlq?.label ?? '', /dead-letter/);
    assert.match(dlq?.label ?? '', /sqs:SendMessage/);
    assert.ok(!dlq?.label?.includes('dynamodb'), 'IAM actions go to the resource of their service');
    assert.ok(flow(model, 'orders-api', 'customers'), 'the JWT authorizer verifies Cognito tokens');
    assert.equal(flow(model, 'User', 'orders-api')?.encrypted, true);
    assert.ok(model.boundaries.some((b) => b.type === 'cloud-account'));
  });

  it('reads resources of a local module call', async () => {
    const { model } = await modelRepository(SERVERLESS);
    const queue = element(model, 'notifications');
    assert.equal(queue.kind, 'queue');
    assert.equal(queue.id, 'module.queue.aws_sqs_queue.this');
    assert.deepEqual(queue.location, { file: 'modules/queue/main.tf', line: 1 });
    assert.equal(queue.props.encryptedAtRest, false);
  });

  it('joins a Lambda function with the code its archive_file zips, whether deployed by filename or through S3', async () => {
    const handler = [
      "const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');",
      'const sqs = new SQSClient({});',
      'exports.handler = async (event) => {',
      '  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: event.body }));',
      '  return { statusCode: 202 };',
      '};',
      '',
    ].join('\n');
    const dir = repo({
      'infra/main.tf': [
        'data "archive_file" "signup" {',
        '  type        = "zip"',
        '  source_dir  = "${path.module}/../functions/signup"',
        '  output_path = "${path.module}/build/signup.zip"',
        '}',
        'data "archive_file" "report" {',
        '  type        = "zip"',
        '  source_file = "${path.module}/../functions/report/index.js"',
        '  output_path = "${path.module}/build/report.zip"',
        '}',
        'resource "aws_s3_object" "report" {',
        '  bucket = "artifacts"',
        '  key    = "report.zip"',
        '  source = data.archive_file.report.output_path',
        '}',
        'resource "aws_sqs_queue" "signups" {',
        '  name = "signups"',
        '}',
        'resource "aws_lambda_function" "signup" {',
        '  function_name = "signup"',
        '  role          = "arn:aws:iam::123456789012:role/signup"',
        '  runtime       = "nodejs20.x"',
        '  handler       = "index.handler"',
        '  filename      = data.archive_file.signup.output_path',
        '  environment {',
        '    variables = { QUEUE_URL = aws_sqs_queue.signups.url }',
        '  }',
        '}',
        'resource "aws_lambda_function" "report" {',
        '  function_name = "report"',
        '  role          = "arn:aws:iam::123456789012:role/report"',
        '  runtime       = "nodejs20.x"',
        '  handler       = "index.handler"',
        '  s3_bucket     = "artifacts"',
        '  s3_key        = "report.zip"',
        '}',
        '',
      ].join('\n'),
      'functions/signup/package.json': '{ "name": "signup-fn", "dependencies": { "@aws-sdk/client-sqs": "3.600.0" } }\n',
      'functions/signup/index.js': handler,
      'functions/report/package.json': '{ "name": "report-fn", "dependencies": { "@aws-sdk/client-sqs": "3.600.0" } }\n',
      'functions/report/index.js': handler,
    });
    const { model } = await modelRepository(dir);
    // The code is the function's, not a process of its own.
    assert.deepEqual(model.elements.filter((e) => e.kind === 'process').map((e) => e.id), []);
    for (const name of ['signup', 'report']) {
      const fn = element(model, name);
      assert.equal(fn.kind, 'function');
      assert.ok(fn.evidence!.some((e) => e.says.includes(`its code is functions/${name}`)), name);
    }
  });
});
