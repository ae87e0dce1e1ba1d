// The Kubernetes format: YAML (and JSON) manifests with `apiVersion` and `kind`, any number of documents
// per file, `List` kinds unpacked. Every object goes to the rules with a Kubernetes check for its kind;
// checks see every object of the scan, for the ones that judge objects together.

import { objectsOf, type K8sObject } from '../adapt/kubernetes/objects.js';
import type { Rule } from '../analyze/rule.js';
import type { KubernetesRuleContext, YamlReport } from '../analyze/yaml-rule.js';
import { FORMATS } from '../core/formats.js';
import type { Diagnostic, Finding } from '../core/types.js';
import type { PassedCheck } from '../analyze/engine.js';
import { readYaml } from '../parse/yaml/read.js';
import { getMap, text } from '../parse/yaml/tree.js';
import { commentedFiles, documentFinding, parseErrorFinding, proposeDocumentFixes, readSource, type PendingFix, type SourceText } from './document-findings.js';
import type { FormatOutcome, FormatScanInput, FormatScanner } from './format.js';
import { attachDocumentRisk } from '../analyze/risk-evidence.js';
import { runSteps, runStepsInSlices, type Steps } from './steps.js';
import { isKubernetesManifest } from './recognised.js';

const MANIFEST_NAME = /\.(ya?ml|json)$/i;

export const kubernetesScanner: FormatScanner = {
  id: 'kubernetes',
  mayClaim: (name) => MANIFEST_NAME.test(name),
  claims: (_, head) => isKubernetesManifest(head()),
  hasChecks: (rule) => rule.kubernetes !== undefined,
  scan: (input) => runStepsInSlices(scanManifests(input)),
  scanSync: (input) => runSteps(scanManifests(input)),
};

function* scanManifests(input: FormatScanInput): Steps<FormatOutcome> {
  const defaults = input.defaults ?? {};
  const rules = input.rules.filter((r) => r.kubernetes && (r.meta.requires ?? []).every((name) => defaults[name] !== undefined));
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const sources: SourceText[] = [];
  const objects: K8sObject[] = [];
  const sourceOf = new Map<string, SourceText>();
  for (const file of input.source.files) {
    const source = readSource(input.source, file, 'kubernetes', diagnostics);
    if (!source) continue;
    sources.push(source);
    sourceOf.set(file.rel, source);
    const stream = readYaml(source.text);
    if (stream.error) findings.push(parseErrorFinding(source, stream.error, stream.documents.length ? 'The documents before the error were still scanned.' : 'Nothing in it was scanned.'));
    objects.push(...objectsOf(file.rel, stream.documents));
    yield;
  }

  const pending: PendingFix[] = [];
  const memos = new Map<symbol, unknown>();
  const memo = <T>(key: symbol, create: () => T): T => {
    if (!memos.has(key)) memos.set(key, create());
    return memos.get(key) as T;
  };
  const passed: PassedCheck[] = [];
  const applied = new Set<string>();
  const checkedObjects = new Set<K8sObject>();
  const kindsWithoutRules = new Map<string, number>();
  const contexts = new Map(rules.map((rule) => [rule, new RuleContext(rule, objects, defaults, findings, pending, memo)]));
  for (const object of objects) {
    const source = sourceOf.get(object.file)!;
    const findingsBefore = findings.length;
    let checkedBy = 0;
    for (const rule of rules) {
      const check = rule.kubernetes!;
      if (check.kinds && !check.kinds.includes(object.kind)) continue;
      checkedBy++;
      applied.add(rule.meta.id);
      const before = findings.length;
      const ctx = contexts.get(rule)!;
      ctx.object = object;
      ctx.source = source;
      check.check(object, ctx);
      if (input.showPassed && findings.length === before) passed.push({ ruleId: rule.meta.id, resource: object.label, file: object.file, line: source.range(object.node.start, object.node.start).start.line });
    }
    applyCheckovAnnotations(object, source, rules, findings, findingsBefore);
    if (checkedBy) checkedObjects.add(object);
    else kindsWithoutRules.set(object.kind, (kindsWithoutRules.get(object.kind) ?? 0) + 1);
    yield;
  }

  const typesWithoutRules = [...kindsWithoutRules].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
  attachDocumentRisk(findings, new Map(rules.map((r) => [r.meta.id, r])), input.dataClasses ?? []);
  return {
    findings,
    diagnostics,
    commented: commentedFiles(sources),
    ...(input.showPassed ? { passed } : {}),
    ...(input.proposeFixes ? { proposals: proposeDocumentFixes(pending, (r) => r.fix?.kubernetes, defaults, input.proposeFixes.only) } : {}),
    stats: {
      name: FORMATS.kubernetes.name,
      read: true,
      files: input.source.files.length,
      bytes: input.source.files.reduce((n, f) => n + f.size, 0),
      checked: checkedObjects.size,
      resources: objects.length,
      rulesApplied: [...applied].sort(),
      resourcesWithoutRules: objects.length - checkedObjects.size,
      typesWithoutRules: typesWithoutRules.slice(0, 10),
    },
  };
}

/**
 * The context a rule's check sees, one per rule per scan (not per object: 43 rules over tens of thousands of
 * objects made that a hot allocation); `object` and `source` are the ones being checked.
 */
class RuleContext implements KubernetesRuleContext {
  object!: K8sObject;
  source!: SourceText;
  constructor(
    private readonly rule: Rule,
    readonly objects: readonly K8sObject[],
    readonly defaults: KubernetesRuleContext['defaults'],
    private readonly findings: Finding[],
    private readonly pending: PendingFix[],
    readonly memo: KubernetesRuleContext['memo'],
  ) {}

  report(report: YamlReport): void {
    const { object, source, rule } = this;
    const at = report.at;
    const [start, end] = !at ? [object.node.start, object.node.start] : 'key' in at ? [at.keyStart, at.value.end] : [at.start, at.end];
    const part = [object.path, report.part ?? ''].filter(Boolean).join('.');
    const finding = documentFinding(rule, source, { resource: object.label, resourceStart: object.node.start, resourceEnd: object.node.end, start, end, part }, report.message);
    this.findings.push(finding);
    if (report.fixData !== undefined && rule.fix?.kubernetes) this.pending.push({ finding, rule, source, data: report.fixData });
  }
}

/**
 * Checkov's suppressions for Kubernetes are annotations, not comments: `checkov.io/skip1: CKV_K8S_20=the reason` on
 * the object covers the findings of the rules that name that Checkov check among their peers.
 */
function applyCheckovAnnotations(object: K8sObject, source: SourceText, rules: readonly Rule[], findings: Finding[], from: number): void {
  const annotations = getMap(object.node, 'metadata.annotations');
  if (!annotations) return;
  for (const annotation of annotations.entries) {
    if (!/^checkov\.io\/skip\d*$/.test(annotation.key)) continue;
    const value = text(annotation.value) ?? '';
    const [check, ...reason] = value.split('=');
    const ruleIds = new Set(rules.filter((r) => r.meta.peers.checkov?.includes(check!.trim())).map((r) => r.meta.id));
    for (let i = from; i < findings.length; i++) {
      const f = findings[i]!;
      if (!ruleIds.has(f.ruleId) || f.suppression) continue;
      const why = reason.join('=').trim();
      findings[i] = { ...f, suppression: { kind: 'inline', ...(why ? { reason: why } : {}), location: { file: source.rel, range: source.range(annotation.keyStart, annotation.value.end) } } };
    }
  }
}
