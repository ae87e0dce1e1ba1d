// A Terraform worker thread builds the policy's custom rules from their data: given a root in a batch, it
// reports their findings like the main thread does (functions cannot cross threads, so the data must).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerInit, WorkerReply, WorkerRequest } from '../../src/pipeline/parallel.js';

const TERRAFORM = 'resource "aws_s3_bucket" "bare" {\n  bucket = "acme-bare"\n}\n';

function startWorker(init: WorkerInit): Worker {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(new URL('../../src/pipeline/worker.ts', import.meta.url).href);
  return new Worker(`import(${api}).then((tsx) => { tsx.register(); return import(${module}); });`, { eval: true, workerData: init });
}

async function analyseIn(worker: Worker, request: WorkerRequest[]): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) return;
      resolve(reply);
    });
    for (const r of request) worker.postMessage(r);
  });
}

describe('worker threads and custom rules', () => {
  it('a worker reports the findings of the custom rules in its init data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-worker-'));
    const abs = join(dir, 'main.tf');
    writeFileSync(abs, TERRAFORM);
    const spec = { id: 'ACME-S3-001', title: 'S3 buckets carry an owner tag', severity: 'medium', resource: 'aws_s3_bucket', condition: { attribute: 'tags.owner', exists: true } };
    const init = (customRules: unknown[]): WorkerInit => ({ files: [{ rel: 'main.tf', size: statSync(abs).size, abs }], maxFileBytes: 1 << 20, varFiles: [], defaults: {}, dataClasses: [], customRules });
    const requests: WorkerRequest[] = [{ plan: { tfByDir: [['', ['main.tf']]], varsByDir: [], roots: [''] } }, { roots: [''], texts: [] }];
    const ids = async (customRules: unknown[]) => {
      const worker = startWorker(init(customRules));
      try {
        const reply = await analyseIn(worker, requests);
        assert.ok('ok' in reply && reply.ok, JSON.stringify(reply));
        return reply.outcome.findings.map((f) => f.ruleId);
      } finally {
        await worker.terminate();
      }
    };
    assert.ok((await ids([spec])).includes('ACME-S3-001'));
    assert.ok(!(await ids([])).includes('ACME-S3-001'), 'without the data, the worker has no such rule');
  });
});
