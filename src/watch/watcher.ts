// File-system events for `bulwark watch`: Node's own recursive watcher (inotify on Linux since Node 20), events
// gathered for a short quiet period so an editor's save (write, rename, chmod) is one batch. Folders discovery
// always skips are dropped here; .gitignore and --exclude are applied by re-discovery (incremental.ts).

import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ALWAYS_SKIPPED_DIRS } from '../discover/ignore-stack.js';

export interface WatchHandle {
  close(): void;
}

export interface WatchOptions {
  /** Quiet period after the last event before the batch is handed over, in ms. */
  debounceMs?: number;
  onError?: (error: Error) => void;
}

/** Watches files and folders; `onBatch` gets the absolute paths that changed, one batch at a time. */
export function watchPaths(targets: readonly string[], isDirectory: (abs: string) => boolean, onBatch: (paths: string[]) => void, options: WatchOptions = {}): WatchHandle {
  const debounceMs = options.debounceMs ?? 40;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    pending.clear();
    if (batch.length) onBatch(batch);
  };
  const note = (abs: string) => {
    pending.add(abs);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const target of targets.map((t) => resolve(t))) {
    // A file is watched through its folder (an editor's save may replace it with a new file).
    const dir = isDirectory(target) ? target : dirname(target);
    const only = dir === target ? undefined : basename(target);
    const watcher = watch(dir, { recursive: only === undefined }, (_event, name) => {
      if (name === null) return;
      const rel = name.toString();
      if (only !== undefined && rel !== only) return;
      if (isSkipped(rel)) return;
      note(join(dir, rel));
    });
    watcher.on('error', (error) => options.onError?.(error));
    watchers.push(watcher);
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

/** Inside .git, node_modules or .terraform: never scanned, so never worth a re-scan. */
function isSkipped(rel: string): boolean {
  return rel.split(/[\\/]/).some((part) => ALWAYS_SKIPPED_DIRS.has(part));
}
