// Watch mode on the benchmark tree: the incremental engine and the file watcher run in this process, one file of
// a root module is edited, and the time from the write to the printed new/fixed lines is measured (the watcher's
// quiet period included). Target: under 300 ms in a 10,000-file tree.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { IncrementalScan } from '../../src/watch/incremental.js';
import { renderChangeText } from '../../src/watch/render.js';
import { watchPaths } from '../../src/watch/watcher.js';

const fmt = (n: number, digits = 0) => n.toFixed(digits);

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  return n;
}

/** One `.tf` file from each of `count` root modules spread over the tree's environments. */
function filesToEdit(treeDir: string, count: number): string[] {
  const envs = readdirSync(join(treeDir, 'envs')).sort();
  const step = Math.max(1, Math.floor(envs.length / count));
  const picked: string[] = [];
  for (let i = 0; i < envs.length && picked.length < count; i += step) {
    const dir = join(treeDir, 'envs', envs[i]!);
    const tf = readdirSync(dir).filter((name) => name.endsWith('.tf')).sort()[0];
    if (tf) picked.push(join(dir, tf));
  }
  return picked;
}

export async function benchWatch(treeDir: string, changes = 9): Promise<void> {
  const files = countFiles(treeDir);
  const t = performance.now();
  const { engine } = await IncrementalScan.start([treeDir]);
  const startSeconds = (performance.now() - t) / 1000;
  let printed = '';
  let waiting: (() => void) | undefined;
  let queue = Promise.resolve();
  const watcher = watchPaths(
    [treeDir],
    (abs) => statSync(abs).isDirectory(),
    (batch) => {
      queue = queue.then(async () => {
        const outcome = await engine.update(batch);
        if (outcome) printed = renderChangeText(outcome, { color: false });
        waiting?.();
      });
    },
  );
  // One change applied and its lines printed; resolves with the milliseconds from the write to the print.
  const change = (path: string, text: string) =>
    new Promise<number>((resolve) => {
      const written = performance.now();
      waiting = () => {
        waiting = undefined;
        resolve(performance.now() - written);
      };
      writeFileSync(path, text);
    });
  const times: number[] = [];
  let lastLine = '';
  try {
    for (const path of filesToEdit(treeDir, changes)) {
      const original = readFileSync(path, 'utf8');
      // The edit opens SSH to the world, so each change prints a new finding; undoing it prints it fixed.
      const edited = `${original}\nresource "aws_security_group_rule" "bench_ssh" {\n  type = "ingress"\n  from_port = 22\n  to_port = 22\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n  security_group_id = "sg-0123"\n}\n`;
      times.push(await change(path, edited));
      lastLine = `${printed.split('\n')[0] ?? ''}, ${printed.split('\n').filter((l) => /^ {2}new /.test(l)).length} new finding(s) printed`;
      await change(path, original);
    }
  } finally {
    watcher.close();
    await queue;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  console.log(
    `watch (one changed file of a root module, in-process engine and watcher): ${files} files, first scan ${fmt(startSeconds, 1)} s; ` +
      `change to printed result best ${fmt(sorted[0]!)} ms, median ${fmt(median)} ms of ${times.length} changes (target < 300 ms); ` +
      `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}; last: ${lastLine.replace(/^\[[^\]]*\] /, '')}`,
  );
}
