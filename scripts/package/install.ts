// Packs Bulwark as npm would publish it and installs the tarball into an empty prefix, as a user would.
// Used by the package check (.ci/run) and by the benchmark's start-up figure.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Installed {
  /** The `bulwark` command of the installed package. */
  bin: string;
  /** The installed package's own directory (its bundled examples are there). */
  packageDir: string;
  /** Everything made here; remove it when done. */
  workDir: string;
  /** Files in the tarball. */
  tarballFiles: string[];
}

export function packAndInstall(): Installed {
  const workDir = mkdtempSync(join(tmpdir(), 'bulwark-package-'));
  // What `prepack` does on `npm pack`, run first so that pack's own output is only its JSON.
  execFileSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = join(workDir, packed[0]!.filename);
  const prefix = join(workDir, 'prefix');
  mkdirSync(prefix);
  execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: workDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    bin: join(prefix, 'node_modules', '.bin', 'bulwark'),
    packageDir: join(prefix, 'node_modules', 'bulwark'),
    workDir,
    tarballFiles: packed[0]!.files.map((f) => f.path),
  };
}

export function removeInstall(installed: Installed): void {
  rmSync(installed.workDir, { recursive: true, force: true });
}

/** The bundled examples that exist in the installed package. */
export function installedExamples(installed: Installed): string[] {
  return readdirSync(join(installed.packageDir, 'examples'));
}
