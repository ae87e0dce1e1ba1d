// Messages between the fuzz command and its worker threads. The worker posts every input before it runs
// it, so when an input hangs the thread the parent still knows which one to report.

import type { FuzzInput } from './target.js';

export interface FuzzJob {
  mode: 'fuzz';
  target: string;
  seed: number;
  runs: number;
  /** fast-check's replay path (with the seed it reproduces one generated input). */
  path?: string;
  timeLimitMs: number;
  /** Keep looking after a failure (with a fresh seed), reporting each distinct bug once. */
  keepGoing: boolean;
  /** Signatures already reported (by an earlier worker of the same run); not reported again. */
  known: string[];
  /** Bounds on shrinking and minimising one failure. */
  shrinkMs: number;
}

export interface ReplayJob {
  mode: 'replay';
  target: string;
  input: FuzzInput;
  timeLimitMs: number;
  /** Also cut the input down while it still fails with this signature (`--minimize`). */
  minimize?: { signature: string; maxMs: number; maxTries: number };
}

export type WorkerJob = FuzzJob | ReplayJob;

export interface FailureReport {
  target: string;
  property: string;
  signature: string;
  message: string;
  /** The smallest input found that fails the same way. */
  input: FuzzInput;
  /** As fast-check generated it, before shrinking and minimising (absent for hangs). */
  original?: FuzzInput;
  seed?: number;
  path?: string;
}

export interface TargetStats {
  /** Generated inputs run (shrinking and minimising not counted). */
  inputs: number;
  slowestMs: number;
  slowestInput?: FuzzInput;
  counters: Record<string, number>;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'input'; input: FuzzInput; phase: 'run' | 'shrink' }
  | { kind: 'failure'; failure: FailureReport }
  /** Totals so far, every few seconds, so a worker killed by the watchdog still accounts for its work. */
  | { kind: 'progress'; stats: TargetStats }
  | { kind: 'done'; stats: TargetStats }
  | { kind: 'replayed'; violations: { property: string; message: string; signature: string }[]; ms: number; minimized?: FuzzInput };
