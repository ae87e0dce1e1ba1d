// Builds dist/: every module compiled by tsc (the library, its type declarations and the worker thread),
// and the CLI entry bundled by esbuild on top (one file plus lazily loaded chunks, so start-up loads a few
// files instead of hundreds). Dependencies stay external. `npm run build`; `npm pack` runs it.
//
// The worker thread stays unbundled on purpose: bundled into one module scope, its garbage collection cost
// four times more on the benchmark tree (measured; see docs/performance.md).

import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

await build({
  absWorkingDir: root,
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  outdir: dist,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'cli/chunks/[name]-[hash]',
  logLevel: 'warning',
});
