// The repository-model benchmark: `bulwark model <dir>` on a generated multi-service repository of about
// 5,000 files and 50 MB (code, compose, Terraform, Kubernetes), end to end by the compiled CLI in a new
// process. Target: under 5 s.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRepositoryTree } from './generate-repository.js';

const MB = 1024 * 1024;

export function benchRepository(benchDir: string, cli: string, generatorMtime: number): void {
  const dir = join(benchDir, 'repository');
  const marker = join(benchDir, 'repository.json');
  // The tree is kept between runs while the generator is unchanged.
  const kept = existsSync(marker) && existsSync(dir) ? (JSON.parse(readFileSync(marker, 'utf8')) as { generatorMtime?: number; files: number; bytes: number }) : undefined;
  let stats = kept?.generatorMtime === generatorMtime ? kept : undefined;
  if (!stats) {
    const made = generateRepositoryTree({ dir, services: 50, filesPerService: 100, moduleBytes: 10_000 });
    stats = { generatorMtime, files: made.files, bytes: made.bytes };
    writeFileSync(marker, JSON.stringify(stats));
    console.log(`generated repository: ${made.files} files, ${(made.bytes / MB).toFixed(1)} MB`);
  }
  const times: number[] = [];
  let peakRssKb = 0;
  let summary = '';
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'model', dir, '--format', 'json', '--output', join(benchDir, 'repository-model.json'), '--fail-on', 'none'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    times.push((performance.now() - t) / 1000);
    if (child.status !== 0) throw new Error(`model exited with ${child.status}: ${child.stderr}`);
    const lines = child.stderr.trim().split('\n');
    peakRssKb = Math.max(peakRssKb, Number(lines.pop()));
    summary = lines.find((l) => /Wrote/.test(l))?.replace(/^.*\((.*)\)\.$/, '$1') ?? '';
  }
  const best = Math.min(...times);
  console.log(
    `repository model (end to end, new process): ${stats.files} files, ${(stats.bytes / MB).toFixed(1)} MB in ${best.toFixed(2)} s ` +
      `(best of ${times.length}; target under 5 s), peak RSS ${(peakRssKb / 1024).toFixed(0)} MB; ${summary}`,
  );
}
