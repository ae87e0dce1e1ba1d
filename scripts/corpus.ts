// Corpus check: every rule against the labelled Trivy snippets of the checks its `peers.trivy` names.
// Bad snippets must be flagged by the mapped rule, good ones must not. Prints per-check and total
// figures and exits non-zero on any regression from the committed expectations.
//
//   npm run corpus [-- --corpus FILE] [--update] [--verbose]
//
// The corpus file defaults to ../shared/corpus/trivy-checks.json beside the repository
// (override with --corpus or BULWARK_CORPUS). It is read at run time and never copied in.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../src/analyze/rules/index.js';
import { runRuleOnSnippet } from '../src/scanners/rule-tester.js';
import type { Rule } from '../src/analyze/rule.js';

interface CorpusCheck {
  id: string;
  long_id: string;
  title: string;
  severity: string;
  provider: string;
  service: string;
  deprecated: boolean;
  format: string;
  good: string[];
  bad: string[];
}

interface CheckResult {
  rules: string[];
  bad: number;
  badFlagged: number;
  good: number;
  goodFlagged: number;
}

type Expectations = Record<string, CheckResult>;

/** The committed scope: every non-deprecated AWS Terraform check of these services needs a rule, */
const REQUIRED_SERVICES = ['s3', 'ec2', 'vpc', 'iam', 'rds', 'kms', 'cloudtrail', 'sqs'];
/** and every non-deprecated check of these formats. */
const REQUIRED_FORMATS = ['kubernetes', 'dockerfile'];
/** The formats whose snippets are run (each through the scanner of its format). */
const FORMATS_READ = ['terraform', 'kubernetes', 'dockerfile'];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const expectationsPath = join(repoRoot, 'test', 'corpus-expectations.json');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function loadCorpus(): CorpusCheck[] | undefined {
  const path = argValue('--corpus') ?? process.env.BULWARK_CORPUS ?? resolve(repoRoot, '..', 'shared', 'corpus', 'trivy-checks.json');
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { checks: CorpusCheck[] };
  return parsed.checks.filter((c) => FORMATS_READ.includes(c.format));
}

function evaluate(corpus: CorpusCheck[]): Expectations {
  const rulesByPeer = new Map<string, Rule[]>();
  for (const rule of builtinRules) {
    for (const id of rule.meta.peers.trivy ?? []) rulesByPeer.set(id, [...(rulesByPeer.get(id) ?? []), rule]);
  }
  const results: Expectations = {};
  for (const check of corpus) {
    const rules = rulesByPeer.get(check.id) ?? [];
    if (!rules.length) continue;
    // A snippet counts as flagged when any rule mapped to this check flags it.
    const flagged = (snippet: string) => rules.some((rule) => runRuleOnSnippet(rule, snippet, check.format).length > 0);
    results[check.id] = {
      rules: rules.map((r) => r.meta.id),
      bad: check.bad.length,
      badFlagged: check.bad.filter(flagged).length,
      good: check.good.length,
      goodFlagged: check.good.filter(flagged).length,
    };
  }
  return results;
}

function main(): number {
  const corpus = loadCorpus();
  if (!corpus) {
    console.error('corpus: trivy-checks.json not found (use --corpus FILE or BULWARK_CORPUS); nothing checked.');
    return process.env.CI ? 1 : 0;
  }
  const verbose = process.argv.includes('--verbose');
  const results = evaluate(corpus);
  const byId = new Map(corpus.map((c) => [c.id, c]));

  const rows = Object.entries(results).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([id]) => id.length), 10);
  console.log(`${'check'.padEnd(width)}  ${'bad flagged'.padStart(11)}  ${'good flagged'.padStart(12)}  rules`);
  for (const [id, r] of rows) {
    const mark = r.badFlagged === r.bad && r.goodFlagged === 0 ? ' ' : '!';
    console.log(`${id.padEnd(width)}  ${`${r.badFlagged}/${r.bad}`.padStart(11)}  ${`${r.goodFlagged}/${r.good}`.padStart(12)}  ${r.rules.join(', ')}${mark === '!' ? '  <-' : ''}`);
    if (verbose && mark === '!') console.log(`    ${byId.get(id)?.long_id}: ${byId.get(id)?.title}`);
  }
  const total = rows.reduce(
    (t, [, r]) => ({ bad: t.bad + r.bad, badFlagged: t.badFlagged + r.badFlagged, good: t.good + r.good, goodFlagged: t.goodFlagged + r.goodFlagged }),
    { bad: 0, badFlagged: 0, good: 0, goodFlagged: 0 },
  );
  console.log(
    `\ntotal: ${rows.length} checks mapped; bad snippets flagged ${total.badFlagged}/${total.bad}; good snippets wrongly flagged ${total.goodFlagged}/${total.good}`,
  );

  for (const format of FORMATS_READ) {
    const own = rows.filter(([id]) => byId.get(id)?.format === format);
    const t = own.reduce((n, [, r]) => ({ bad: n.bad + r.bad, badFlagged: n.badFlagged + r.badFlagged, good: n.good + r.good, goodFlagged: n.goodFlagged + r.goodFlagged }), { bad: 0, badFlagged: 0, good: 0, goodFlagged: 0 });
    const live = corpus.filter((c) => c.format === format && !c.deprecated).length;
    console.log(`  ${format}: ${own.length} of ${live} non-deprecated checks mapped; bad flagged ${t.badFlagged}/${t.bad}; good wrongly flagged ${t.goodFlagged}/${t.good}`);
  }
  const required = corpus.filter((c) => !c.deprecated && ((c.format === 'terraform' && c.provider === 'aws' && REQUIRED_SERVICES.includes(c.service)) || REQUIRED_FORMATS.includes(c.format)));
  const unmapped = required.filter((c) => !results[c.id]);
  const imperfect = required.filter((c) => results[c.id] && (results[c.id]!.badFlagged < results[c.id]!.bad || results[c.id]!.goodFlagged > 0));
  console.log(
    `required scope (AWS ${REQUIRED_SERVICES.join(', ')}; ${REQUIRED_FORMATS.join(', ')}): ${required.length} checks, ${required.length - unmapped.length} mapped, ` +
      `${required.length - unmapped.length - imperfect.length} exact (all bad flagged, no good flagged)`,
  );
  for (const c of unmapped) console.log(`  unmapped: ${c.id} ${c.long_id}`);
  for (const c of imperfect) console.log(`  imperfect: ${c.id} ${c.long_id}`);

  if (process.argv.includes('--update')) {
    writeFileSync(expectationsPath, `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
    console.log(`expectations written to ${expectationsPath}`);
    return 0;
  }

  const expected: Expectations = existsSync(expectationsPath) ? JSON.parse(readFileSync(expectationsPath, 'utf8')) : {};
  const regressions: string[] = [];
  for (const [id, want] of Object.entries(expected)) {
    const got = results[id];
    if (!got) regressions.push(`${id}: no longer mapped to a rule`);
    else {
      if (got.badFlagged < want.badFlagged) regressions.push(`${id}: bad flagged ${got.badFlagged}/${got.bad}, expected ${want.badFlagged}`);
      if (got.goodFlagged > want.goodFlagged) regressions.push(`${id}: good wrongly flagged ${got.goodFlagged}/${got.good}, expected ${want.goodFlagged}`);
    }
  }
  // The committed scope must stay fully covered, whatever the expectations file says.
  for (const c of unmapped) regressions.push(`${c.id}: required check has no rule`);
  for (const c of imperfect) {
    const r = results[c.id]!;
    regressions.push(`${c.id}: required check not exact (${r.badFlagged}/${r.bad} bad, ${r.goodFlagged}/${r.good} good flagged)`);
  }
  if (regressions.length) {
    console.error(`\ncorpus: ${regressions.length} regression(s):`);
    for (const r of [...new Set(regressions)]) console.error(`  ${r}`);
    return 1;
  }
  console.log('corpus: no regressions');
  return 0;
}

process.exitCode = main();
