// SARIF 2.1.0 for threats: one result per threat, located at the diagram or description line that
// declared the element or flow, with the stable threat id as fingerprint. Tracked decisions become
// SARIF suppressions, so code-scanning dashboards show them as dismissed with the justification.

import type * as Sarif from 'sarif';
import { formatComplianceRef } from '../../core/compliance.js';
import { SARIF_SCHEMA_URI, SECURITY_SEVERITY, SRCROOT } from '../../report/sarif.js';
import type { Severity } from '../../core/types.js';
import type { Threat, ThreatReport } from '../engine/types.js';
import { THREAT_RULES } from '../knowledge/patterns/index.js';
import type { ThreatRule } from '../knowledge/types.js';
import { fromFile, mitigationLine, resolveMitigations, STRIDE_LABEL } from './register.js';
import { FORMAT_NAME, IMPORTED_RULE_IDS } from '../engine/imported.js';
import { jsonChunks, ONE_LINE_ITEMS_OVER } from '../../report/json-pieces.js';

const LEVEL: Record<Severity, Sarif.Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

export function renderThreatSarif(report: ThreatReport): string {
  return JSON.stringify(buildThreatSarif(report), null, 2) + '\n';
}

/** The same log in chunks, results one per line past ONE_LINE_ITEMS_OVER: a large design's log is hundreds of megabytes. */
export function renderThreatSarifChunks(report: ThreatReport): Iterable<string> {
  const log = buildThreatSarif(report);
  const results = log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);
  return jsonChunks(log, { compactItems: results > ONE_LINE_ITEMS_OVER });
}

export function buildThreatSarif(report: ThreatReport): Sarif.Log {
  const threats = [...report.threats, ...report.decided];
  const usedRules = new Set(threats.map((t) => t.ruleId));
  const rules = [...THREAT_RULES.filter((r) => usedRules.has(r.id)).map(descriptor), ...importedDescriptors(usedRules)]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Bulwark', version: report.tool.version, semanticVersion: report.tool.version, rules } },
        automationDetails: { id: `bulwark-model/${report.model.name}` },
        results: threats.map((t) => result(t, ruleIndex.get(t.ruleId) ?? 0, report)),
      },
    ],
  };
}

function descriptor(rule: ThreatRule): Sarif.ReportingDescriptor {
  const text = `${STRIDE_LABEL[rule.stride]} (${rule.pattern}): reported when ${rule.condition}.`;
  const mitigations = resolveMitigations(rule.mitigations);
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: `${STRIDE_LABEL[rule.stride]} threat: ${rule.pattern}` },
    fullDescription: { text },
    help: {
      text: mitigations.map((m) => `${m.title}: ${m.steps.join(' ')}`).join('\n'),
      markdown: mitigations.map((m) => `**${m.title}**\n${m.steps.map((s) => `- ${s}`).join('\n')}`).join('\n\n'),
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'threat-model', `stride/${rule.stride}`, ...rule.cwe, ...rule.cwe.map((c) => `external/cwe/${c.toLowerCase()}`)],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      stride: rule.stride,
      capec: [...rule.capec],
      compliance: rule.compliance.map(formatComplianceRef),
    },
  };
}

/** One rule per file format whose threats the design file held: they were recorded there, not derived by a rule. */
function importedDescriptors(used: ReadonlySet<string>): Sarif.ReportingDescriptor[] {
  return (Object.entries(IMPORTED_RULE_IDS) as Array<[keyof typeof IMPORTED_RULE_IDS, string]>)
    .filter(([, id]) => used.has(id))
    .map(([format, id]) => ({
      id,
      name: id.replace(/[^A-Za-z0-9]/g, ''),
      shortDescription: { text: `Threat recorded in the ${FORMAT_NAME[format]} file` },
      fullDescription: { text: `A threat the design's ${FORMAT_NAME[format]} file already held, with the severity, status and mitigation written there; Bulwark did not derive it.` },
      properties: { tags: ['security', 'threat-model', 'imported'] },
    }));
}

function result(threat: Threat, ruleIndex: number, report: ThreatReport): Sarif.Result {
  const fallbackFile = report.model.origin?.file;
  const located = threat.locations.length ? threat.locations : fallbackFile ? [{ file: fallbackFile, line: 1 }] : [];
  const locations: Sarif.Location[] = located
    .filter((l) => l.file ?? fallbackFile)
    .map((l) => ({
      physicalLocation: {
        artifactLocation: { uri: encodeUri(l.file ?? fallbackFile!), uriBaseId: SRCROOT },
        region: { startLine: l.line, ...(l.column ? { startColumn: l.column } : {}) },
      },
      logicalLocations: threat.elements.map((id) => ({ name: id, kind: 'element' })),
    }));
  const out: Sarif.Result = {
    ruleId: threat.ruleId,
    ruleIndex,
    level: LEVEL[threat.severity],
    message: {
      text: `${threat.title}. ${threat.description}${threat.origin ? ` (Recorded ${fromFile(threat)}.)` : ''} Mitigation: ${mitigationLine(threat, resolveMitigations(threat.mitigations)) || 'none recorded'}.`,
    },
    locations,
    partialFingerprints: { 'bulwarkThreatId/v1': threat.id },
    properties: {
      threatId: threat.id,
      severity: threat.severity,
      likelihood: threat.likelihood,
      riskScore: threat.riskScore,
      'security-severity': SECURITY_SEVERITY[threat.severity],
      ...(threat.origin ? { stride: threat.stride, origin: { format: threat.origin.format, id: threat.origin.id } } : {}),
      // A repository model says whether its code, configuration or auditor findings confirm the threat.
      ...(threat.verification ? { verification: threat.verification.status, ...(threat.verification.evidence.some((e) => e.rule) ? { findings: [...new Set(threat.verification.evidence.flatMap((e) => (e.rule ? [e.rule] : [])))] } : {}) } : {}),
    },
  };
  if (threat.status !== 'open' && threat.decision) {
    out.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: [threat.status, threat.decision.justification, threat.decision.owner ? `owner: ${threat.decision.owner}` : ''].filter(Boolean).join(' — '),
      },
    ];
  }
  return out;
}

function encodeUri(path: string): string {
  return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}
