// Property-based fuzzing of every reader (see test/fuzz/): each target runs in its own worker thread under
// a watchdog; the table at the end says how many inputs each reader took, how many failed and the slowest.
// Usage: npm run fuzz -- [--runs N] [--seed S] [--target NAME]... [--short] [--keep-going] [--replay FILE]
// (`--help` lists every option). Exit status: 0 when every property held, 1 on a failure, 2 on a usage error.

import { dirname, resolve } from 'node:path';
import { parseOptions, UsageError, USAGE, type FuzzOptions } from '../test/fuzz/harness/options.js';
import { describeFailure, loadCounterexample, saveCounterexample, showInput, table } from '../test/fuzz/harness/report.js';
import { fuzzTarget, replayInput, type TargetRun } from '../test/fuzz/harness/runner.js';
import { loadTarget, targetNames } from '../test/fuzz/registry.js';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const names = targetNames();
  if (options.list) {
    for (const name of names) console.log(`${name.padEnd(22)} ${(await loadTarget(name)).description}`);
    return 0;
  }
  if (options.replay !== undefined) return replay(options.replay, options);
  const chosen = options.targets ?? names;
  for (const name of chosen) if (!names.includes(name)) throw new UsageError(`no target "${name}"; targets: ${names.join(', ')}`);
  return fuzz(chosen, options);
}

async function fuzz(chosen: string[], options: FuzzOptions): Promise<number> {
  const { seed, runs, timeLimitMs, keepGoing } = options;
  console.log(`fuzzing ${chosen.length} target(s), ${runs} inputs each, seed ${seed}, time limit ${timeLimitMs} ms, ${options.jobs} at a time`);
  const started = performance.now();
  const progress = new Map<string, number>();
  // Long runs say how far they are, on stderr, once a minute.
  const ticker = runs >= 5000
    ? setInterval(() => console.error(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${[...progress].map(([t, n]) => `${t} ${n}`).join(', ')}`), 60_000)
    : undefined;
  const results: TargetRun[] = [];
  const queue = [...chosen];
  await Promise.all(
    Array.from({ length: Math.min(options.jobs, queue.length) }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const job = { mode: 'fuzz' as const, target: name, seed, runs, timeLimitMs, keepGoing, known: [], shrinkMs: 60_000, ...(options.path ? { path: options.path } : {}) };
        const run = await fuzzTarget(job, options.limits, {
          onProgress: (t, n) => progress.set(t, n),
          onFailure: (f) => console.log(`\n${describeFailure(f, saveCounterexample(options.out, f), timeLimitMs)}\n`),
        });
        progress.delete(name);
        results.push(run);
      }
    }),
  );
  if (ticker) clearInterval(ticker);
  results.sort((a, b) => chosen.indexOf(a.target) - chosen.indexOf(b.target));
  console.log(`\n${table(results)}`);
  const failures = results.flatMap((r) => r.failures);
  const total = results.reduce((n, r) => n + r.stats.inputs, 0);
  const verdict = failures.length ? `${failures.length} failure(s); counterexamples in ${options.out}` : 'every property held';
  console.log(`\n${total} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${seed}: ${verdict}`);
  return failures.length ? 1 : 0;
}

async function replay(file: string, options: FuzzOptions): Promise<number> {
  const saved = loadCounterexample(file);
  console.log(`replaying ${saved.target} (${saved.property}: ${saved.message.split('\n')[0]})`);
  console.log(`input: ${showInput(saved.input, 2000)}`);
  // A hang cannot be cut down by re-running it in-process; its slowness can, under the time limit.
  const signature = saved.signature === 'hang' ? 'time' : saved.signature;
  const minimize = options.minimize ? { signature, maxMs: 10 * 60_000, maxTries: 50_000 } : undefined;
  const outcome = await replayInput(
    { mode: 'replay', target: saved.target, input: saved.input, timeLimitMs: options.timeLimitMs, ...(minimize ? { minimize } : {}) },
    // Minimising runs many inputs in one worker; the watchdog still stops any single one that hangs.
    minimize ? { ...options.limits, watchdogMs: Math.max(options.limits.watchdogMs, 30_000) } : options.limits,
  );
  if (outcome.violations.length === 0) {
    console.log(`passes now (${outcome.ms.toFixed(1)} ms)`);
    return 0;
  }
  for (const v of outcome.violations) console.log(`FAIL ${v.property}: ${v.message}`);
  if (outcome.minimized !== undefined) {
    const written = saveCounterexample(dirname(resolve(file)), { ...saved, signature, input: outcome.minimized, original: saved.input }, '-min');
    console.log(`minimised: ${showInput(outcome.minimized, 2000)}\nsaved: ${written}`);
  }
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? `fuzz: ${error.message}\n\n${USAGE}` : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
