// SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps, IDE viewers): one run, rule metadata from
// RuleMeta, relative URIs against %SRCROOT%, and fingerprints that survive line shifts.

import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { RuleMeta } from '../core/rule-meta.js';
import type { ScanResult } from '../core/result.js';
import type { Diagnostic, Finding, Severity, SourceLocation } from '../core/types.js';
import { formatComplianceRef } from '../core/compliance.js';
import { jsonChunks, ONE_LINE_ITEMS_OVER } from './json-pieces.js';
import { sortedFindings } from './order.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

/** What GitHub code scanning reads as `security-severity` to rank alerts. */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

const LEVEL: Record<Severity, Sarif.Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

export function renderSarif(result: ScanResult): string {
  return JSON.stringify(buildSarif(result), null, 2) + '\n';
}

/** The same log as `renderSarif`, in pieces, each result on one line past ONE_LINE_ITEMS_OVER (see renderJsonChunks). */
export function renderSarifChunks(result: ScanResult): Iterable<string> {
  return jsonChunks(buildSarif(result), { compactItems: result.findings.length > ONE_LINE_ITEMS_OVER });
}

export function buildSarif(result: ScanResult): Sarif.Log {
  const findings = sortedFindings(result.findings);
  const rules = ruleDescriptors(result.rules, findings);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const fingerprints = partialFingerprints(findings);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Bulwark',
            semanticVersion: result.tool.version,
            version: result.tool.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(result.root) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.diagnostics.map(notification),
          },
        ],
        results: [
          ...findings.map((f, i) => sarifResult(f, ruleIndex.get(f.ruleId)!, fingerprints[i]!)),
          // With --show-passed: the checks that found nothing, as SARIF `pass` results.
          ...(result.passed ?? []).filter((c) => ruleIndex.has(c.ruleId)).map((c): Sarif.Result => ({
            ruleId: c.ruleId,
            ruleIndex: ruleIndex.get(c.ruleId)!,
            kind: 'pass',
            level: 'none',
            message: { text: `${c.resource} passes ${c.ruleId}.` },
            locations: [{ physicalLocation: { artifactLocation: { uri: encodeRelativeUri(c.file), uriBaseId: SRCROOT }, region: { startLine: c.line } }, logicalLocations: [{ fullyQualifiedName: c.resource, kind: 'resource' }] }],
          })),
        ],
      },
    ],
  };
}

function ruleDescriptors(metas: readonly RuleMeta[], findings: readonly Finding[]): Sarif.ReportingDescriptor[] {
  const byId = new Map<string, Sarif.ReportingDescriptor>();
  for (const meta of metas) byId.set(meta.id, ruleDescriptor(meta));
  // Findings from outside the rule set (e.g. a file that does not parse) still need a descriptor.
  for (const f of findings) if (!byId.has(f.ruleId)) byId.set(f.ruleId, adHocDescriptor(f));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: pascalCase(meta.title),
    shortDescription: { text: meta.problem },
    fullDescription: { text: meta.description },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: ruleTags(meta),
      'security-severity': SECURITY_SEVERITY[meta.severity],
      severity: meta.severity,
      stride: meta.stride,
      cwe: [...meta.cwe],
      compliance: meta.compliance.map(formatComplianceRef),
    },
  };
}

function adHocDescriptor(f: Finding): Sarif.ReportingDescriptor {
  return {
    id: f.ruleId,
    name: pascalCase(f.title),
    shortDescription: { text: f.title },
    help: { text: f.remediation, markdown: f.remediation },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: ['security'], 'security-severity': SECURITY_SEVERITY[f.severity], severity: f.severity },
  };
}

function ruleTags(meta: RuleMeta): string[] {
  const cweTags = meta.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`);
  return ['security', meta.provider, meta.service, `stride/${meta.stride}`, ...meta.cwe, ...cweTags];
}

function helpText(meta: RuleMeta): string {
  const lines = [meta.description, '', `Remediation: ${meta.remediation}`];
  if (meta.cwe.length) lines.push(`CWE: ${meta.cwe.join(', ')}`);
  if (meta.compliance.length) lines.push(`Compliance: ${meta.compliance.map(formatComplianceRef).join(', ')}`);
  return lines.join('\n');
}

function helpMarkdown(meta: RuleMeta): string {
  const lines = [`**${meta.title}** (${meta.severity}, STRIDE: ${meta.stride})`, '', meta.description, '', `**Remediation:** ${meta.remediation}`];
  if (meta.cwe.length) {
    const links = meta.cwe.map((cwe) => `[${cwe}](https://cwe.mitre.org/data/definitions/${cwe.replace(/^CWE-/, '')}.html)`);
    lines.push('', `**CWE:** ${links.join(', ')}`);
  }
  if (meta.compliance.length) lines.push('', `**Compliance:** ${meta.compliance.map(formatComplianceRef).join(', ')}`);
  if (meta.links?.length) lines.push('', '**References:**', ...meta.links.map((l) => `- ${l}`));
  return lines.join('\n');
}

function sarifResult(f: Finding, ruleIndex: number, fingerprint: string): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}\nFix: ${f.remediation}` },
    locations: [
      {
        physicalLocation: physicalLocation(f.location),
        ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, name: resourceName(f.resource), kind: 'resource' }] } : {}),
      },
    ],
    partialFingerprints: { 'bulwark/v1': fingerprint },
    properties: { severity: f.severity, 'security-severity': SECURITY_SEVERITY[f.severity] },
    // A suppressed finding stays in the log, marked, so code scanning shows it as dismissed with its reason.
    ...(f.suppression
      ? {
          suppressions: [
            {
              kind: f.suppression.kind === 'inline' ? ('inSource' as const) : ('external' as const),
              status: 'accepted' as const,
              ...(f.suppression.reason ? { justification: f.suppression.reason } : {}),
              ...(f.suppression.location ? { location: { physicalLocation: physicalLocation(f.suppression.location) } } : {}),
            },
          ],
        }
      : {}),
  };
  // A verified fix (from `bulwark fix --format sarif`), which SARIF viewers and editors can apply.
  if (f.fix?.edits.length) result.fixes = [sarifFix(f.fix)];
  const related: Sarif.Location[] = [];
  if (f.occurrences?.length) {
    // Every root module that reaches the problem, through its module calls.
    for (const o of f.occurrences) {
      const sites = o.callPath ?? [];
      if (!sites.length) related.push({ id: related.length + 1, message: { text: `reached from root module ${o.root} as ${o.resource ?? 'this resource'}` }, physicalLocation: physicalLocation(f.location) });
      for (const site of sites) {
        related.push({ id: related.length + 1, message: { text: `reached from root module ${o.root} through ${site.module}` }, physicalLocation: physicalLocation(site.location) });
      }
    }
  } else if (f.callPath?.length) {
    for (const site of f.callPath) related.push({ id: related.length + 1, message: { text: `called through ${site.module}` }, physicalLocation: physicalLocation(site.location) });
  }
  if (related.length) result.relatedLocations = related;
  return result;
}

function physicalLocation(location: SourceLocation): Sarif.PhysicalLocation {
  const { start, end } = location.range;
  const region: Sarif.Region = { startLine: start.line, startColumn: start.column };
  // An end before the start would make the log invalid; leave the region open instead.
  if (end.line > start.line || (end.line === start.line && end.column >= start.column)) {
    region.endLine = end.line;
    region.endColumn = end.column;
  }
  return { artifactLocation: { uri: encodeRelativeUri(location.file), uriBaseId: SRCROOT }, region };
}

function sarifFix(fix: NonNullable<Finding['fix']>): Sarif.Fix {
  const byFile = new Map<string, Sarif.Replacement[]>();
  for (const edit of fix.edits) {
    const { start, end } = edit.range;
    const replacement: Sarif.Replacement = {
      deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
      insertedContent: { text: edit.text },
    };
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), replacement]);
  }
  return {
    description: { text: fix.kind === 'needs-input' ? `${fix.description} (needs your input)` : fix.description },
    artifactChanges: [...byFile].map(([file, replacements]) => ({ artifactLocation: { uri: encodeRelativeUri(file), uriBaseId: SRCROOT }, replacements })),
  };
}

/** Files a notification names, at most: a format with thousands of unread files names the first ones. */
const NOTIFICATION_FILES = 50;

function notification(d: Diagnostic): Sarif.Notification {
  const at = (file: string) => ({ physicalLocation: { artifactLocation: { uri: encodeRelativeUri(file), uriBaseId: SRCROOT } } });
  const locations = d.location ? [{ physicalLocation: physicalLocation(d.location) }] : (d.files ?? []).slice(0, NOTIFICATION_FILES).map(at);
  return {
    level: d.severity,
    message: { text: d.message },
    descriptor: { id: d.code },
    ...(locations.length ? { locations } : {}),
    ...(d.format ? { properties: { format: d.format } } : {}),
  };
}

/**
 * The finding's own fingerprint (rule, resource, part and file: no line numbers, so moving code keeps the
 * alert); a repeat within one run gets a counter so every result stays distinct.
 */
export function partialFingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = (seen.get(f.fingerprint) ?? 0) + 1;
    seen.set(f.fingerprint, n);
    return n === 1 ? f.fingerprint : `${f.fingerprint}:${n}`;
  });
}

function encodeRelativeUri(posixPath: string): string {
  return posixPath.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(abs: string): string {
  const href = pathToFileURL(abs).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** `module.a.aws_s3_bucket.logs["x"]` → `aws_s3_bucket.logs["x"]` */
function resourceName(address: string): string {
  const parts = address.split(/\.(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  let i = 0;
  while (parts[i] === 'module' && i + 2 < parts.length) i += 2;
  return parts.slice(i).join('.');
}

function pascalCase(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
