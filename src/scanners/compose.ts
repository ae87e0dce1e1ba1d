// The docker-compose format: `compose.yaml`, `docker-compose*.yml` and YAML files whose content is a
// compose file. Values are interpolated as Compose does, from the `.env` file beside the compose file
// (claimed by this scanner for that purpose) and `${VAR:-default}` defaults, never from the shell.

import { servicesOf, type ComposeService } from '../adapt/compose/services.js';
import { parseDotenv } from '../adapt/compose/interpolate.js';
import type { Rule } from '../analyze/rule.js';
import type { ComposeRuleContext, YamlReport } from '../analyze/yaml-rule.js';
import type { PassedCheck } from '../analyze/engine.js';
import { dirOf } from '../core/dir-of.js';
import { FORMATS } from '../core/formats.js';
import type { Diagnostic, Finding } from '../core/types.js';
import { readYaml } from '../parse/yaml/read.js';
import { commentedFiles, documentFinding, parseErrorFinding, proposeDocumentFixes, readSource, type PendingFix, type SourceText } from './document-findings.js';
import type { FormatOutcome, FormatScanInput, FormatScanner } from './format.js';
import { attachDocumentRisk } from '../analyze/risk-evidence.js';
import { runSteps, runStepsInSlices, type Steps } from './steps.js';
import { COMPOSE_NAME, isCompose } from './recognised.js';

const YAML_NAME = /\.ya?ml$/i;
const DOTENV = '.env';
const baseName = (rel: string) => rel.slice(rel.lastIndexOf('/') + 1);

export const composeScanner: FormatScanner = {
  id: 'compose',
  mayClaim: (name) => YAML_NAME.test(name) || name === DOTENV,
  claims: (rel, head) => baseName(rel) === DOTENV || COMPOSE_NAME.test(baseName(rel)) || isCompose(head()),
  hasChecks: (rule) => rule.compose !== undefined,
  scan: (input) => runStepsInSlices(scanCompose(input)),
  scanSync: (input) => runSteps(scanCompose(input)),
};

function* scanCompose(input: FormatScanInput): Steps<FormatOutcome> {
  const defaults = input.defaults ?? {};
  const rules = input.rules.filter((r) => r.compose && (r.meta.requires ?? []).every((name) => defaults[name] !== undefined));
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const pending: PendingFix[] = [];
  const passed: PassedCheck[] = [];
  const sources: SourceText[] = [];
  const applied = new Set<string>();
  const envByDir = new Map<string, Map<string, string>>();
  const composeFiles = input.source.files.filter((f) => baseName(f.rel) !== DOTENV);
  for (const file of input.source.files.filter((f) => baseName(f.rel) === DOTENV)) {
    const source = readSource(input.source, file, 'compose', diagnostics);
    if (source) envByDir.set(dirOf(file.rel), parseDotenv(source.text));
  }
  let checked = 0;
  for (const file of composeFiles) {
    yield;
    const source = readSource(input.source, file, 'compose', diagnostics);
    if (!source) continue;
    sources.push(source);
    const stream = readYaml(source.text);
    if (stream.error) findings.push(parseErrorFinding(source, stream.error, stream.documents.length ? 'The documents before the error were still scanned.' : 'Nothing in it was scanned.'));
    const services = stream.documents.flatMap((d) => servicesOf(d.root, envByDir.get(dirOf(file.rel)) ?? new Map()));
    checked += services.length;
    for (const service of services) {
      for (const rule of rules) {
        applied.add(rule.meta.id);
        const before = findings.length;
        rule.compose!.check(service, contextFor(rule, service, services, source, defaults, findings, pending));
        if (input.showPassed && findings.length === before) passed.push({ ruleId: rule.meta.id, resource: `service ${service.name}`, file: file.rel, line: source.range(service.key.keyStart, service.key.keyStart).start.line });
      }
    }
  }
  attachDocumentRisk(findings, new Map(rules.map((r) => [r.meta.id, r])), input.dataClasses ?? []);
  return {
    findings,
    diagnostics,
    commented: commentedFiles(sources),
    ...(input.showPassed ? { passed } : {}),
    ...(input.proposeFixes ? { proposals: proposeDocumentFixes(pending, (r) => r.fix?.compose, defaults, input.proposeFixes.only) } : {}),
    stats: {
      name: FORMATS.compose.name,
      read: true,
      files: composeFiles.length,
      bytes: composeFiles.reduce((n, f) => n + f.size, 0),
      checked,
      resources: checked,
      rulesApplied: [...applied].sort(),
    },
  };
}

function contextFor(
  rule: Rule,
  service: ComposeService,
  services: readonly ComposeService[],
  source: SourceText,
  defaults: ComposeRuleContext['defaults'],
  findings: Finding[],
  pending: PendingFix[],
): ComposeRuleContext {
  return {
    defaults,
    services,
    report(report: YamlReport) {
      const at = report.at;
      const [start, end] = !at ? [service.key.keyStart, service.key.keyEnd] : 'key' in at ? [at.keyStart, at.value.end] : [at.start, at.end];
      const finding = documentFinding(rule, source, { resource: `service ${service.name}`, resourceStart: service.key.keyStart, resourceEnd: service.node.end, start, end, part: report.part ?? '' }, report.message);
      findings.push(finding);
      if (report.fixData !== undefined && rule.fix?.compose) pending.push({ finding, rule, source, data: report.fixData });
    },
  };
}
