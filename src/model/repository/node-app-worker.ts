// The worker thread of node-app-parallel.ts: reads the applications it was given and posts their results,
// or why it could not, then raises the flag the calling thread blocks on.

import { workerData } from 'node:worker_threads';
import { analyseApp } from './node-app-analyse.js';
import type { WorkerInput, WorkerReply } from './node-app-parallel.js';

const { jobs, port, state } = workerData as WorkerInput;
Atomics.store(state, 0, 1);
Atomics.notify(state, 0);
let reply: WorkerReply;
try {
  reply = { ok: true, results: jobs.map(analyseApp) };
} catch (error) {
  reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
Atomics.store(state, 0, 2);
Atomics.notify(state, 0);
port.close();
