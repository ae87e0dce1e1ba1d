// The Dockerfile format: `Dockerfile`, `Containerfile`, `*.dockerfile` and variants (`Dockerfile.prod`).
// Each file is read on its own; every rule with a Dockerfile check sees the whole file.

import type { Rule } from '../analyze/rule.js';
import type { DockerfileReport } from '../analyze/dockerfile-rule.js';
import type { PassedCheck } from '../analyze/engine.js';
import { FORMATS } from '../core/formats.js';
import { normaliseContent } from '../core/fingerprint.js';
import type { Diagnostic, Finding } from '../core/types.js';
import { readDockerfile, type DockerFile, type DockerStage } from '../parse/dockerfile/read.js';
import { commentedFiles, documentFinding, proposeDocumentFixes, readSource, type PendingFix, type SourceText } from './document-findings.js';
import type { FormatOutcome, FormatScanInput, FormatScanner } from './format.js';
import { attachDocumentRisk } from '../analyze/risk-evidence.js';
import { runSteps, runStepsInSlices, type Steps } from './steps.js';

/**
 * Bytes of a Dockerfile read. Real ones are a few kilobytes; the parser takes about a second per 300 KB, so a
 * larger file (generated, or hostile) is named as too large rather than read for a minute.
 */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024;

export const DOCKERFILE_NAME = /^(Dockerfile|Containerfile)([.-][\w.-]+)?$|\.(dockerfile|containerfile)$/i;

/** Files named after a Dockerfile that are something else: its docs, its ignore file, scripts and data beside it. */
const NOT_A_DOCKERFILE = /\.(md|markdown|txt|rst|adoc|html?|dockerignore|json|ya?ml|sh|ps1|py|js|ts|bak|orig|swp)$/i;

export const dockerfileScanner: FormatScanner = {
  id: 'dockerfile',
  mayClaim: (name) => DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name),
  claims: (rel) => dockerfileScanner.mayClaim(rel.slice(rel.lastIndexOf('/') + 1)),
  hasChecks: (rule) => rule.dockerfile !== undefined,
  scan: (input) => runStepsInSlices(scanDockerfiles(input)),
  scanSync: (input) => runSteps(scanDockerfiles(input)),
};

function* scanDockerfiles(input: FormatScanInput): Steps<FormatOutcome> {
  const defaults = input.defaults ?? {};
  const rules = input.rules.filter((r) => r.dockerfile && (r.meta.requires ?? []).every((name) => defaults[name] !== undefined));
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const pending: PendingFix[] = [];
  const passed: PassedCheck[] = [];
  const sources: SourceText[] = [];
  const applied = new Set<string>();
  let checked = 0;
  for (const file of input.source.files) {
    yield;
    const source = readSource(input.source, file, 'dockerfile', diagnostics, MAX_DOCKERFILE_BYTES);
    if (!source) continue;
    sources.push(source);
    const docker = readDockerfile(source.text);
    if (!docker.stages.length) {
      diagnostics.push({ severity: 'warning', code: 'file-not-read', format: 'dockerfile', message: `${file.rel} has no FROM instruction: it is not a Dockerfile Bulwark can check.`, location: { file: file.rel, range: source.range(0, 0) } });
      continue;
    }
    checked++;
    for (const rule of rules) {
      applied.add(rule.meta.id);
      const before = findings.length;
      rule.dockerfile!.check(docker, contextFor(rule, docker, source, defaults, findings, pending));
      if (input.showPassed && findings.length === before) passed.push({ ruleId: rule.meta.id, resource: stageLabel(docker.stages[docker.stages.length - 1]!), file: file.rel, line: 1 });
    }
  }
  attachDocumentRisk(findings, new Map(rules.map((r) => [r.meta.id, r])), input.dataClasses ?? []);
  return {
    findings,
    diagnostics,
    commented: commentedFiles(sources),
    ...(input.showPassed ? { passed } : {}),
    ...(input.proposeFixes ? { proposals: proposeDocumentFixes(pending, (r) => r.fix?.dockerfile, defaults, input.proposeFixes.only) } : {}),
    stats: {
      name: FORMATS.dockerfile.name,
      read: true,
      files: input.source.files.length,
      bytes: input.source.files.reduce((n, f) => n + f.size, 0),
      checked,
      rulesApplied: [...applied].sort(),
    },
  };
}

/** `stage build (golang:1.22)`, or `image (node:20)` for a single-stage file. */
export function stageLabel(stage: DockerStage): string {
  return stage.name ? `stage ${stage.name} (${stage.image})` : `stage ${stage.index + 1} (${stage.image})`;
}

function contextFor(rule: Rule, file: DockerFile, source: SourceText, defaults: FormatScanInput['defaults'] & object, findings: Finding[], pending: PendingFix[]) {
  return {
    defaults,
    report(report: DockerfileReport) {
      const stage = report.stage ?? (report.at && report.at.stage >= 0 ? file.stages[report.at.stage] : undefined) ?? file.stages[file.stages.length - 1]!;
      const at = report.at ?? stage.from;
      const stageEnd = stage.instructions[stage.instructions.length - 1]?.end ?? stage.from.end;
      const resource = stage.name ? `stage ${stage.name}` : `stage ${stage.index + 1}`;
      // The instruction as written names the part: it survives instructions moving or others being edited.
      const part = report.part ?? `${at.keyword} ${normaliseContent(at.args)}`;
      const finding = documentFinding(rule, source, { resource, resourceStart: stage.from.start, resourceEnd: stageEnd, start: at.start, end: at.end, part }, report.message);
      findings.push(finding);
      if (report.fixData !== undefined && rule.fix?.dockerfile) pending.push({ finding, rule, source, data: report.fixData });
    },
  };
}
