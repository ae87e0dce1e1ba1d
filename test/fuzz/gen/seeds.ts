// Real examples to mutate: the repository's fixtures and examples, the rules' good and bad examples, the
// shared Trivy corpus when it is present, and the hand-written seeds next to this file (test/fuzz/seeds/)
// for shapes the repository has no file of (Mermaid C4, architecture-beta, Threat Dragon cells ...).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../../src/analyze/rules/index.js';
import { loadTerraformSnippets } from '../../parse/corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(here, '..', '..', '..');
const SEED_DIR = join(here, '..', 'seeds');

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out.sort();
}

/** Texts of the files under `dirs` (relative to the repository) whose names pass `accept`. */
export function filesUnder(dirs: readonly string[], accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    for (const path of walk(join(REPO_ROOT, dir))) {
      // Schemas and other large reference files are not examples of the format.
      if (accept(path) && statSync(path).size < 200_000) out.push(readFileSync(path, 'utf8'));
    }
  }
  return out;
}

/** The hand-written seeds of one format (test/fuzz/seeds/<kind>/*). */
export function handSeeds(kind: string): string[] {
  return walk(join(SEED_DIR, kind)).map((p) => readFileSync(p, 'utf8'));
}

let terraform: string[] | undefined;

/** Terraform files: fixtures, examples, every rule example, and the shared corpus when present. */
export function terraformSeeds(): string[] {
  if (terraform) return terraform;
  const isHcl = (p: string) => p.endsWith('.tf') || p.endsWith('.tfvars');
  const out = filesUnder(['test/fixtures', 'examples'], isHcl);
  for (const rule of builtinRules) {
    const examples = rule.examples.terraform;
    if (!examples) continue;
    out.push(...examples.good, ...examples.bad.map((b) => b.code));
  }
  for (const snippet of loadTerraformSnippets() ?? []) out.push(snippet.text);
  out.push(...handSeeds('terraform'));
  terraform = [...new Set(out)];
  return terraform;
}

/** Seeds of one design format: matching files from examples/ and the test fixtures, and the hand-written ones. */
export function modelSeeds(kind: string, accept: (path: string) => boolean): string[] {
  const out = [...filesUnder(['examples/models', 'test/fixtures/model'], (p) => accept(p) && !/schema|README/.test(p)), ...handSeeds(kind)];
  if (out.length === 0) throw new Error(`no seeds for ${kind}`);
  return [...new Set(out)];
}
