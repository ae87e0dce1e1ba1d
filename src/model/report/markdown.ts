// The Markdown threat model: what a security engineer would hand over after a design review.

import { STRIDE_CATEGORIES } from '../../core/types.js';
import { formatComplianceRef } from '../../core/compliance.js';
import type { Threat, ThreatReport } from '../engine/types.js';
import type { SourceRef } from '../schema/architecture.js';
import { markdownCode as code, markdownInline as md } from '../../core/escape.js';
import { renderMermaidDfd } from './mermaid.js';
import { boundaryOutline } from './outline.js';
import { cell, elementNames, formatCounts, mitigationsInUse, recommendedActions, resolveMitigations, STRIDE_LABEL } from './register.js';

// Everything taken from the design (names, labels, file names, excerpts) goes through `md`, `cell` or `code`.

function where(locations: readonly SourceRef[]): string {
  return md(locations.map((l) => `${l.file ? `${l.file}:` : 'line '}${l.line}`).join(', '));
}

function yesNo(value: boolean | undefined): string {
  return value === true ? 'yes' : value === false ? 'no' : '?';
}

function affected(threat: Threat, names: Map<string, string>): string {
  return threat.elements.map((id) => names.get(id) ?? id).join(' → ');
}

export function renderThreatMarkdown(report: ThreatReport): string {
  const { model } = report;
  const names = elementNames(report);
  const out: string[] = [];
  // Lists can be long (one line per flow or inference): add them one by one, never as spread arguments.
  const push = (...lines: string[]): void => pushAll(lines);
  const pushAll = (lines: Iterable<string>): void => {
    for (const line of lines) out.push(line);
  };
  const actions = recommendedActions(report);

  push(`# Threat model: ${md(model.name)}`, '');
  if (model.description) push(md(model.description), '');
  push(
    `**${report.threats.length} open threat${report.threats.length === 1 ? '' : 's'}** (${formatCounts(report.counts)}) across ${model.elements.length} components, ${model.flows.length} data flows and ${model.boundaries.length} trust boundaries.` +
      (report.mitigatedByDesign.length ? ` ${report.mitigatedByDesign.length} further threat${report.mitigatedByDesign.length === 1 ? ' is' : 's are'} mitigated by the design.` : ''),
    '',
  );

  push('## Risk register', '');
  push(`| Severity | Count |`, `|---|---|`);
  for (const s of ['critical', 'high', 'medium', 'low'] as const) push(`| ${s[0]!.toUpperCase()}${s.slice(1)} | ${report.counts[s]} |`);
  push('');
  if (report.threats.length) {
    push('| # | Risk | Severity | Likelihood | STRIDE | Threat | Affected | Mitigation | Id |', '|---|---|---|---|---|---|---|---|---|');
    for (const a of actions) {
      const t = a.threat;
      push(
        `| ${a.rank} | ${t.riskScore.toFixed(1)} | ${t.severity.toUpperCase()} | ${t.likelihood} | ${STRIDE_LABEL[t.stride]} | ${cell(t.title)} | ${cell(affected(t, names))} | ${cell(a.mitigations.map((m) => m.title).join('; '))} | ${code(t.id, true)} |`,
      );
    }
    push('');
  } else push('No open threats.', '');

  if (actions.length) {
    push('## Recommended actions', '', 'In risk order. Steps are given for critical and high risks.', '');
    for (const a of actions) {
      const t = a.threat;
      push(`${a.rank}. **${md(t.title)}** (${t.severity.toUpperCase()}, risk ${t.riskScore.toFixed(1)}): ${a.mitigations.map((m) => m.title).join('; ')}`);
      if (t.severity === 'critical' || t.severity === 'high') for (const m of a.mitigations) for (const step of m.steps) push(`   - ${step}`);
    }
    push('');
  }

  push('## Threats by STRIDE category', '');
  for (const category of STRIDE_CATEGORIES) {
    const threats = report.threats.filter((t) => t.stride === category);
    push(`### ${STRIDE_LABEL[category]} (${threats.length})`, '');
    if (!threats.length) {
      push('No open threats in this category for this design.', '');
      continue;
    }
    for (const t of threats) {
      push(`#### ${md(t.title)}`, '');
      push(`${code(t.id)} · **${t.severity.toUpperCase()}** · likelihood ${t.likelihood} · risk ${t.riskScore.toFixed(1)}/10${t.locations.length ? ` · ${where(t.locations)}` : ''}`, '');
      push(md(t.description), '');
      if (t.adjustments.length) pushAll([...t.adjustments.map((a) => `- ${md(a)}`), '']);
      const refs = [t.cwe.join(', '), t.capec.join(', '), t.compliance.map(formatComplianceRef).join(', ')].filter(Boolean).join(' · ');
      if (refs) push(`References: ${refs}`, '');
      push(`Mitigation: ${resolveMitigations(t.mitigations).map((m) => m.title).join('; ')}`, '');
      if (t.decision?.status === 'open' && t.decision.justification) push(`Tracking note: ${md(t.decision.justification)}`, '');
    }
  }

  push('## Components', '', '| Component | Kind | Technology | Trust boundary | Internet-facing | Data | Line |', '|---|---|---|---|---|---|---|');
  const boundaryName = new Map(model.boundaries.map((b) => [b.id, b.name]));
  const assetName = new Map(model.dataAssets.map((d) => [d.id, `${d.name} (${d.classification})`]));
  const surfaces = new Map(report.attackSurfaces.map((s) => [s.element, s]));
  for (const e of model.elements) {
    push(
      `| ${cell(e.name)} | ${e.kind} | ${cell(e.technology ?? '')} | ${cell(e.boundary ? (boundaryName.get(e.boundary) ?? e.boundary) : '')} | ${surfaces.get(e.id)?.internetFacing ? 'yes' : 'no'} | ${cell(e.data.map((d) => assetName.get(d) ?? d).join(', '))} | ${e.location?.line ?? ''} |`,
    );
  }
  push('');

  push('## Data flows', '', '| From | To | Label | Protocol | Encrypted | Authenticated | Data | Crosses |', '|---|---|---|---|---|---|---|---|');
  const crossings = new Map(report.crossings.map((c) => [c.flow, c]));
  for (const f of model.flows) {
    const c = crossings.get(f.id);
    push(
      `| ${cell(names.get(f.source) ?? f.source)} | ${cell(names.get(f.target) ?? f.target)} | ${cell(f.label ?? '')} | ${cell(f.protocol ?? '')}${f.port !== undefined ? `:${f.port}` : ''} | ${yesNo(c?.encrypted ?? f.encrypted)} | ${yesNo(f.authenticated)} | ${cell(f.data.map((d) => assetName.get(d) ?? d).join(', '))} | ${cell(c ? c.boundaries.join(', ') : '')} |`,
    );
  }
  push('');

  push('## Trust boundaries', '');
  if (!model.boundaries.length) push('The design declares no trust boundaries; actors and external systems outside every boundary are treated as the internet.', '');
  for (const { boundary: b, depth, members } of boundaryOutline(model)) {
    const inside = members.map((e) => e.name);
    push(`${'  '.repeat(depth)}- **${md(b.name)}** (${b.type})${inside.length ? `: ${md(inside.join(', '))}` : ''}`);
  }
  if (model.boundaries.length) push('');

  push('## Attack surfaces', '');
  if (!report.attackSurfaces.length) push('No element receives flows from another trust zone.', '');
  for (const s of report.attackSurfaces) {
    const entries = s.entryPoints.map((p) => `${p.from}${p.protocol ? ` (${p.protocol}${p.port !== undefined ? `:${p.port}` : ''})` : ''}`);
    push(`- **${md(s.name)}**: ${s.internetFacing ? `internet-facing (${md(s.exposure ?? '')})` : 'internal'}; entry points: ${entries.length ? md(entries.join(', ')) : 'none drawn'}; ${s.openThreats} open threat${s.openThreats === 1 ? '' : 's'}`);
  }
  if (report.attackSurfaces.length) push('');

  push('## Data-flow diagram', '', '```mermaid', renderMermaidDfd(report).trimEnd(), '```', '');

  const library = mitigationsInUse(report, actions);
  if (library.length) {
    push('## Mitigations', '');
    for (const m of library) pushAll([`### ${m.title} (\`${m.id}\`)`, '', ...m.steps.map((s) => `- ${s}`), '']);
  }

  if (report.mitigatedByDesign.length) {
    push('## Mitigated by design', '', 'These threats apply to this kind of design, but a control the design states removes them:', '');
    for (const t of report.mitigatedByDesign) push(`- ${md(t.title)} (${code(t.id)}): not reported because ${md(t.suppressedBy.join('; '))}`);
    push('');
  }

  if (report.decided.length) {
    push('## Tracked decisions', '', '| Threat | Status | Justification | Owner | Expires |', '|---|---|---|---|---|');
    for (const t of report.decided) {
      push(`| ${cell(t.title)} (${code(t.id, true)}) | ${t.status} | ${cell(t.decision?.justification ?? '')} | ${cell(t.decision?.owner ?? '')} | ${cell(t.decision?.expires ?? '')} |`);
    }
    push('');
  }

  if (report.inferred.length) {
    push('## What was inferred', '', 'Check these; correct the model where they are wrong:', '');
    pushAll(report.inferred.map((i) => `- ${md(i)}`));
    push('');
  }
  if (report.warnings.length) {
    push('## Warnings', '');
    pushAll(report.warnings.map((w) => `- ${md(w)}`));
    push('');
  }
  return out.join('\n');
}
