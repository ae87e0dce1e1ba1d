// Bulwark's HCL parser against tree-sitter's HCL grammar, over our fixtures (as written, with CRLF line
// endings, and with a BOM) and over every Terraform snippet of the shared Trivy corpus.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { CORPUS_PATH, loadTerraformSnippets } from './corpus.js';
import { firstDifference, normalizeOurs } from './normalized.js';
import { loadReferenceParser } from './reference.js';

const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hcl');
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.tf') || f.endsWith('.tfvars'))
  .map((f) => ({ name: f, text: readFileSync(join(fixtureDir, f), 'utf8') }));

async function differences(inputs: { name: string; text: string }[]): Promise<string[]> {
  const reference = await loadReferenceParser();
  const out: string[] = [];
  for (const { name, text } of inputs) {
    const ours = parseHcl(text, name);
    const diff = firstDifference(normalizeOurs(ours), reference.parse(text), text);
    if (diff) out.push(`${name}: ${diff}`);
  }
  return out;
}

test('fixtures parse without errors and agree with tree-sitter', async () => {
  assert.ok(fixtures.length >= 4, 'fixtures present');
  assert.ok(fixtures.reduce((n, f) => n + f.text.split('\n').length, 0) > 300, 'a few hundred lines of fixtures');
  for (const f of fixtures) assert.deepEqual(parseHcl(f.text, f.name).errors, [], f.name);
  assert.deepEqual(await differences(fixtures), []);
});

test('fixtures with CRLF line endings agree with tree-sitter', async () => {
  const crlf = fixtures.map((f) => ({ name: `${f.name} (CRLF)`, text: f.text.replace(/\n/g, '\r\n') }));
  for (const f of crlf) assert.deepEqual(parseHcl(f.text, f.name).errors, [], f.name);
  assert.deepEqual(await differences(crlf), []);
});

test('the comparison notices a real difference', async () => {
  const reference = await loadReferenceParser();
  const text = 'a = 1 + 2 * 3\n';
  const ours = normalizeOurs(parseHcl(text, 'x.tf'));
  assert.equal(firstDifference(ours, reference.parse(text), text), undefined);
  // Regroup `1 + (2 * 3)` as `(1 + 2) * 3` in tree-sitter's shape: the comparer must flag it.
  const wrong = normalizeOurs(parseHcl('a = 1 + 2 * 3\n', 'x.tf'));
  wrong.body.children[0]!.children[0]!.kind = 'Binary *';
  assert.match(firstDifference(wrong, reference.parse(text), text) ?? '', /Binary \* .* vs tree-sitter Binary \+/);
});

test('every Terraform snippet of the Trivy corpus agrees with tree-sitter', async (t) => {
  const snippets = loadTerraformSnippets();
  if (!snippets) {
    t.skip(`corpus not found at ${CORPUS_PATH}`);
    return;
  }
  assert.ok(snippets.length > 100);
  assert.deepEqual(await differences(snippets), []);
});
