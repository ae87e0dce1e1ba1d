// A `bulwark watch` process for tests: waits for output by pattern, never hangs (killed after a generous
// time, which fails the wait), and stops with SIGINT like Ctrl-C.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'bulwark.js');

export interface WatchProcess {
  stdout(): string;
  /** Resolves once stdout matches; rejects if the process ends first. */
  seen(pattern: RegExp): Promise<void>;
  /** Sends SIGINT and resolves with the exit code. */
  interrupt(): Promise<number | null>;
  kill(): void;
}

export function startWatch(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): WatchProcess {
  const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.pattern.test(out)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Should the watcher miss a change, end the process so the test fails instead of hanging.
  const guard = setTimeout(() => child.kill('SIGKILL'), 100_000);
  void exited.then(() => clearTimeout(guard));
  return {
    stdout: () => out,
    seen: (pattern) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        check();
        void exited.then((code) => reject(new Error(`watch exited (${code}) before printing ${pattern}:\n${out}\n${err}`)));
      }),
    interrupt: () => {
      child.kill('SIGINT');
      return exited;
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}
