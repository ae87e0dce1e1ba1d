// Property 4 for HCL: whenever tree-sitter's HCL grammar accepts a text without errors, Bulwark's parser
// accepts it too and builds the same tree. The comparison is the differential test's own (normalized.ts
// and reference.ts, with the divergences documented there), so the fuzzer holds the parser to exactly
// what that test does, on inputs nobody wrote by hand. Texts tree-sitter rejects are not compared: its
// grammar is not the specification, and rejecting them is the reference's business.

import type { HclFile } from '../../../src/parse/hcl/ast.js';
import { firstDifference, normalizeOurs, type NNode } from '../../parse/normalized.js';
import { loadReferenceParser, type ReferenceParser } from '../../parse/reference.js';
import type { CheckResult } from '../harness/target.js';
import { knownDivergence, loadDivergenceParser } from './hcl-divergences.js';

let reference: ReferenceParser | undefined;

export async function loadReference(): Promise<void> {
  reference = await loadReferenceParser();
  await loadDivergenceParser();
}

/**
 * tree-sitter's HCL scanner is quadratic in a run of whitespace (8,000 spaces take over a second, 33,000 take
 * twelve): such texts are not compared, or the watchdog would blame Bulwark for the reference's time.
 */
const SLOW_FOR_TREE_SITTER = /[ \t\r\n]{1500}/;
const MAX_COMPARED_LENGTH = 60_000;

export function agreementCheck(file: HclFile): CheckResult {
  if (!reference) throw new Error('the reference parser is not loaded (call loadReference in setup)');
  if (file.text.length > MAX_COMPARED_LENGTH || SLOW_FOR_TREE_SITTER.test(file.text)) return { violations: [], counters: { 'not-compared (slow for tree-sitter)': 1 } };
  let theirs;
  try {
    theirs = reference.parse(file.text);
  } catch {
    // The reference's converter meets a tree shape it does not map: nothing to compare against.
    return { violations: [], counters: { 'reference-unconvertible': 1 } };
  }
  if (theirs.hasErrors) return { violations: [], counters: {} };
  let diff: string | undefined;
  try {
    decodeLabels(theirs.body, file.text);
    diff = firstDifference(normalizeOurs(file), theirs, file.text);
  } catch (error) {
    // The comparison walks both trees recursively; a traversal thousands of steps long (`a.b.b.b…`) is
    // deeper than its stack. Bulwark's own parser and evaluator are iterative there, and the terraform
    // target runs such inputs end to end.
    if (error instanceof RangeError) return { violations: [], counters: { 'not-compared (too deep to compare)': 1 } };
    throw error;
  }
  if (!diff) return { violations: [], counters: { 'tree-sitter-accepted': 1 } };
  const known = knownDivergence(file);
  if (known) return { violations: [], counters: { [`known:${known.id}`]: 1 } };
  const firstError = file.errors[0];
  const message = firstError ? `${diff}: ${firstError.message} at line ${firstError.range.start.line} column ${firstError.range.start.column}` : diff;
  return { violations: [{ property: 'agreement', message, signature: agreementSignature(diff, firstError?.message) }], counters: { 'tree-sitter-accepted': 1 } };
}

/**
 * reference.ts decodes a quoted label with JSON.parse, which knows neither HCL's `\\UXXXXXXXX` escape (it then
 * keeps the raw text) nor `$${`/`%%{`, which HCL's ParseStringLiteralToken turns into `${`/`%{` in labels as
 * everywhere else. Labels are decoded again here from the source, the way HCL does it; the comparison is
 * otherwise the differential test's own.
 */
function decodeLabels(root: NNode, text: string): void {
  // With a stack, not recursion: a traversal thousands of steps long is a tree that deep.
  const stack = [root];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.kind.startsWith('Label ') && text[n.start] === '"') n.kind = `Label ${JSON.stringify(decodeHclString(text.slice(n.start + 1, n.end - 1)))}`;
    for (const c of n.children) stack.push(c);
  }
}

function decodeHclString(raw: string): string {
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
  return raw.replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))|([$%])\4\{/gs, (all, u4?: string, u8?: string, c?: string, sigil?: string) => {
    if (sigil) return `${sigil}{`;
    if (c !== undefined) return simple[c] ?? all;
    const cp = parseInt((u4 ?? u8)!, 16);
    return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : all;
  });
}

/** The kinds of the first differing nodes (or our first error's wording), without offsets or names. */
function agreementSignature(diff: string, error: string | undefined): string {
  if (diff.startsWith('Bulwark reports a syntax error')) return `agreement:rejects:${(error ?? '').replace(/"[^"]*"/g, 'S').replace(/\d+/g, 'N').slice(0, 80)}`;
  const kinds = [...diff.matchAll(/(Bulwark|tree-sitter)(?: has extra)? (\S+)/g)].map((m) => `${m[1]}=${m[2]}`).join(',');
  return `agreement:${kinds || diff.replace(/\d+/g, 'N').slice(0, 80)}`;
}
