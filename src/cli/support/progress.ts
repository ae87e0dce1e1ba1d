// A single updating progress line on stderr, shown only for slow scans on an interactive terminal.
// Driven by the scan's own progress callbacks (the pipeline runs synchronously, so timers would not fire).
import type { CliStream } from './io.js';

export interface Progress {
  update(progress: { done: number; total: number; unit?: string }): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { update() {}, stop() {} };

/** Nothing is drawn until `delayMs` has passed, so fast scans stay silent; redraws at most every 100 ms. */
export function startProgress(stream: CliStream, delayMs = 1000, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  const started = now();
  let lastDraw = -Infinity;
  let shown = false;
  return {
    update({ done, total, unit = 'files' }) {
      const t = now();
      if (t - started < delayMs || (t - lastDraw < 100 && done < total)) return;
      lastDraw = t;
      shown = true;
      stream.write(`\r\x1b[2KScanning… ${done}/${total} ${unit}`);
    },
    stop() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
