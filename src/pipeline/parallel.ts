// The Terraform stage spread over worker threads: the plan is made once here, root modules are
// handed out in small batches to whichever worker is free, and the outcomes are merged exactly
// as the in-process path merges them (finishTerraform), so results are identical either way.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RuleIndex } from '../analyze/engine.js';
import { fileReader, type FileEntry } from './file-parser.js';
import { analyzeRoots, finishTerraform, type RootsOutcome, type TerraformOptions, type TerraformOutcome } from './terraform.js';
import { dirOf, planTerraform, type TerraformPlan } from './terraform-plan.js';

export interface WorkerInit {
  files: FileEntry[];
  maxFileBytes: number;
  varFiles: { path: string; text: string }[];
  vars?: Record<string, string>;
}
/** The first message to a worker carries the plan; every later one a batch of roots. */
export type WorkerRequest = { plan: { tfByDir: [string, string[]][]; varsByDir: [string, string[]][]; roots: string[] } } | { roots: string[] };
export type WorkerReply = { ok: true; outcome: RootsOutcome } | { ok: false; error: string };

/** Below this much Terraform, starting threads costs more than it saves. */
export const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Worker threads for a scan: none for small ones; otherwise one per core but one, up to four. The spare
 * core is not idle: the scan allocates heavily and V8's parallel garbage collection runs there (measured on
 * two cores: one worker is as fast as two and needs half the memory). `BULWARK_WORKERS` overrides
 * (0 = in-process).
 */
export function workerCount(moduleDirs: number, bytes: number, env = process.env): number {
  const forced = env.BULWARK_WORKERS === undefined ? NaN : Number(env.BULWARK_WORKERS);
  if (Number.isInteger(forced) && forced >= 0) return Math.min(forced, moduleDirs);
  if (bytes < PARALLEL_MIN_BYTES || moduleDirs < 2) return 0;
  return Math.min(Math.max(1, availableParallelism() - 1), 4, moduleDirs);
}

export interface TerraformRun {
  files: readonly FileEntry[];
  maxFileBytes: number;
  index: RuleIndex;
  options: TerraformOptions;
  /** Raw var-file texts, re-parsed inside each worker. */
  varFileTexts: { path: string; text: string }[];
  /** False when custom rules are in use (functions cannot cross threads). */
  builtinRulesOnly: boolean;
  /** Called as root modules finish. */
  onProgress?: (done: number, total: number) => void;
}

export async function runTerraformStage(run: TerraformRun): Promise<TerraformOutcome> {
  const { readText, parse } = fileReader(run.files, run.maxFileBytes);
  const tfFiles = run.files.filter((f) => f.rel.endsWith('.tf'));
  const moduleDirs = new Set(tfFiles.map((f) => dirOf(f.rel))).size;
  const threads = run.builtinRulesOnly ? workerCount(moduleDirs, tfFiles.reduce((n, f) => n + f.size, 0)) : 0;
  // Threads load their code while this thread plans.
  const pool = threads > 0 ? new WorkerPool(run, threads) : undefined;
  const plan = planTerraform(
    run.files.map((f) => f.rel),
    readText,
  );
  let done = 0;
  const rootsDone = (count: number) => run.onProgress?.((done += count), plan.roots.length);
  const analyzeHere = (roots: readonly string[]) => analyzeRoots(plan, roots, parse, run.index, run.options, () => rootsDone(1));
  const outcomes = pool ? await pool.analyze(plan, rootsDone) : [analyzeHere(plan.roots)];
  return finishTerraform(plan, outcomes, analyzeHere, parse);
}

class WorkerPool {
  private readonly workers: Worker[];

  constructor(run: TerraformRun, threads: number) {
    const init: WorkerInit = {
      files: [...run.files],
      maxFileBytes: run.maxFileBytes,
      varFiles: run.varFileTexts,
      ...(run.options.vars ? { vars: { ...run.options.vars } } : {}),
    };
    const entry = workerEntry();
    this.workers = Array.from(
      { length: threads },
      () =>
        new Worker(entry.target, {
          eval: entry.eval,
          workerData: init,
          // A larger young generation lets a root's short-lived syntax trees die young instead of being promoted.
          resourceLimits: { maxYoungGenerationSizeMb: 64 },
        }),
    );
  }

  /** Hands out roots in small batches to whichever worker is free; results keep the plan's order. */
  async analyze(plan: TerraformPlan, rootsDone: (count: number) => void): Promise<RootsOutcome[]> {
    const batchSize = Math.max(1, Math.min(16, Math.ceil(plan.roots.length / (this.workers.length * 8))));
    const queue: string[][] = [];
    for (let i = 0; i < plan.roots.length; i += batchSize) queue.push(plan.roots.slice(i, i + batchSize));
    const results: RootsOutcome[] = new Array(queue.length);
    const planMessage: WorkerRequest = { plan: { tfByDir: [...plan.tfByDir], varsByDir: [...plan.varsByDir], roots: plan.roots } };
    let next = 0;
    try {
      await Promise.all(
        this.workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              let current = -1;
              const feed = () => {
                if (next >= queue.length) return resolve();
                current = next++;
                worker.postMessage({ roots: queue[current]! } satisfies WorkerRequest);
              };
              worker.on('message', (reply: WorkerReply) => {
                if (!reply.ok) return reject(new Error(`Terraform worker failed: ${reply.error}`));
                results[current] = reply.outcome;
                rootsDone(queue[current]!.length);
                feed();
              });
              worker.on('error', reject);
              // A thread that dies without an error event (killed, out of memory) must not leave the scan waiting.
              worker.on('exit', (code) => reject(new Error(`Terraform worker stopped unexpectedly (exit code ${code})`)));
              worker.postMessage(planMessage);
              feed();
            }),
        ),
      );
    } finally {
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
    return results;
  }
}

/**
 * The compiled worker module; from a source checkout (run through tsx), a tiny bootstrap that
 * registers tsx inside the thread first, since loader hooks do not reach worker threads on Node 20.
 */
function workerEntry(): { target: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { target: new URL('./worker.js', import.meta.url), eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return { target: `import(${api}).then((tsx) => { tsx.register(); return import(${module}); });`, eval: true };
}
