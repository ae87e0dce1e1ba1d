// Measures the threat modeller on the held-back designs (eval/threat-model): element-kind accuracy, and threat
// precision and recall against what a security architect expects of each design (expected.yaml, written from the
// designs alone). Figures, not a test: the set stays out of the tuning loop, so no test asserts on it.
//   npm run model-eval [-- --verbose]

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { threatModel } from '../src/model/index.js';
import type { Element, Flow } from '../src/model/index.js';

interface ExpectedThreat {
  on: string;
  stride: 'S' | 'T' | 'R' | 'I' | 'D' | 'E';
  topic: string;
}
interface ExpectedDesign {
  elements: Record<string, string>;
  threats: ExpectedThreat[];
}

const STRIDE = { S: 'spoofing', T: 'tampering', R: 'repudiation', I: 'information-disclosure', D: 'denial-of-service', E: 'elevation-of-privilege' } as const;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'eval', 'threat-model');
const verbose = process.argv.includes('--verbose');

const normal = (name: string) => name.toLowerCase().replace(/<br\s*\/?>|\\n/g, ' ').replace(/\s+/g, ' ').trim();

/** The element an architect means by `name`: the same name, else one whose name holds it (or is held by it). */
function findElement(elements: readonly Element[], name: string): Element | undefined {
  const wanted = normal(name);
  return (
    elements.find((e) => normal(e.name) === wanted) ??
    elements.find((e) => normal(e.name).includes(wanted)) ??
    elements.find((e) => wanted.includes(normal(e.name)) && normal(e.name).length >= 3)
  );
}

interface Totals {
  elements: number;
  kindsRight: number;
  expected: number;
  found: number;
  reported: number;
  relevant: number;
}

function evaluateDesign(file: string, expected: ExpectedDesign, totals: Totals): void {
  const text = readFileSync(join(root, 'designs', file), 'utf8');
  let result: ReturnType<typeof threatModel>;
  try {
    result = threatModel(text, { fileName: file });
  } catch (error) {
    console.log(`${file}: not read (${error instanceof Error ? error.message : String(error)})`);
    totals.elements += Object.keys(expected.elements).length;
    totals.expected += expected.threats.length;
    return;
  }
  const { model, threats } = result.report;
  const lines: string[] = [];
  let kindsRight = 0;
  for (const [name, kind] of Object.entries(expected.elements)) {
    const element = findElement(model.elements, name);
    if (element?.kind === kind) kindsRight++;
    else lines.push(`  kind  ${name}: expected ${kind}, got ${element ? `${element.kind} (${element.name})` : 'no element'}`);
  }
  const flowEnds = (flow: Flow) => [flow.source, flow.target];
  const flowsById = new Map(model.flows.map((f) => [f.id, f]));
  const matches = (t: (typeof threats)[number], want: ExpectedThreat): boolean => {
    if (t.stride !== STRIDE[want.stride]) return false;
    if (!new RegExp(want.topic, 'i').test(`${t.title} ${t.description}`)) return false;
    const [from, to] = want.on.split(/\s*->\s*/);
    if (to !== undefined) {
      const a = findElement(model.elements, from!)?.id;
      const b = findElement(model.elements, to)?.id;
      if (!a || !b) return false;
      const onFlow = t.flows.some((id) => {
        const ends = flowEnds(flowsById.get(id) ?? ({ source: '', target: '' } as Flow));
        return ends.includes(a) && ends.includes(b);
      });
      return onFlow || (t.elements.includes(a) && t.elements.includes(b));
    }
    const id = findElement(model.elements, from!)?.id;
    if (!id) return false;
    return t.elements.includes(id) || t.flows.some((f) => flowsById.get(f)?.target === id);
  };
  let found = 0;
  for (const want of expected.threats) {
    if (threats.some((t) => matches(t, want))) found++;
    else lines.push(`  miss  ${want.stride} ${want.on}: /${want.topic}/`);
  }
  const relevant = threats.filter((t) => expected.threats.some((want) => matches(t, want))).length;
  if (verbose) for (const t of threats) if (!expected.threats.some((want) => matches(t, want))) lines.push(`  extra ${t.severity} ${t.stride}: ${t.title}`);
  totals.elements += Object.keys(expected.elements).length;
  totals.kindsRight += kindsRight;
  totals.expected += expected.threats.length;
  totals.found += found;
  totals.reported += threats.length;
  totals.relevant += relevant;
  console.log(`${file}: kinds ${kindsRight}/${Object.keys(expected.elements).length}, expected threats found ${found}/${expected.threats.length}, reported ${threats.length} (${relevant} expected)`);
  for (const line of lines) console.log(line);
}

const expectations = parse(readFileSync(join(root, 'expected.yaml'), 'utf8')) as Record<string, ExpectedDesign>;
const totals: Totals = { elements: 0, kindsRight: 0, expected: 0, found: 0, reported: 0, relevant: 0 };
for (const [file, expected] of Object.entries(expectations)) evaluateDesign(file, expected, totals);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : 'n/a');
console.log('');
console.log(`held-back designs: ${Object.keys(expectations).length} (${resolve(root)})`);
console.log(`element kinds right: ${totals.kindsRight}/${totals.elements} = ${pct(totals.kindsRight, totals.elements)}`);
console.log(`threat recall (expected threats reported): ${totals.found}/${totals.expected} = ${pct(totals.found, totals.expected)}`);
console.log(`threat precision (reported threats an architect expected; a lower bound, the lists are short): ${totals.relevant}/${totals.reported} = ${pct(totals.relevant, totals.reported)}`);
