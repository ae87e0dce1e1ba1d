// The worker thread of one fuzz target: loads it, runs fast-check over its arbitrary, and posts every
// input before running it (the parent's watchdog needs it), each failure once shrunk and minimised, and
// the totals at the end.

import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { loadTarget } from '../registry.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { minimizeInput } from './minimize.js';
import type { FailureReport, FuzzJob, ReplayJob, TargetStats, WorkerJob, WorkerMessage } from './protocol.js';
import type { FuzzInput, FuzzTarget, Violation } from './target.js';

const port = parentPort!;
const PROGRESS_MS = 2000;
const post = (message: WorkerMessage): void => port.postMessage(message);

async function main(job: WorkerJob): Promise<void> {
  const target = await loadTarget(job.target);
  await target.setup?.();
  post({ kind: 'ready' });
  if (job.mode === 'replay') replay(target, job);
  else fuzz(target, job);
}

function replay(target: FuzzTarget, job: ReplayJob): void {
  const run = (input: FuzzInput) => {
    post({ kind: 'input', input, phase: 'run' });
    return evaluate(target, input, { timeLimitMs: job.timeLimitMs });
  };
  const result = run(job.input);
  const goal = job.minimize;
  if (!goal || !result.violations.some((v) => v.signature === goal.signature)) {
    post({ kind: 'replayed', violations: result.violations, ms: result.ms });
    return;
  }
  const minimized = minimizeInput(job.input, (c) => run(c).violations.some((v) => v.signature === goal.signature), goal);
  post({ kind: 'replayed', violations: run(minimized).violations, ms: result.ms, minimized });
}

function fuzz(target: FuzzTarget, job: FuzzJob): void {
  const arbitrary = target.arbitrary();
  const known = new Set(job.known);
  const stats: TargetStats = { inputs: 0, slowestMs: 0, counters: {} };
  let nextProgress = performance.now() + PROGRESS_MS;
  const run = (input: FuzzInput, phase: 'run' | 'shrink'): Evaluation => {
    if (performance.now() > nextProgress) {
      post({ kind: 'progress', stats });
      nextProgress = performance.now() + PROGRESS_MS;
    }
    post({ kind: 'input', input, phase });
    const result = evaluate(target, input, { timeLimitMs: job.timeLimitMs });
    if (phase === 'run') {
      stats.inputs++;
      if (result.ms > stats.slowestMs) {
        stats.slowestMs = result.ms;
        stats.slowestInput = input;
      }
      for (const [k, v] of Object.entries(result.counters)) stats.counters[k] = (stats.counters[k] ?? 0) + v;
    }
    return result;
  };
  const fresh = (violations: Violation[], sticky: string | undefined) =>
    violations.filter((v) => !known.has(v.signature) && (sticky === undefined || v.signature === sticky));

  let seed = job.seed;
  let remaining = job.runs;
  for (let round = 0; remaining > 0; round++) {
    let sticky: string | undefined;
    let found: Violation | undefined;
    let original: FuzzInput | undefined;
    let runs = 0;
    let shrinkDeadline = 0;
    const property = fc.property(arbitrary, (input) => {
      if (sticky !== undefined && performance.now() > shrinkDeadline) return true; // shrinking budget spent
      const result = run(input, sticky === undefined ? 'run' : 'shrink');
      if (sticky === undefined) runs++;
      const bad = fresh(result.violations, sticky);
      if (bad.length === 0) return true;
      if (sticky === undefined) {
        sticky = bad[0]!.signature;
        original = input;
        shrinkDeadline = performance.now() + job.shrinkMs / 2;
      }
      found = bad[0]!;
      return false;
    });
    const details = fc.check(property, { seed, numRuns: remaining, ...(job.path ? { path: job.path } : {}) });
    remaining -= runs;
    if (!details.failed || sticky === undefined) break;
    const shrunk = details.counterexample![0] as FuzzInput;
    const signature = sticky;
    let last = found!;
    const minimized = minimizeInput(
      shrunk,
      (candidate) => {
        const hit = run(candidate, 'shrink').violations.find((v) => v.signature === signature);
        if (hit) last = hit;
        return hit !== undefined;
      },
      { maxTries: 3000, maxMs: job.shrinkMs / 2 },
    );
    // The message of the minimised input's own run, not the first one's.
    const final = run(minimized, 'shrink').violations.find((v) => v.signature === signature) ?? last;
    const failure: FailureReport = {
      target: target.name, property: final.property, signature, message: final.message, input: minimized,
      ...(original !== undefined ? { original } : {}), seed: details.seed, ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
    };
    post({ kind: 'failure', failure });
    known.add(signature);
    if (!job.keepGoing || job.path) break;
    // A fresh seed per round: the same seed would walk the same inputs up to this failure again.
    seed = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + round + 1) | 0;
  }
  post({ kind: 'done', stats });
}

main(workerData as WorkerJob).catch((error: unknown) => {
  // Setup failures (a target that cannot load) surface in the parent as a worker error.
  setImmediate(() => {
    throw error;
  });
});
