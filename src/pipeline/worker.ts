// A worker thread of the parallel Terraform stage: receives the plan once, then batches of roots,
// and answers each batch with its findings. Keeps its module cache across batches.

import { parentPort, workerData } from 'node:worker_threads';
import { indexTerraformRules } from '../analyze/engine.js';
import { builtinRules } from '../analyze/rules/index.js';
import { fileReader, parseConfig } from './file-parser.js';
import type { WorkerInit, WorkerRequest, WorkerReply } from './parallel.js';
import { analyzeRoots } from './terraform.js';
import type { TerraformPlan } from './terraform-plan.js';

const init = workerData as WorkerInit;
const { parse } = fileReader(init.files, init.maxFileBytes);
const index = indexTerraformRules(builtinRules);
const options = {
  varFiles: init.varFiles.map((f) => parseConfig(f.text, f.path)),
  ...(init.vars ? { vars: init.vars } : {}),
};
let plan: TerraformPlan | undefined;

parentPort!.on('message', (request: WorkerRequest) => {
  if ('plan' in request) {
    plan = { tfByDir: new Map(request.plan.tfByDir), varsByDir: new Map(request.plan.varsByDir), roots: request.plan.roots };
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { ok: true, outcome: analyzeRoots(plan!, request.roots, parse, index, options) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
