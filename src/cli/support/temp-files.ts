// Temporary files of atomic writes: a recognisable name, removal on failure and on SIGINT/SIGTERM,
// and removal of the ones an earlier run left behind when it was killed outright (`kill -9`).

import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** `.report.json.bulwark-1234-9f86d081.tmp`: hidden, beside the file it replaces, naming its writer. */
const TEMP_NAME = /^\.(.+)\.bulwark-(\d+)-[0-9a-f]{8}\.tmp$/;

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.bulwark-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** True for a name `tempPathFor` makes, whoever made it. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeLive(): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

/** Removes the temporary files, then dies of the same signal as it would have without us. */
function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  uninstall();
  process.kill(process.pid, signal);
}

function install(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', removeLive);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removeLive);
}

/**
 * Marks a temporary file as in use until `release`: it is removed if the process is interrupted first.
 * The signal handlers exist only while some write is under way, so Bulwark's default signal
 * behaviour is otherwise untouched.
 */
export function track(path: string): void {
  if (live.size === 0) install();
  live.add(path);
}

export function release(path: string): void {
  live.delete(path);
  if (live.size === 0) uninstall();
}

/** Removes temporary files for `target` left by writers that are no longer running. */
export function removeStaleTemps(target: string): void {
  const dir = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMP_NAME.exec(entry);
    if (!m || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isRunning(pid)) continue;
    rmSync(join(dir, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
