// The machine report: the ScanResult as stable JSON. Keys are written in a fixed order and findings
// in a total order, so the same input always gives byte-identical output.

import type { RuleMeta } from '../core/rule-meta.js';
import type { ScanResult } from '../core/result.js';
import type { CallSite, Diagnostic, Finding, Range, SourceLocation } from '../core/types.js';
import { compareText } from '../core/types.js';
import { sortedFindings } from './order.js';

export function renderJson(result: ScanResult): string {
  return JSON.stringify(toStableJson(result), null, 2) + '\n';
}

/** The ScanResult rebuilt with keys in documented order (see docs/json-output.md). */
export function toStableJson(result: ScanResult): Record<string, unknown> {
  return {
    schemaVersion: result.schemaVersion,
    tool: { name: result.tool.name, version: result.tool.version },
    root: result.root,
    stats: {
      files: result.stats.files,
      bytes: result.stats.bytes,
      resources: result.stats.resources,
      rootModules: result.stats.rootModules,
      durationMs: result.stats.durationMs,
    },
    findings: sortedFindings(result.findings).map(finding),
    diagnostics: [...result.diagnostics].sort(compareDiagnostics).map(diagnostic),
    rules: [...result.rules].sort((a, b) => compareText(a.id, b.id)).map(ruleMeta),
  };
}

function finding(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    title: f.title,
    message: f.message,
    location: location(f.location),
    ...(f.resource !== undefined ? { resource: f.resource } : {}),
    ...(f.callPath?.length ? { callPath: f.callPath.map(callSite) } : {}),
    remediation: f.remediation,
  };
}

function callSite(site: CallSite): Record<string, unknown> {
  return { module: site.module, location: location(site.location) };
}

function diagnostic(d: Diagnostic): Record<string, unknown> {
  return { severity: d.severity, message: d.message, location: location(d.location) };
}

function location(l: SourceLocation): Record<string, unknown> {
  return { file: l.file, range: range(l.range) };
}

function range(r: Range): Record<string, unknown> {
  return {
    start: { line: r.start.line, column: r.start.column, offset: r.start.offset },
    end: { line: r.end.line, column: r.end.column, offset: r.end.offset },
  };
}

export function ruleMeta(m: RuleMeta): Record<string, unknown> {
  return {
    id: m.id,
    title: m.title,
    severity: m.severity,
    stride: m.stride,
    cwe: [...m.cwe],
    compliance: m.compliance.map((c) => ({ framework: c.framework, control: c.control })),
    description: m.description,
    remediation: m.remediation,
    provider: m.provider,
    service: m.service,
    peers: {
      ...(m.peers.checkov ? { checkov: [...m.peers.checkov] } : {}),
      ...(m.peers.trivy ? { trivy: [...m.peers.trivy] } : {}),
      ...(m.peers.kics ? { kics: [...m.peers.kics] } : {}),
    },
    ...(m.links ? { links: [...m.links] } : {}),
  };
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.location.file, b.location.file) ||
    a.location.range.start.line - b.location.range.start.line ||
    a.location.range.start.column - b.location.range.start.column ||
    compareText(a.message, b.message)
  );
}
