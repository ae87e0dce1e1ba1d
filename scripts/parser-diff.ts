// Differential check of Bulwark's HCL parser against tree-sitter's HCL grammar.
// Usage: node --import tsx scripts/parser-diff.ts [--corpus] [--show N] [dir...]
// Walks .tf/.tfvars files under each directory (and, with --corpus, the shared Trivy corpus snippets),
// prints counts and the first differences, and exits non-zero on any difference.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl } from '../src/parse/hcl/parser.js';
import { CORPUS_PATH, loadTerraformSnippets } from '../test/parse/corpus.js';
import { firstDifference, normalizeOurs } from '../test/parse/normalized.js';
import { loadReferenceParser } from '../test/parse/reference.js';

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git' && entry.name !== '.terraform') yield* walk(path);
    } else if (entry.name.endsWith('.tf') || entry.name.endsWith('.tfvars')) {
      yield path;
    }
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let show = 10;
  let corpus = false;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--corpus') corpus = true;
    else if (a === '--show') show = Number(args[++i] ?? '10');
    else dirs.push(a);
  }
  if (!corpus && dirs.length === 0) {
    console.error('usage: parser-diff [--corpus] [--show N] [dir...]');
    return 2;
  }
  const reference = await loadReferenceParser();
  let files = 0;
  let agreeing = 0;
  let bothRejected = 0;
  const differences: string[] = [];
  const check = (name: string, text: string): void => {
    files++;
    let diff: string | undefined;
    try {
      const ours = normalizeOurs(parseHcl(text, name));
      const theirs = reference.parse(text);
      if (ours.hasErrors && theirs.hasErrors) bothRejected++;
      diff = firstDifference(ours, theirs, text);
    } catch (e) {
      diff = `comparison failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (diff) differences.push(`${name}: ${diff}`);
    else agreeing++;
  };
  for (const dir of dirs) for (const path of walk(dir)) check(path, readFileSync(path, 'utf8'));
  if (corpus) {
    const snippets = loadTerraformSnippets();
    if (!snippets) console.log(`note: corpus not found at ${CORPUS_PATH}; skipped`);
    else for (const s of snippets) check(`corpus ${s.name}`, s.text);
  }
  console.log(`files: ${files}  agreeing: ${agreeing} (both rejecting: ${bothRejected})  differing: ${differences.length}`);
  for (const d of differences.slice(0, show)) console.log(`  ${d}`);
  if (differences.length > show) console.log(`  ... and ${differences.length - show} more`);
  return differences.length > 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 2; });
