// A worker thread of the parallel Terraform stage: says `ready` once loaded, receives the plan once, then
// batches of roots (with the texts the main thread already read), and answers each batch with its findings.
// Keeps its module cache across batches.

import { parentPort, workerData } from 'node:worker_threads';
import { indexTerraformRules } from '../analyze/engine.js';
import { builtinRules } from '../analyze/rules/index.js';
import { compileCustomRule } from '../policy/custom-rules.js';
import type { CustomRuleSpec } from '../policy/custom-rule-schema.js';
import { fileReader, parseConfig } from './file-parser.js';
import { diskOutside } from './outside.js';
import type { WorkerInit, WorkerRequest, WorkerReply } from './parallel.js';
import { rootAnalyzer, type RootsOutcome } from './terraform.js';

const init = workerData as WorkerInit;
// Edited texts (fix verification) of files outside the roots' directories, sent with the plan.
const overlay = new Map<string, string>();
const reader = fileReader(init.files, { maxBytes: init.maxFileBytes, overlay });
const supplied = new Map<string, string>();
const parse = (rel: string) => {
  const text = supplied.get(rel);
  if (text === undefined) return reader.parse(rel);
  supplied.delete(rel);
  return parseConfig(text, rel);
};
const index = indexTerraformRules([...builtinRules, ...init.customRules.map((spec) => compileCustomRule(spec as CustomRuleSpec))], init.defaults, init.dataClasses);
const baseOptions = {
  varFiles: init.varFiles.map((f) => parseConfig(f.text, f.path)),
  ...(init.vars ? { vars: init.vars } : {}),
  ...(init.projectRoot ? { outside: diskOutside(init.projectRoot, reader.register) } : {}),
};
let analyze: ((roots: readonly string[]) => RootsOutcome) | undefined;

parentPort!.on('message', (request: WorkerRequest) => {
  if ('plan' in request) {
    const plan = { tfByDir: new Map(request.plan.tfByDir), varsByDir: new Map(request.plan.varsByDir), roots: request.plan.roots };
    // Each plan is a scan of its own: its edited texts and options replace the previous scan's.
    overlay.clear();
    for (const [rel, text] of request.overlay ?? []) overlay.set(rel, text);
    const options = { ...baseOptions, ...(request.proposeFixes ? { proposeFixes: request.proposeFixes } : {}), ...(request.showPassed ? { showPassed: true } : {}) };
    analyze = rootAnalyzer(plan, parse, index, options);
    return;
  }
  let reply: WorkerReply;
  try {
    for (const [rel, text] of request.texts) supplied.set(rel, text);
    reply = { ok: true, outcome: analyze!(request.roots) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  supplied.clear();
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
