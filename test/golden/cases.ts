// The golden outputs: the JSON report of every bundled example and test fixture, and the findings of
// every rule's own examples. A refactor must leave them byte-identical; a behaviour change updates them
// on purpose (`npm run golden`), so the diff shows exactly what moved.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { runRuleOnSnippet } from '../../src/scanners/rule-tester.js';
import { threatModel } from '../../src/model/index.js';
import { renderThreatJson } from '../../src/model/report/json.js';
import { renderJson } from '../../src/report/json.js';
import { scan } from '../../src/scan.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const goldenDir = join(repoRoot, 'test', 'golden', 'outputs');

export interface GoldenCase {
  /** File name under test/golden/outputs. */
  name: string;
  produce(): Promise<string>;
}

/** Scan results with what differs between machines and runs (absolute root, duration) taken out. */
function scanCase(name: string, dir: string): GoldenCase {
  return {
    name,
    async produce() {
      const result = await scan([join(repoRoot, dir)]);
      const json = JSON.parse(renderJson(result)) as { root: string; stats: { durationMs: number } };
      json.root = relative(repoRoot, json.root).split('\\').join('/') || '.';
      json.stats.durationMs = 0;
      return JSON.stringify(json, null, 2) + '\n';
    },
  };
}

function modelCase(file: string): GoldenCase {
  return {
    name: `model-${file.split('/').pop()!.replace(/\./g, '-')}.json`,
    async produce() {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      const { report } = threatModel(text, { fileName: file, toolVersion: '0.0.0-golden' });
      return renderThreatJson(report);
    },
  };
}

/** Every rule's good and bad examples with the findings they give: rule, line, resource and message. */
const ruleExamplesCase: GoldenCase = {
  name: 'rule-examples.json',
  async produce() {
    const out: Record<string, unknown> = {};
    for (const rule of builtinRules) {
      for (const [format, examples] of Object.entries(rule.examples)) {
        if (!examples) continue;
        const run = (snippet: string) =>
          runRuleOnSnippet(rule, snippet, format)
            .map((f) => `${f.location.range.start.line}:${f.location.range.start.column} ${f.resource ?? ''} ${f.message}`)
            .sort();
        out[rule.meta.id] = { good: examples.good.map(run), bad: examples.bad.map((b) => run(b.code)) };
      }
    }
    return JSON.stringify(out, null, 2) + '\n';
  },
};

function fixtureDirs(): string[] {
  const base = join(repoRoot, 'test', 'fixtures', 'terraform');
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `test/fixtures/terraform/${e.name}`)
    .sort();
}

function modelExamples(): string[] {
  const base = join(repoRoot, 'examples', 'models');
  return readdirSync(base)
    .filter((f) => f !== 'README.md')
    .map((f) => `examples/models/${f}`)
    .sort();
}

export function goldenCases(): GoldenCase[] {
  return [
    scanCase('scan-example-c.json', 'examples/terraform/example-c'),
    ...fixtureDirs().map((dir) => scanCase(`scan-fixture-${dir.split('/').pop()}.json`, dir)),
    ...modelExamples().map(modelCase),
    ruleExamplesCase,
  ];
}
