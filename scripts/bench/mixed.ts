// The mixed-tree benchmark: Terraform, about 20 MB of Kubernetes manifests, and 2,000 Dockerfiles and
// compose files, scanned end to end by the compiled CLI in a new process (MB/s, peak RSS; targets 10 MB/s
// and 1 GB), and the secrets scanner's own throughput over the same files (target 50 MB/s).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSecrets } from '../../src/analyze/secrets/detectors.js';
import { notPlainText } from '../../src/scanners/secrets.js';
import { generateMixedTree } from './generate-mixed.js';

const MB = 1024 * 1024;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(abs, out);
    else out.push(abs);
  }
  return out;
}

export function benchMixed(benchDir: string, cli: string, generatorMtime: number): void {
  const dir = join(benchDir, 'mixed');
  const marker = join(benchDir, 'mixed.json');
  const want = JSON.stringify({ v: 1, generatorMtime });
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== want || !existsSync(dir)) {
    const stats = generateMixedTree({ dir, terraformFiles: 2_000, kubernetesBytes: 20 * MB, services: 1_000 });
    writeFileSync(marker, want);
    console.log(`generated mixed tree: ${stats.files} files, ${fmt(stats.bytes / MB)} MB (${fmt(stats.kubernetesBytes / MB)} MB of Kubernetes YAML)`);
  }
  const paths = filesUnder(dir);
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);

  for (const format of ['text', 'json'] as const) {
    const times: number[] = [];
    let peakRssKb = 0;
    let findings = '';
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'scan', dir, '--format', format, '--output', join(benchDir, `mixed-scan.${format}`), '--fail-on', 'none'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      times.push((performance.now() - t) / 1000);
      if (child.status !== 0) throw new Error(`scan exited with ${child.status}: ${child.stderr}`);
      const lines = child.stderr.trim().split('\n');
      peakRssKb = Math.max(peakRssKb, Number(lines.pop()));
      findings = lines.find((l) => /Wrote/.test(l))?.replace(/^.*\((.*)\)\.$/, '$1') ?? '';
    }
    const best = Math.min(...times);
    console.log(
      `mixed scan, ${format} (end to end, new process): ${paths.length} files, ${fmt(bytes / MB)} MB in ${fmt(best, 2)} s = ${fmt(bytes / MB / best)} MB/s ` +
        `(best of ${times.length}; target 10), peak RSS ${fmt(peakRssKb / 1024, 0)} MB (target < 1024); ${findings}`,
    );
  }

  // Secrets: the detectors over every text file of the tree, reads included, as the scanner runs them.
  let best = Infinity;
  let searched = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    searched = 0;
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      if (notPlainText(text)) continue;
      searched += text.length;
      findSecrets(text);
    }
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  console.log(`secrets search: ${fmt(searched / MB)} MB in ${fmt(best, 2)} s = ${fmt(searched / MB / best)} MB/s (best of 3; target 50)`);
}
