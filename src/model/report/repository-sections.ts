// Sections of the Markdown report that a model inferred from a repository adds: the executive summary with
// production readiness, what the auditor run found and where its findings went, each threat's verification
// (the lines and findings that confirm or mitigate it), and the compliance considerations the open threats
// raise, titled from the one compliance catalogue.

import { complianceControl, describeControl, FRAMEWORK_VERSIONS } from '../../core/compliance-catalogue.js';
import type { ComplianceFramework } from '../../core/compliance.js';
import { SEVERITIES } from '../../core/types.js';
import type { Threat, ThreatReport } from '../engine/types.js';
import type { Architecture } from '../schema/architecture.js';
import type { RecommendedAction } from './register.js';
import { remediationFor, type Stack } from '../knowledge/remediations.js';

type Md = (text: string) => string;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Confirmed, mitigated and unverified counts, and whether the system is ready to go to production. */
export function summarySection(report: ThreatReport, md: Md): string[] {
  const open = report.threats;
  const confirmed = open.filter((t) => t.verification?.status === 'confirmed');
  const serious = open.filter((t) => t.severity === 'critical' || t.severity === 'high');
  const seriousConfirmed = serious.filter((t) => t.verification?.status === 'confirmed');
  const mitigatedWithEvidence = report.mitigatedByDesign.filter((t) => t.verification?.evidence.length);
  const out = ['## Summary', ''];
  const readiness = seriousConfirmed.length
    ? `**Not ready for production**: ${plural(serious.length, 'critical or high threat')} open, ${seriousConfirmed.length} of them confirmed by the repository.`
    : serious.length
      ? `**Review before production**: ${plural(serious.length, 'critical or high threat')} open that the architecture implies and nothing in the repository confirms or removes; check ${serious.length === 1 ? 'it' : 'them'}.`
      : open.length
      ? `**Ready with conditions**: no critical or high threat is open; ${plural(open.length, 'medium or low threat')} remain${open.length === 1 ? 's' : ''} to plan.`
      : '**No open threat** for what the repository shows.';
  out.push(readiness, '');
  out.push(
    `- ${plural(confirmed.length, 'open threat')} confirmed by code, configuration or auditor findings; ${plural(open.length - confirmed.length, 'open threat')} implied by the architecture alone (unverified: check them).`,
  );
  if (report.mitigatedByDesign.length) out.push(`- ${plural(report.mitigatedByDesign.length, 'threat')} mitigated${mitigatedWithEvidence.length ? `, ${mitigatedWithEvidence.length} with the lines that show it` : ''}.`);
  const top = serious.slice(0, 5);
  if (top.length) {
    out.push('- Fix first:');
    for (const t of top) out.push(`  - ${md(t.title)} (${t.severity.toUpperCase()}${t.verification?.evidence[0] ? `, ${md(`${t.verification.evidence[0].file}:${t.verification.evidence[0].line}`)}` : ''})`);
  }
  out.push('');
  return out;
}

/** What the auditor checked in the same repository, and the findings it could not place on an element. */
export function auditLines(audit: NonNullable<NonNullable<ThreatReport['sources']>['audit']>, md: Md): string[] {
  const out: string[] = [];
  if (!audit.files) {
    out.push('- Audited: no Terraform, Kubernetes, Dockerfile or compose file for the auditor to check.');
    return out;
  }
  out.push(
    `- Audited ${plural(audit.files, 'file')} (${md(audit.formats.join(', '))}) with the auditor's rules: ${plural(audit.findings, 'finding')}, ${audit.joined} shown as evidence on ${plural(audit.elements, 'component')}. Run \`bulwark scan\` for every finding and its fix, and for secrets in other files.`,
  );
  if (audit.unmatched.length) out.push(`- Auditor findings on no modelled component: ${audit.unmatched.map((u) => `${u.rule} × ${u.count} (${md(u.example)}${u.count > 1 ? ', …' : ''})`).join('; ')}.`);
  for (const u of audit.unreadable) out.push(`- Warning: the auditor could not parse ${md(u)}: what it holds is not checked.`);
  return out;
}

const STATUS_TEXT: Record<NonNullable<Threat['verification']>['status'], string> = {
  confirmed: '**Confirmed** by the repository',
  mitigated: '**Mitigated**, as the repository shows',
  unverified: '_Unverified_: implied by the architecture; nothing in the repository confirms or removes it',
};

/** A threat's verification, with its evidence lines (auditor findings marked with their rule). */
export function verificationLines(threat: Threat, md: Md): string[] {
  const v = threat.verification;
  if (!v) return [];
  const out = [`${STATUS_TEXT[v.status]}${v.evidence.length ? ':' : '.'}`];
  for (const e of v.evidence) out.push(`- ${md(`${e.file}:${e.line}`)}: ${e.rule ? `auditor ${e.rule}: ` : ''}${md(e.rule ? e.says.replace(`${e.rule}: `, '') : e.says)}`);
  out.push('');
  return out;
}

/** The frameworks named in the mission's reports first, then the rest of the catalogue. */
const FRAMEWORK_ORDER: readonly ComplianceFramework[] = ['PCI-DSS', 'GDPR', 'SOC2', 'HIPAA', 'ISO27001', 'NIST-800-53', 'CIS-AWS'];
const SHOWN_FRAMEWORKS: ReadonlySet<ComplianceFramework> = new Set(['PCI-DSS', 'GDPR', 'SOC2', 'HIPAA']);
const THREATS_PER_CONTROL = 3;

/** For each framework, the controls the open threats put at risk, with the threats (worst first). */
export function complianceSection(report: ThreatReport, md: Md): string[] {
  const byControl = new Map<string, { framework: ComplianceFramework; text: string; threats: Threat[] }>();
  for (const t of report.threats) {
    for (const ref of t.compliance) {
      if (!SHOWN_FRAMEWORKS.has(ref.framework)) continue;
      const key = `${ref.framework} ${ref.control}`;
      let entry = byControl.get(key);
      if (!entry) {
        const control = complianceControl(ref);
        byControl.set(key, (entry = { framework: ref.framework, text: control ? describeControl(control) : key, threats: [] }));
      }
      entry.threats.push(t);
    }
  }
  if (!byControl.size) return [];
  const out = ['## Compliance considerations', '', 'Controls the open threats put at risk, by framework. A threat is evidence for an assessor only once fixed and verified; this is not a compliance assessment.', ''];
  for (const framework of FRAMEWORK_ORDER) {
    const entries = [...byControl.values()].filter((e) => e.framework === framework).sort((a, b) => a.text.localeCompare(b.text, 'en', { numeric: true }));
    if (!entries.length) continue;
    out.push(`### ${framework === 'SOC2' ? 'SOC 2' : framework === 'PCI-DSS' ? 'PCI DSS' : framework} (${md(FRAMEWORK_VERSIONS[framework])})`, '');
    for (const e of entries) {
      const shown = e.threats.slice(0, THREATS_PER_CONTROL).map((t) => md(t.title));
      const more = e.threats.length - shown.length;
      out.push(`- ${md(e.text)}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
    }
    out.push('');
  }
  return out;
}

/** Gaps listed at most (as the report's other lists); the rest are in the register and the JSON report. */
const MARKDOWN_LIST_CAP = 1_000;
/** At most this many evidence lines are linked per gap; the threat's own section lists them all. */
const EVIDENCE_LINKS = 4;

/** The open threats as gaps grouped by severity, each with its evidence and the change to make in this stack. */
export function gapsSection(report: ThreatReport, actions: readonly RecommendedAction[], md: Md): string[] {
  const owner = new Map<object, Architecture['elements'][number]>();
  for (const e of report.model.elements) for (const x of e.evidence ?? []) owner.set(x, e);
  const elements = new Map(report.model.elements.map((e) => [e.id, e]));
  const out = ['## Gaps and remediation', '', 'By severity, then risk. Each gap links the lines that show it and the change to make in this repository.', ''];
  let shown = 0;
  for (const severity of SEVERITIES) {
    const group = actions.filter((a) => a.threat.severity === severity);
    if (!group.length) continue;
    out.push(`### ${severity[0]!.toUpperCase()}${severity.slice(1)} (${group.length})`, '');
    for (const a of group) {
      if (shown++ >= MARKDOWN_LIST_CAP) break;
      const t = a.threat;
      out.push(`- **${md(t.title)}** (risk ${t.riskScore.toFixed(1)}, \`${md(t.id)}\`): ${md(a.mitigations.map((m) => m.title).join('; '))}`);
      const evidence = t.verification?.evidence ?? [];
      if (evidence.length) {
        const links = evidence.slice(0, EVIDENCE_LINKS).map((e) => `${e.file}:${e.line}${e.rule ? ` (${e.rule})` : ''}`);
        out.push(`  - Evidence: ${md(links.join(', '))}${evidence.length > EVIDENCE_LINKS ? ', …' : ''}`);
      } else out.push('  - Evidence: none in the repository; implied by the architecture (check it).');
      const parts = [...t.elements.map((id) => elements.get(id)), ...evidence.map((e) => owner.get(e))].filter((e) => e !== undefined && e.kind !== 'actor');
      const stack: Stack = {
        technologies: [...new Set(parts.map((e) => e!.technology ?? ''))],
        files: [...new Set([...parts.flatMap((e) => (e!.evidence ?? []).map((x) => x.file)), ...t.locations.flatMap((l) => (l.file ? [l.file] : []))])],
      };
      for (const m of a.mitigations) {
        const fix = remediationFor(m.id, stack);
        // The knowledge base's own text, written as Markdown (code spans): shown as it is.
        out.push(`  - Fix: ${fix ? fix.change : md(m.steps[0] ?? m.title)}`);
      }
    }
    out.push('');
  }
  if (shown > MARKDOWN_LIST_CAP) out.push(`_${actions.length - MARKDOWN_LIST_CAP} more gaps are in the risk register and the JSON report._`, '');
  return out;
}
