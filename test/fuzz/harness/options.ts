// The fuzz command's options, parsed and checked. A bad option is a UsageError (exit status 2).

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { WorkerLimits } from './runner.js';

export const USAGE = `usage: npm run fuzz -- [options]
  --runs N           inputs per target (default 1000; with --short ${'150'})
  --seed S           fast-check seed (default: random, printed)
  --target NAME      only this target (repeatable); --list shows them
  --short            a fixed, seeded pass for CI (well under a minute on two cores)
  --time-limit-ms N  slowest an input may be (default 2000)
  --watchdog-ms N    terminate a worker whose input runs this long (default 10000)
  --memory-mb N      heap of each worker (default 2048)
  --keep-going       after a failure go on with a new seed, reporting each distinct bug once
  --jobs N           targets fuzzed at once (default: 2, or 1 on one core)
  --path P           with --seed and one --target: replay fast-check's path to one input
  --replay FILE      run a saved counterexample again
  --minimize         with --replay: cut the counterexample down further and save it next to the file
  --out DIR          where counterexamples are saved (default .fuzz)
  --list             list the targets`;

/** The CI pass: fixed, so a red build is reproducible, and sized to stay well under a minute on two vCPUs. */
export const SHORT = { seed: 20240611, runs: 150 };

export class UsageError extends Error {}

export interface FuzzOptions {
  list: boolean;
  help: boolean;
  targets: string[] | undefined;
  seed: number;
  runs: number;
  path: string | undefined;
  timeLimitMs: number;
  keepGoing: boolean;
  jobs: number;
  replay: string | undefined;
  minimize: boolean;
  out: string;
  limits: WorkerLimits;
}

export function parseOptions(argv: string[]): FuzzOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        target: { type: 'string', multiple: true },
        short: { type: 'boolean', default: false },
        'time-limit-ms': { type: 'string' },
        'watchdog-ms': { type: 'string' },
        'memory-mb': { type: 'string' },
        'keep-going': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        path: { type: 'string' },
        replay: { type: 'string' },
        minimize: { type: 'boolean', default: false },
        out: { type: 'string', default: '.fuzz' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const int = (flag: string, text: string | undefined, fallback: number, min = 1): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} needs an integer of at least ${min}, got "${text}"`);
    return n;
  };
  if (values.path !== undefined && (values.seed === undefined || values.target?.length !== 1)) throw new UsageError('--path needs --seed and exactly one --target');
  if (values.minimize && values.replay === undefined) throw new UsageError('--minimize works on a saved counterexample: give --replay FILE');
  return {
    list: values.list!,
    help: values.help!,
    targets: values.target,
    seed: int('seed', values.seed, values.short ? SHORT.seed : (Math.random() * 2 ** 31) | 0, -(2 ** 31)),
    runs: int('runs', values.runs, values.short ? SHORT.runs : 1000),
    path: values.path,
    timeLimitMs: int('time-limit-ms', values['time-limit-ms'], 2000),
    keepGoing: values['keep-going']!,
    jobs: int('jobs', values.jobs, Math.min(2, availableParallelism())),
    replay: values.replay,
    minimize: values.minimize!,
    out: resolve(values.out!),
    limits: {
      watchdogMs: int('watchdog-ms', values['watchdog-ms'], 10_000),
      memoryMb: int('memory-mb', values['memory-mb'], 2048, 64),
      // About the main thread's stack (V8's default is 984 KB): recursion that would crash the CLI must crash here.
      stackMb: 1,
      setupMs: 120_000,
    },
  };
}
