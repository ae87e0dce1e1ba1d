// The Terraform stage spread over worker threads: the plan is made once here, root modules are
// handed out in small batches to whichever worker is free, and the outcomes are merged exactly
// as the in-process path merges them (finishTerraform), so results are identical either way.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuleIndex } from '../analyze/engine.js';
import type { DataClass, SafeDefaults } from '../core/safe-defaults.js';
import { packageRoot } from '../core/package-root.js';
import { fileReader, type FileEntry, type FileReader } from './file-parser.js';
import { diskOutside } from './outside.js';
import { finishTerraform, rootAnalyzer, type RootsOutcome, type TerraformOptions, type TerraformOutcome } from './terraform.js';
import { dirOf, planTerraform, type TerraformPlan } from './terraform-plan.js';

export interface WorkerInit {
  files: (FileEntry & { abs: string })[];
  /** Absolute project root, for modules outside the discovered files. */
  projectRoot?: string;
  maxFileBytes: number;
  varFiles: { path: string; text: string }[];
  vars?: Record<string, string>;
  defaults: SafeDefaults;
  dataClasses: DataClass[];
  /** The policy's custom rules, as data: each thread builds them again (functions cannot cross threads). */
  customRules: unknown[];
}
/**
 * The first message to a worker carries the plan; every later one a batch of roots, with the texts of
 * their files when this thread has already read them (the worker reads anything else itself).
 */
export type WorkerRequest =
  | {
      plan: { tfByDir: [string, string[]][]; varsByDir: [string, string[]][]; roots: string[] };
      /**
       * Edited texts (fix verification) of files the worker reads itself, outside the roots' own directories;
       * a root's own files come with its batch, read through the overlay here.
       */
      overlay?: [string, string][];
      /** This scan's own options (a pool of threads serves several scans: a fix's scan and its verification). */
      proposeFixes?: { only?: readonly string[] };
      showPassed?: boolean;
    }
  | { roots: string[]; texts: [string, string][] };
/** A worker says `ready` once its code is loaded, then answers each batch. */
export type WorkerReply = { ready: true } | { ok: true; outcome: RootsOutcome } | { ok: false; error: string };

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
  /** Every file of the scan; the stage picks the Terraform ones. Files without `abs` need `read`. */
  files: readonly FileEntry[];
  /** Reads a file's text; default: from its `abs` path. */
  read?: (rel: string) => string;
  /** Edited texts read instead of these files on disk (fix verification). */
  overlay?: ReadonlyMap<string, string>;
  /** Absolute project root: modules above the scanned folder and under `.terraform/modules` are read from it. */
  projectRoot?: string;
  maxFileBytes: number;
  index: RuleIndex;
  options: TerraformOptions;
  /** Raw var-file texts, re-parsed inside each worker. */
  varFileTexts: { path: string; text: string }[];
  /** False when custom rules are in use (functions cannot cross threads). */
  builtinRulesOnly: boolean;
  /** Called as root modules finish. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads to use and keep for later scans; without it, threads last one scan. */
  workers?: WorkerSession;
}

/**
 * Texts read while planning are kept, up to this many characters, so that no file is read twice: the
 * in-process path parses them, the parallel path ships them to the workers with each batch.
 */
const RETAIN_CHARS = 256 * 1024 * 1024;

export async function runTerraformStage(run: TerraformRun): Promise<TerraformOutcome> {
  const tfFiles = run.files.filter((f) => f.rel.endsWith('.tf'));
  const moduleDirs = new Set(tfFiles.map((f) => dirOf(f.rel))).size;
  // Workers read files themselves, so they need them on disk and the built-in rules.
  const diskFiles = !run.read && isOnDisk(run.files) ? run.files : undefined;
  const threads = run.builtinRulesOnly && diskFiles ? workerCount(moduleDirs, tfFiles.reduce((n, f) => n + f.size, 0)) : 0;
  // Threads load their code while this thread plans; a session keeps them (warm) for its next scan.
  const pool = threads > 0 && diskFiles ? await (run.workers ?? new WorkerSession()).pool(run, diskFiles, threads) : undefined;
  const stage = prepareStage(run);
  const scanOptions = { ...(run.options.proposeFixes ? { proposeFixes: run.options.proposeFixes } : {}), ...(run.options.showPassed ? { showPassed: true } : {}) };
  let outcomes: RootsOutcome[];
  try {
    outcomes = pool ? await pool.analyze(stage.plan, run.overlay, scanOptions, stage.reader, stage.analyzeHere, stage.rootsDone) : [stage.analyzeHere(stage.plan.roots)];
  } finally {
    if (pool && !run.workers) await pool.close();
  }
  return finishTerraform(stage.plan, outcomes, stage.analyzeHere, stage.reader.parse);
}

/**
 * Worker threads kept between scans of one project (a fix's scan and its verification re-scan): the second
 * scan starts with threads that are loaded and warm. `close()` ends them.
 */
export class WorkerSession {
  private current: WorkerPool | undefined;

  /** A pool for this run: the kept one when it was made for the same files and options, else a new one. */
  async pool(run: TerraformRun, files: readonly (FileEntry & { abs: string })[], threads: number): Promise<WorkerPool> {
    const init = workerInit(run, files);
    if (this.current && this.current.key === poolKey(init, threads) && !this.current.isClosed()) return this.current;
    await this.current?.close();
    return (this.current = new WorkerPool(init, threads));
  }

  async close(): Promise<void> {
    await this.current?.close();
    this.current = undefined;
  }
}

/** The whole stage in this thread, synchronously (rule examples, in-memory sources). */
export function runTerraformInProcess(run: TerraformRun): TerraformOutcome {
  const stage = prepareStage(run);
  return finishTerraform(stage.plan, [stage.analyzeHere(stage.plan.roots)], stage.analyzeHere, stage.reader.parse);
}

function prepareStage(run: TerraformRun) {
  const reader = fileReader(run.files, { maxBytes: run.maxFileBytes, retainChars: RETAIN_CHARS, ...(run.read ? { read: run.read } : {}), ...(run.overlay ? { overlay: run.overlay } : {}) });
  const options = run.projectRoot ? { ...run.options, outside: diskOutside(run.projectRoot, reader.register) } : run.options;
  const plan = planTerraform(
    run.files.map((f) => f.rel),
    reader.readText,
  );
  let done = 0;
  const rootsDone = (count: number) => run.onProgress?.((done += count), plan.roots.length);
  const analyze = rootAnalyzer(plan, reader.parse, run.index, options);
  const analyzeHere = (roots: readonly string[]) => analyze(roots, () => rootsDone(1));
  return { reader, plan, rootsDone, analyzeHere };
}

function isOnDisk(files: readonly FileEntry[]): files is readonly (FileEntry & { abs: string })[] {
  return files.every((f) => f.abs !== undefined);
}

/**
 * Young-generation size of a worker thread. A root module's syntax trees and evaluation must die young: when they
 * outgrow the young generation mid-root, they are promoted and the old-generation collector pays for them. V8's
 * default (16 MB) was measured too small for large roots (2.5x the garbage-collection time on the benchmark
 * tree); 64 MB was the best of 32/64/128/256 there. Set per worker thread, so no process-wide flag is touched.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/** What every thread of a pool is started with: the files, variables and rules, but nothing of one scan. */
function workerInit(run: TerraformRun, files: readonly (FileEntry & { abs: string })[]): WorkerInit {
  return {
    files: [...files],
    ...(run.projectRoot ? { projectRoot: run.projectRoot } : {}),
    maxFileBytes: run.maxFileBytes,
    varFiles: run.varFileTexts,
    ...(run.options.vars ? { vars: { ...run.options.vars } } : {}),
    defaults: { ...run.index.defaults },
    dataClasses: [...run.index.dataClasses],
    customRules: [...run.index.byId.values()].flatMap((r) => (r.portable ? [r.portable.customRule] : [])),
  };
}

function poolKey(init: WorkerInit, threads: number): string {
  return JSON.stringify({ init, threads });
}

/** A scan's own options, sent with its plan. */
interface ScanThreadOptions {
  proposeFixes?: { only?: readonly string[] };
  showPassed?: boolean;
}

/** What a worker's messages and failures go to while a scan uses it. */
interface WorkerHandlers {
  message(reply: WorkerReply): void;
  fail(error: Error): void;
}

class WorkerPool {
  private readonly workers: Worker[];
  /** The init data and thread count: a scan with the same may reuse the pool. */
  readonly key: string;
  private readonly ready: boolean[];
  private readonly handlers: (WorkerHandlers | undefined)[];
  private closed = false;

  constructor(init: WorkerInit, threads: number) {
    this.key = poolKey(init, threads);
    const entry = workerEntry();
    this.workers = Array.from(
      { length: threads },
      () => new Worker(entry.target, { eval: entry.eval, workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
    );
    this.ready = this.workers.map(() => false);
    this.handlers = this.workers.map(() => undefined);
    this.workers.forEach((worker, i) => {
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) this.ready[i] = true;
        this.handlers[i]?.message(reply);
      });
      worker.on('error', (error) => this.handlers[i]?.fail(error));
      // A thread that dies without an error event (killed, out of memory) must not leave the scan waiting.
      worker.on('exit', (code) => {
        if (!this.closed) this.handlers[i]?.fail(new Error(`Terraform worker stopped unexpectedly (exit code ${code})`));
      });
    });
  }

  isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /**
   * Hands out roots in small batches to whichever worker is free. Until the first worker has loaded its
   * code, this thread analyses roots itself, one at a time, so thread start-up costs no time. Outcomes
   * come back in the plan's order, so results do not depend on timing.
   */
  async analyze(
    plan: TerraformPlan,
    overlay: ReadonlyMap<string, string> | undefined,
    scanOptions: ScanThreadOptions,
    reader: FileReader,
    analyzeHere: (roots: readonly string[]) => RootsOutcome,
    rootsDone: (count: number) => void,
  ): Promise<RootsOutcome[]> {
    const roots = plan.roots;
    const batchSize = Math.max(1, Math.min(16, Math.ceil(roots.length / (this.workers.length * 8))));
    const results: { at: number; outcome: RootsOutcome }[] = [];
    const rootDirs = new Set(roots);
    const elsewhere = overlay ? [...overlay].filter(([rel]) => !rootDirs.has(dirOf(rel))) : [];
    const planMessage: WorkerRequest = { plan: { tfByDir: [...plan.tfByDir], varsByDir: [...plan.varsByDir], roots }, ...(elsewhere.length ? { overlay: elsewhere } : {}), ...scanOptions };
    const filesOf = (batch: readonly string[]) =>
      batch.flatMap((root) => [...(plan.tfByDir.get(root) ?? []), ...(plan.varsByDir.get(root) ?? [])]);
    // Kept texts, and edited ones even when the retention budget let them go: the worker must never read those from disk.
    const textsFor = (files: string[]): [string, string][] => {
      const texts = reader.takeKept(files);
      if (!overlay) return texts;
      const sent = new Set(texts.map(([rel]) => rel));
      for (const rel of files) {
        const edited = overlay.get(rel);
        if (edited !== undefined && !sent.has(rel)) texts.push([rel, edited]);
      }
      return texts;
    };
    let next = 0;
    let failed = false;
    try {
      const working = this.workers.map(
        (worker, i) =>
          new Promise<void>((resolve, reject) => {
            let current: { at: number; batch: string[] } | undefined;
            const feed = () => {
              if (next >= roots.length || failed) return resolve();
              const at = next;
              next = Math.min(roots.length, at + batchSize);
              const batch = roots.slice(at, next);
              current = { at, batch };
              worker.postMessage({ roots: batch, texts: textsFor(filesOf(batch)) } satisfies WorkerRequest);
            };
            this.handlers[i] = {
              fail: (error) => {
                failed = true;
                reject(error);
              },
              message: (reply) => {
                if ('ready' in reply) return feed();
                if (!reply.ok) return this.handlers[i]!.fail(new Error(`Terraform worker failed: ${reply.error}`));
                results.push({ at: current!.at, outcome: reply.outcome });
                rootsDone(current!.batch.length);
                feed();
              },
            };
            worker.postMessage(planMessage);
            // A thread kept from an earlier scan is ready already.
            if (this.ready[i]) feed();
          }),
      );
      const allDone = Promise.all(working);
      allDone.catch(() => undefined); // awaited below; a failure while this thread is busy must not go unhandled
      for (;;) {
        // Lets a worker's `ready` message in before each root.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.ready.some(Boolean) || next >= roots.length || failed) break;
        const at = next++;
        results.push({ at, outcome: analyzeHere([roots[at]!]) });
      }
      await allDone;
    } catch (error) {
      // A failed pool is never reused.
      await this.close();
      throw error;
    } finally {
      this.handlers.fill(undefined);
    }
    return results.sort((a, b) => a.at - b.at).map((r) => r.outcome);
  }
}

/**
 * The compiled worker module; from a source checkout (run through tsx), a tiny bootstrap that
 * registers tsx inside the thread first, since loader hooks do not reach worker threads on Node 20.
 */
function workerEntry(): { target: string | URL; eval: boolean } {
  // Compiled: the bundled worker entry (the code calling this may sit in a shared chunk elsewhere in dist/).
  if (!import.meta.url.endsWith('.ts')) return { target: join(packageRoot(), 'dist', 'pipeline', 'worker.js'), eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return { target: `import(${api}).then((tsx) => { tsx.register(); return import(${module}); });`, eval: true };
}
