// The parent side of a fuzz run: one worker thread per target, with a watchdog. An input that hangs the
// reader cannot be timed from inside its thread, so the parent remembers the input the worker last
// announced and terminates the thread when that input outlives the watchdog limit. A worker that runs
// out of memory (its heap is capped) is reported the same way, with the input it was on.

import { Worker } from 'node:worker_threads';
import type { FailureReport, FuzzJob, ReplayJob, TargetStats, WorkerJob, WorkerMessage } from './protocol.js';
import type { FuzzInput } from './target.js';

export interface WorkerLimits {
  /** Kill the worker when one input runs this long. */
  watchdogMs: number;
  /** Old-generation heap of the worker. */
  memoryMb: number;
  /** Stack of the worker thread: near the main thread's, so recursion that would crash the CLI crashes here. */
  stackMb: number;
  /** Time allowed to load the target (and its reference parser) before the first input. */
  setupMs: number;
}

export interface TargetRun {
  target: string;
  stats: TargetStats;
  failures: FailureReport[];
  /** Workers started (more than one when a hang or crash made the runner start over with a new seed). */
  workers: number;
  ms: number;
}

export interface RunnerEvents {
  onProgress?(target: string, inputs: number): void;
  onFailure?(failure: FailureReport): void;
}

/** Fuzzes one target to `job.runs` inputs; with `keepGoing`, starts a new worker after a hang or crash. */
export async function fuzzTarget(job: FuzzJob, limits: WorkerLimits, events: RunnerEvents = {}, maxWorkers = 6): Promise<TargetRun> {
  const started = performance.now();
  const total: TargetStats = { inputs: 0, slowestMs: 0, counters: {} };
  const failures: FailureReport[] = [];
  let workers = 0;
  let seed = job.seed;
  while (total.inputs < job.runs && workers < maxWorkers) {
    workers++;
    const outcome = await runWorker(
      { ...job, seed, runs: job.runs - total.inputs, known: [...job.known, ...failures.map((f) => f.signature)] },
      limits,
      (inputs) => events.onProgress?.(job.target, total.inputs + inputs),
      (failure) => {
        failures.push(failure);
        events.onFailure?.(failure);
      },
    );
    merge(total, outcome.stats);
    if (outcome.abort) {
      const failure = { ...outcome.abort, target: job.target, seed };
      failures.push(failure);
      events.onFailure?.(failure);
      if (!job.keepGoing || outcome.abort.property === 'setup') break;
      seed = (seed * 31 + 7) | 0;
      continue;
    }
    break;
  }
  return { target: job.target, stats: total, failures, workers, ms: performance.now() - started };
}

export interface ReplayOutcome {
  violations: { property: string; message: string; signature: string }[];
  ms: number;
  minimized?: FuzzInput;
}

export async function replayInput(job: ReplayJob, limits: WorkerLimits): Promise<ReplayOutcome> {
  let replayed: ReplayOutcome | undefined;
  const outcome = await runWorker(job, limits, () => {}, () => {}, (m) => {
    replayed = { violations: m.violations, ms: m.ms, ...(m.minimized !== undefined ? { minimized: m.minimized } : {}) };
  });
  if (outcome.abort) return { violations: [{ property: outcome.abort.property, message: outcome.abort.message, signature: outcome.abort.signature }], ms: NaN };
  return replayed ?? { violations: [{ property: 'worker', message: 'the worker ended without a result', signature: 'worker' }], ms: NaN };
}

interface WorkerOutcome {
  stats: TargetStats;
  /** Set when the worker had to be stopped or died: what it was doing. */
  abort?: FailureReport;
}

function runWorker(
  job: WorkerJob,
  limits: WorkerLimits,
  onInputs: (inputs: number) => void,
  onFailure: (failure: FailureReport) => void,
  onReplayed: (m: Extract<WorkerMessage, { kind: 'replayed' }>) => void = () => {},
): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(bootstrap(), {
      eval: true,
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: limits.stackMb },
      // Targets log nothing on purpose; a reader that does should not flood the report.
      stdout: true,
      stderr: true,
    });
    let stats: TargetStats = { inputs: 0, slowestMs: 0, counters: {} };
    let current: FuzzInput | undefined;
    let currentSince = performance.now();
    let ready = false;
    let inputs = 0;
    let abort: FailureReport | undefined;
    let settled = false;
    const stderr: string[] = [];
    worker.stderr.on('data', (chunk: Buffer) => {
      if (stderr.join('').length < 20000) stderr.push(chunk.toString());
    });
    worker.stdout.resume();
    const stop = (failure: FailureReport): void => {
      if (abort || settled) return;
      abort = failure;
      void worker.terminate();
    };
    const timer = setInterval(() => {
      const waited = performance.now() - currentSince;
      if (!ready && waited > limits.setupMs) {
        stop({ target: job.target, property: 'setup', signature: 'setup', message: `the target did not load within ${limits.setupMs} ms`, input: '' });
      } else if (ready && current !== undefined && waited > limits.watchdogMs) {
        stop({
          target: job.target, property: 'hang', signature: 'hang', input: current,
          message: `one input ran for more than ${limits.watchdogMs} ms; the worker was terminated`,
        });
      }
    }, 250);
    worker.on('message', (m: WorkerMessage) => {
      switch (m.kind) {
        case 'ready':
          ready = true;
          currentSince = performance.now();
          break;
        case 'input':
          current = m.input;
          currentSince = performance.now();
          if (m.phase === 'run') onInputs(++inputs);
          break;
        case 'progress':
          stats = m.stats;
          break;
        case 'failure':
          onFailure(m.failure);
          break;
        case 'done':
          stats = m.stats;
          current = undefined;
          break;
        case 'replayed':
          onReplayed(m);
          current = undefined;
          break;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      stop({
        target: job.target,
        property: memory ? 'memory' : ready ? 'worker-crash' : 'setup',
        signature: memory ? 'memory' : ready ? `worker-crash:${error.message}` : 'setup',
        message: memory ? `the worker ran out of its ${limits.memoryMb} MB heap` : `${error.stack ?? error.message}${stderr.length ? `\n${stderr.join('')}` : ''}`,
        input: current ?? '',
      });
    });
    worker.on('exit', () => {
      settled = true;
      clearInterval(timer);
      // A killed worker's last progress report undercounts a little; the inputs it announced are exact.
      stats = { ...stats, inputs: Math.max(stats.inputs, abort ? inputs : stats.inputs) };
      resolve(abort ? { stats, abort } : { stats });
    });
  });
}

function merge(into: TargetStats, from: TargetStats): void {
  into.inputs += from.inputs;
  if (from.slowestMs > into.slowestMs) {
    into.slowestMs = from.slowestMs;
    if (from.slowestInput !== undefined) into.slowestInput = from.slowestInput;
  }
  for (const [k, v] of Object.entries(from.counters)) into.counters[k] = (into.counters[k] ?? 0) + v;
}

/**
 * Worker threads do not inherit tsx's loader hooks on Node 20, so the thread registers tsx itself and
 * then imports the worker module (the same bootstrap the Terraform stage uses from a source checkout).
 */
function bootstrap(): string {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return `import(${api}).then((tsx) => { tsx.register(); return import(${module}); });`;
}
