// Three common microservice layouts, modelled from their repositories: compose only (a voting system behind
// nginx), Kubernetes manifests with an Ingress, and Terraform with Lambda, API Gateway and DynamoDB. Every
// component gets the kind it was written to be, and every threat points at lines of the repository that
// the model's evidence holds.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import { modelRepository } from '../../../src/model/repository/index.js';

const ROOT = join(import.meta.dirname, '../../..');

const LAYOUTS: { name: string; dir: string; kinds: Record<string, string> }[] = [
  {
    name: 'compose only',
    dir: 'test/fixtures/repositories/compose-voting',
    kinds: { user: 'actor', proxy: 'gateway', vote: 'process', result: 'process', worker: 'process', redis: 'cache', db: 'datastore' },
  },
  {
    name: 'Kubernetes with an Ingress',
    dir: 'test/fixtures/repositories/k8s-shop',
    kinds: { user: 'actor', 'ingress-storefront': 'gateway', web: 'web-app', api: 'process', worker: 'process', rabbitmq: 'queue', postgres: 'datastore', redis: 'cache' },
  },
  {
    name: 'Terraform serverless',
    dir: 'test/model/repository/fixtures/serverless',
    kinds: {
      user: 'actor',
      'aws_apigatewayv2_api.orders': 'gateway',
      'aws_lambda_function.orders': 'function',
      'aws_dynamodb_table.orders': 'datastore',
      'aws_sqs_queue.failed_orders': 'queue',
      'module.queue.aws_sqs_queue.this': 'queue',
      'aws_cognito_user_pool.customers': 'identity-provider',
      'aws_kms_key.orders': 'secret-store',
    },
  },
];

for (const layout of LAYOUTS) {
  describe(`a repository laid out as ${layout.name}`, async () => {
    const dir = join(ROOT, layout.dir);
    const { model } = await modelRepository(dir);
    const report = analyze(model);

    it('gives every component the kind it was written to be', () => {
      assert.deepEqual(Object.fromEntries(model.elements.map((e) => [e.id, e.kind])), layout.kinds);
    });

    it('backs every threat with lines of the repository that the model’s evidence holds', () => {
      const held = new Set<string>();
      for (const item of [...model.elements, ...model.flows]) {
        if (item.location?.file) held.add(`${item.location.file}:${item.location.line}`);
        for (const e of item.evidence ?? []) held.add(`${e.file}:${e.line}`);
      }
      const lineCount = new Map<string, number>();
      const linesOf = (file: string) => lineCount.get(file) ?? lineCount.set(file, readFileSync(join(dir, file), 'utf8').split('\n').length).get(file)!;
      assert.ok(report.threats.length > 0);
      for (const t of [...report.threats, ...report.mitigatedByDesign]) {
        const located = t.locations.filter((l) => l.file);
        assert.ok(located.length, `${t.id} has a location`);
        for (const l of located) {
          assert.ok(held.has(`${l.file}:${l.line}`), `${t.id}: ${l.file}:${l.line} is evidence of the model`);
          assert.ok(l.line >= 1 && l.line <= linesOf(l.file!), `${t.id}: ${l.file}:${l.line} is a line of the file`);
        }
      }
    });
  });
}
