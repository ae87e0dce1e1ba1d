// Threat-modelling benchmark: a generated 1,000-element, 3,000-flow architecture with ~50 nested
// boundaries and mixed kinds and properties; times analyze() and report rendering over several runs.
// Prints `name: value` lines. Run alone with `node --import tsx scripts/bench-model.ts`, or through
// `npm run bench`, which calls runModelBench().

import { pathToFileURL } from 'node:url';
import { seededRandom } from './bench/random.js';
import { analyze } from '../src/model/engine/analyze.js';
import { renderThreatJson } from '../src/model/report/json.js';
import { renderThreatMarkdown } from '../src/model/report/markdown.js';
import { renderMermaidDfd } from '../src/model/report/mermaid.js';
import { renderThreatSarif } from '../src/model/report/sarif.js';
import { ArchitectureSchema, BOUNDARY_TYPES, CLASSIFICATIONS, ELEMENT_KINDS, type Architecture } from '../src/model/schema/architecture.js';

export interface ModelBenchOptions {
  elements?: number;
  flows?: number;
  boundaries?: number;
  runs?: number;
}


const TECHNOLOGIES = ['PostgreSQL', 'AWS S3', 'AWS Lambda', 'Redis', 'Kafka', 'AWS SQS', 'Express', 'Keycloak', 'MongoDB', 'Kubernetes pod', 'Vault', 'Stripe', 'CloudFront'];
const LABELS = ['upload image', 'login with password', 'returns JWT', 'query orders', 'publish event', 'read session token', 'charge card', 'fetch profile', 'sync', 'health check'];
const PROTOCOLS = [undefined, 'https', 'http', 'grpc', 'sql', 'amqp', 'tcp'];
const PROPS = ['internetFacing', 'authenticatesCallers', 'authorizesRequests', 'runsAsRoot', 'storesCredentials', 'encryptedAtRest', 'auditLogging', 'rateLimited', 'validatesInput', 'publicAccess', 'versioning', 'leastPrivilege', 'sizeLimits', 'tokenValidation', 'resourceLimits', 'deadLetterQueue'] as const;

export function generateArchitecture(options: ModelBenchOptions = {}): Architecture {
  const elementCount = options.elements ?? 1000;
  const flowCount = options.flows ?? 3000;
  const boundaryCount = options.boundaries ?? 50;
  const rnd = seededRandom(20260301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

  // Boundaries nest up to ~5 deep: each picks an earlier boundary as parent (or none).
  const boundaries = Array.from({ length: boundaryCount }, (_, i) => ({
    id: `b${i}`,
    name: `Zone ${i}`,
    type: i === 0 ? 'internet' : pick(BOUNDARY_TYPES.filter((t) => t !== 'internet')),
    ...(i > 1 && rnd() < 0.8 ? { parent: `b${1 + Math.floor(rnd() * (i - 1))}` } : {}),
  }));
  const dataAssets = CLASSIFICATIONS.map((classification, i) => ({ id: `d${i}`, name: `Asset ${classification}`, classification }));
  const elements = Array.from({ length: elementCount }, (_, i) => {
    const kind = i % 25 === 0 ? 'actor' : pick(ELEMENT_KINDS);
    const props: Record<string, boolean> = {};
    for (const prop of PROPS) if (rnd() < 0.15) props[prop] = rnd() < 0.5;
    return {
      id: `e${i}`,
      name: `${kind} ${i}`,
      kind,
      technology: pick(TECHNOLOGIES),
      ...(kind === 'actor' && rnd() < 0.7 ? {} : { boundary: `b${Math.floor(rnd() * boundaryCount)}` }),
      props,
      data: rnd() < 0.3 ? [pick(dataAssets).id] : [],
      location: { line: i + 1 },
    };
  });
  const flows = Array.from({ length: flowCount }, (_, i) => {
    const protocol = pick(PROTOCOLS);
    return {
      id: `f${i}`,
      source: `e${Math.floor(rnd() * elementCount)}`,
      target: `e${Math.floor(rnd() * elementCount)}`,
      label: pick(LABELS),
      ...(protocol ? { protocol } : {}),
      ...(rnd() < 0.3 ? { encrypted: rnd() < 0.5 } : {}),
      ...(rnd() < 0.3 ? { authenticated: rnd() < 0.5 } : {}),
      data: rnd() < 0.4 ? [pick(dataAssets).id] : [],
      location: { line: elementCount + i + 1 },
    };
  });
  return ArchitectureSchema.parse({ name: 'Generated architecture', boundaries, dataAssets, elements, flows });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface ModelBenchResult {
  elements: number;
  flows: number;
  boundaries: number;
  threats: number;
  mitigatedByDesign: number;
  analyzeMs: { median: number; min: number; max: number };
  renderMs: number;
}

export function measureModelBench(options: ModelBenchOptions = {}): ModelBenchResult {
  const model = generateArchitecture(options);
  const runs = options.runs ?? 7;
  analyze(model); // warm-up: JIT and module initialisation are not what we measure
  const times: number[] = [];
  let report = analyze(model);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    report = analyze(model);
    times.push(performance.now() - start);
  }
  const renderStart = performance.now();
  renderThreatMarkdown(report);
  renderThreatJson(report);
  renderThreatSarif(report);
  renderMermaidDfd(report);
  const renderMs = performance.now() - renderStart;
  return {
    elements: model.elements.length,
    flows: model.flows.length,
    boundaries: model.boundaries.length,
    threats: report.threats.length,
    mitigatedByDesign: report.mitigatedByDesign.length,
    analyzeMs: { median: median(times), min: Math.min(...times), max: Math.max(...times) },
    renderMs,
  };
}

export function runModelBench(options: ModelBenchOptions = {}): ModelBenchResult {
  const r = measureModelBench(options);
  const lines = [
    `model.elements: ${r.elements}`,
    `model.flows: ${r.flows}`,
    `model.boundaries: ${r.boundaries}`,
    `model.threats: ${r.threats}`,
    `model.mitigated_by_design: ${r.mitigatedByDesign}`,
    `model.analyze_ms_median: ${r.analyzeMs.median.toFixed(1)}`,
    `model.analyze_ms_min: ${r.analyzeMs.min.toFixed(1)}`,
    `model.analyze_ms_max: ${r.analyzeMs.max.toFixed(1)}`,
    `model.render_all_formats_ms: ${r.renderMs.toFixed(1)}`,
    `model.under_1s: ${r.analyzeMs.median + r.renderMs < 1000 ? 'yes' : 'no'}`,
  ];
  console.log(lines.join('\n'));
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runModelBench();
