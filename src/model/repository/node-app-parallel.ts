// Reads the applications of a large repository on two threads: a worker thread takes about half of the code
// (by size), the calling thread the rest, and the results are put back in the applications' order, so the
// report is the same whichever thread read what. The caller stays synchronous: it blocks on a shared flag
// until the worker has posted its results, then takes them with `receiveMessageOnPort`. A worker that does
// not start, fails or stops answering leaves its applications to the calling thread.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { packageRoot } from '../../core/package-root.js';
import { analyseApp, type AppJob, type AppResult } from './node-app-analyse.js';

/** Below this much code, starting a thread costs more than it saves. */
export const PARALLEL_MIN_CHARS = 4 * 1024 * 1024;
/** The worker's young generation: the reader's garbage outgrows V8's default (see docs/performance.md). */
const WORKER_YOUNG_GENERATION_MB = 64;
/** How long a worker may take to load its code before its applications are read here instead. */
const START_TIMEOUT_MS = 20_000;
/** A bound on waiting for results, so a worker that died without a word never hangs the model. */
const RESULT_TIMEOUT_MS = 10 * 60_000;

/** What the worker is sent. */
export interface WorkerInput {
  jobs: AppJob[];
  port: MessagePort;
  /** 0 while loading, 1 once running, 2 when its reply is posted. */
  state: Int32Array;
}

export type WorkerReply = { ok: true; results: AppResult[] } | { ok: false; error: string };

/**
 * Whether to use a worker thread: only when `BULWARK_WORKERS` asks for one (1 or more), for two or more
 * applications of more than `PARALLEL_MIN_CHARS` of code on a machine with more than one core. Off by
 * default: shipping the sources and the results between threads costs about a quarter more CPU, which
 * a busy machine pays without the second core to win it back.
 */
export function useWorker(jobs: readonly AppJob[], env = process.env, minChars = PARALLEL_MIN_CHARS): boolean {
  if (jobs.length < 2) return false;
  const forced = env.BULWARK_WORKERS === undefined ? NaN : Number(env.BULWARK_WORKERS);
  if (!(Number.isInteger(forced) && forced > 0)) return false;
  return availableParallelism() > 1 && sizeOf(jobs) >= minChars;
}

export function analyseApps(jobs: AppJob[], env = process.env, minChars = PARALLEL_MIN_CHARS): AppResult[] {
  if (!useWorker(jobs, env, minChars)) return jobs.map(analyseApp);
  const { mine, theirs } = split(jobs);
  const results = new Array<AppResult>(jobs.length);
  const worker = startWorker(theirs.map((i) => jobs[i]!));
  for (const i of mine) results[i] = analyseApp(jobs[i]!);
  const reply = worker ? awaitReply(worker) : undefined;
  theirs.forEach((i, k) => (results[i] = reply?.ok ? reply.results[k]! : analyseApp(jobs[i]!)));
  return results;
}

function sizeOf(jobs: readonly AppJob[]): number {
  let chars = 0;
  for (const job of jobs) for (const f of job.sources) chars += f.text.length;
  return chars;
}

/** Applications by index, largest first, each to the side with less code so far. */
function split(jobs: readonly AppJob[]): { mine: number[]; theirs: number[] } {
  const sizes = jobs.map((job) => sizeOf([job]));
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const mine: number[] = [];
  const theirs: number[] = [];
  let mineChars = 0;
  let theirChars = 0;
  for (const i of order) {
    if (theirChars < mineChars) (theirs.push(i), (theirChars += sizes[i]!));
    else (mine.push(i), (mineChars += sizes[i]!));
  }
  return { mine: mine.sort((a, b) => a - b), theirs: theirs.sort((a, b) => a - b) };
}

interface Running {
  worker: Worker;
  port: MessagePort;
  state: Int32Array;
}

function startWorker(jobs: AppJob[]): Running | undefined {
  if (!jobs.length) return undefined;
  try {
    const { port1, port2 } = new MessageChannel();
    const state = new Int32Array(new SharedArrayBuffer(4));
    const entry = workerEntry();
    const input: WorkerInput = { jobs, port: port2, state };
    const worker = new Worker(entry.target, { eval: entry.eval, workerData: input, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    // Its events are never waited for: the flag and the port say everything, and the process may exit without it.
    worker.on('error', () => undefined);
    worker.unref();
    return { worker, port: port1, state };
  } catch {
    return undefined;
  }
}

function awaitReply({ worker, port, state }: Running): WorkerReply | undefined {
  const started = Date.now();
  let reply: WorkerReply | undefined;
  for (;;) {
    const now = Atomics.load(state, 0);
    if (now === 2) {
      reply = receiveMessageOnPort(port)?.message as WorkerReply | undefined;
      if (reply) break;
    }
    const limit = now === 0 ? START_TIMEOUT_MS : RESULT_TIMEOUT_MS;
    if (Date.now() - started > limit) break;
    Atomics.wait(state, 0, now, 50);
  }
  port.close();
  void worker.terminate().catch(() => undefined);
  return reply;
}

/** The worker's module: compiled in dist/, or the TypeScript source run through tsx in a source checkout. */
function workerEntry(): { target: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { target: join(packageRoot(), 'dist', 'model', 'repository', 'node-app-worker.js'), eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(new URL('./node-app-worker.ts', import.meta.url).href);
  return { target: `import(${api}).then((tsx) => { tsx.register(); return import(${module}); });`, eval: true };
}
