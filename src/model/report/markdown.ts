// The Markdown threat model: what a security engineer would hand over after a design review.

import { rateBoundaries } from './boundary-ratings.js';
import { rateComponentBoundaries } from './component-boundaries.js';
import { attackSurfaceLines } from './repository-surfaces.js';
import { STRIDE_CATEGORIES } from '../../core/types.js';
import { formatComplianceRef } from '../../core/compliance.js';
import type { Threat, ThreatReport } from '../engine/types.js';
import type { SourceRef } from '../schema/architecture.js';
import { markdownCode as code, markdownInline as md } from '../../core/escape.js';
import { renderMermaidDfd } from './mermaid.js';
import { boundaryOutline } from './outline.js';
import { auditLines, complianceSection, gapsSection, summarySection, verificationLines } from './repository-sections.js';
import { cell, elementNames, formatCounts, fromFile, mitigationLine, mitigationsInUse, recommendedActions, resolveMitigations, STRIDE_LABEL } from './register.js';

// Everything taken from the design (names, labels, file names, excerpts) goes through `md`, `cell` or `code`.

function where(locations: readonly SourceRef[]): string {
  return md(locations.map((l) => `${l.file ? `${l.file}:` : 'line '}${l.line}`).join(', '));
}

function yesNo(value: boolean | undefined): string {
  return value === true ? 'yes' : value === false ? 'no' : '?';
}

/**
 * Rows of each list the Markdown report shows. It is read by people: a design with hundreds of thousands of
 * flows gave a 264 MB page (and 2.5 GB of memory to build it). Past the cap a line says how many more there
 * are and that the JSON report has them all; the counts above every list are always complete.
 */
export const MARKDOWN_LIST_CAP = 1_000;

/** Past this many elements or flows the data-flow diagram is left out: no Mermaid renderer draws it. */
export const MARKDOWN_DIAGRAM_CAP = { elements: 300, flows: 600 };

function* capped<T>(items: readonly T[], what: string): Generator<T | { more: string }> {
  const shown = Math.min(items.length, MARKDOWN_LIST_CAP);
  for (let i = 0; i < shown; i++) yield items[i]!;
  if (items.length > shown) yield { more: `_… and ${(items.length - shown).toLocaleString('en-US')} more ${what}, not shown here; \`--format json\` lists them all._` };
}

function isMore<T>(item: T | { more: string }): item is { more: string } {
  return typeof item === 'object' && item !== null && 'more' in item && Object.keys(item).length === 1;
}

/** The mark a threat the design file held carries in tables. */
function marked(threat: Threat): string {
  return threat.origin ? ` _(${fromFile(threat)})_` : '';
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

  if (report.sources) {
    pushAll(summarySection(report, md));
    pushAll(sourcesSection(report.sources));
  }

  push('## Risk register', '');
  push(`| Severity | Count |`, `|---|---|`);
  for (const s of ['critical', 'high', 'medium', 'low'] as const) push(`| ${s[0]!.toUpperCase()}${s.slice(1)} | ${report.counts[s]} |`);
  push('');
  if (report.threats.length) {
    push('| # | Risk | Severity × exploitability × data | STRIDE | Threat | Affected | Mitigation | Id |', '|---|---|---|---|---|---|---|---|');
    for (const a of capped(actions, 'threats')) {
      if (isMore(a)) {
        push('', a.more);
        break;
      }
      const t = a.threat;
      push(
        `| ${a.rank} | ${t.riskScore.toFixed(1)} | ${t.severity.toUpperCase()} ${t.risk.severityWeight} × ${t.risk.exploitability.factor.toFixed(1)} × ${t.risk.dataSensitivity.factor.toFixed(1)} | ${STRIDE_LABEL[t.stride]} | ${cell(t.title)}${marked(t)} | ${cell(affected(t, names))} | ${cell(mitigationLine(t, a.mitigations))} | ${code(t.id, true)} |`,
      );
    }
    push('');
  } else push('No open threats.', '');

  if (actions.length && report.sources) pushAll(gapsSection(report, actions, md));
  else if (actions.length) {
    push('## Recommended actions', '', 'In risk order. Steps are given for critical and high risks.', '');
    for (const a of capped(actions, 'actions')) {
      if (isMore(a)) {
        push('', a.more);
        break;
      }
      const t = a.threat;
      push(`${a.rank}. **${md(t.title)}** (${t.severity.toUpperCase()}, risk ${t.riskScore.toFixed(1)}${t.origin ? `, ${fromFile(t)}` : ''}): ${md(mitigationLine(t, a.mitigations))}`);
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
    for (const t of capped(threats, 'threats in this category')) {
      if (isMore(t)) {
        push(t.more, '');
        break;
      }
      push(`#### ${md(t.title)}`, '');
      const r = t.risk;
      const factors = `severity ${r.severityWeight} × exploitability ${r.exploitability.factor.toFixed(1)} × data ${r.dataSensitivity.factor.toFixed(1)}`;
      push(`${code(t.id)} · **${t.severity.toUpperCase()}** · risk ${t.riskScore.toFixed(1)}/10 (${factors})${t.locations.length ? ` · ${where(t.locations)}` : ''}`, '');
      push(md(t.description), '');
      pushAll(verificationLines(t, md));
      if (t.origin) push(`Recorded ${fromFile(t)}: id ${code(t.origin.id)}${t.origin.type ? `, type "${md(t.origin.type)}"` : ''}${t.origin.status ? `, status "${md(t.origin.status)}"` : ''}.`, '');
      push(`- exploitability: ${md(r.exploitability.reason)}; data: ${md(r.dataSensitivity.reason)}`);
      pushAll([...t.adjustments.map((a) => `- ${md(a)}`), '']);
      const refs = [t.cwe.join(', '), t.capec.join(', '), t.compliance.map(formatComplianceRef).join(', ')].filter(Boolean).join(' · ');
      if (refs) push(`References: ${refs}`, '');
      push(`Mitigation: ${t.origin ? md(mitigationLine(t, [])) || '_none recorded in the file_' : resolveMitigations(t.mitigations).map((m) => m.title).join('; ')}`, '');
      if (t.decision?.status === 'open' && t.decision.justification) push(`Tracking note: ${md(t.decision.justification)}`, '');
    }
  }

  push('## Components', '', '| Component | Kind | Technology | Trust boundary | Internet-facing | Data | Line |', '|---|---|---|---|---|---|---|');
  const boundaryName = new Map(model.boundaries.map((b) => [b.id, b.name]));
  const assetName = new Map(model.dataAssets.map((d) => [d.id, `${d.name} (${d.classification})`]));
  const surfaces = new Map(report.attackSurfaces.map((s) => [s.element, s]));
  for (const e of capped(model.elements, 'components')) {
    if (isMore(e)) {
      push('', e.more);
      break;
    }
    push(
      `| ${cell(e.name)} | ${e.kind} | ${cell(e.technology ?? '')} | ${cell(e.boundary ? (boundaryName.get(e.boundary) ?? e.boundary) : '')} | ${surfaces.get(e.id)?.internetFacing ? 'yes' : 'no'} | ${cell(e.data.map((d) => assetName.get(d) ?? d).join(', '))} | ${e.location?.line ?? ''} |`,
    );
  }
  push('');

  pushAll(evidenceSection(model.elements, (e) => e.name, 'Evidence for the components'));

  push('## Data flows', '', '| From | To | Label | Protocol | Encrypted | Authenticated | Data | Crosses |', '|---|---|---|---|---|---|---|---|');
  const crossings = new Map(report.crossings.map((c) => [c.flow, c]));
  for (const f of capped(model.flows, 'data flows')) {
    if (isMore(f)) {
      push('', f.more);
      break;
    }
    const c = crossings.get(f.id);
    push(
      `| ${cell(names.get(f.source) ?? f.source)} | ${cell(names.get(f.target) ?? f.target)} | ${cell(f.label ?? '')} | ${cell(f.protocol ?? '')}${f.port !== undefined ? `:${f.port}` : ''} | ${yesNo(c?.encrypted ?? f.encrypted)} | ${yesNo(f.authenticated)} | ${cell(f.data.map((d) => assetName.get(d) ?? d).join(', '))} | ${cell(c ? c.boundaries.join(', ') : '')} |`,
    );
  }
  push('');

  pushAll(evidenceSection(model.flows, (f) => `${names.get(f.source) ?? f.source} → ${names.get(f.target) ?? f.target}`, 'Evidence for the data flows'));

  push('## Trust boundaries', '');
  if (!model.boundaries.length) push('The design declares no trust boundaries; actors and external systems outside every boundary are treated as the internet.', '');
  const ratings = new Map(rateBoundaries(report).map((r) => [r.boundary, r]));
  for (const { boundary: b, depth, members } of boundaryOutline(model)) {
    const inside = members.map((e) => e.name);
    const rated = ratings.get(b.id);
    const rating = rated ? ` — **${rated.rating.toUpperCase()}**: ${md(rated.reasons.join('; '))}` : '';
    push(`${'  '.repeat(depth)}- **${md(b.name)}** (${b.type})${inside.length ? `: ${md(inside.join(', '))}` : ''}${rating}`);
  }
  if (model.boundaries.length) push('', '_Each boundary is rated by what crosses it: critical when an internet flow crosses with neither authentication nor TLS, high when a crossing flow lacks one of them or leads to a high threat, medium when they are not stated._', '');
  if (report.sources) pushAll(componentBoundaryLines(report));

  push('## Attack surfaces', '');
  if (report.sources) pushAll(attackSurfaceLines(report, md));
  else if (!report.attackSurfaces.length) push('No element receives flows from another trust zone.', '');
  for (const s of report.sources ? [] : capped(report.attackSurfaces, 'attack surfaces')) {
    if (isMore(s)) {
      push('', s.more);
      break;
    }
    const entries = s.entryPoints.map((p) => `${p.from}${p.protocol ? ` (${p.protocol}${p.port !== undefined ? `:${p.port}` : ''})` : ''}`);
    push(`- **${md(s.name)}**: ${s.internetFacing ? `internet-facing (${md(s.exposure ?? '')})` : 'internal'}; entry points: ${entries.length ? md(entries.join(', ')) : 'none drawn'}; ${s.openThreats} open threat${s.openThreats === 1 ? '' : 's'}`);
  }
  if (report.attackSurfaces.length && !report.sources) push('');

  if (model.elements.length <= MARKDOWN_DIAGRAM_CAP.elements && model.flows.length <= MARKDOWN_DIAGRAM_CAP.flows) {
    push('## Data-flow diagram', '', '```mermaid', renderMermaidDfd(report).trimEnd(), '```', '');
  } else {
    push('## Data-flow diagram', '', `_Left out: ${model.elements.length.toLocaleString('en-US')} components and ${model.flows.length.toLocaleString('en-US')} data flows are more than a diagram can show (${MARKDOWN_DIAGRAM_CAP.elements} components or ${MARKDOWN_DIAGRAM_CAP.flows} flows at most here); \`--format mermaid\` writes it anyway._`, '');
  }

  if (report.sources) pushAll(complianceSection(report, md));
  const library = mitigationsInUse(report, actions);
  if (library.length) {
    push('## Mitigations', '');
    for (const m of library) pushAll([`### ${m.title} (\`${m.id}\`)`, '', ...m.steps.map((s) => `- ${s}`), '']);
  }

  if (report.mitigatedByDesign.length) {
    push('## Mitigated by design', '', 'These threats apply to this kind of design, but a control the design states removes them:', '');
    for (const t of capped(report.mitigatedByDesign, 'threats mitigated by design')) {
      push(isMore(t) ? t.more : `- ${md(t.title)} (${code(t.id)}): not reported because ${md(t.suppressedBy.join('; '))}${shownAt(t)}`);
    }
    push('');
  }

  if (report.decided.length) {
    push('## Tracked decisions', '', '| Threat | Status | Justification | Owner | Expires |', '|---|---|---|---|---|');
    for (const t of report.decided) {
      push(`| ${cell(t.title)}${marked(t)} (${code(t.id, true)}) | ${t.status} | ${cell(t.decision?.justification ?? '')} | ${cell(t.decision?.owner ?? '')} | ${cell(t.decision?.expires ?? '')} |`);
    }
    push('');
  }

  if (report.inferred.length) {
    push('## What was inferred', '', 'Check these; correct the model where they are wrong:', '');
    for (const i of capped(report.inferred, 'inferences')) push(isMore(i) ? i.more : `- ${md(i)}`);
    push('');
  }
  if (report.warnings.length) {
    push('## Warnings', '');
    for (const w of capped(report.warnings, 'warnings')) push(isMore(w) ? w.more : `- ${md(w)}`);
    push('');
  }
  return out.join('\n');
}

/** Each pair of components that exchange data meets at a process or container boundary, rated the same way. */
function componentBoundaryLines(report: ThreatReport): string[] {
  const { pairs, more } = rateComponentBoundaries(report);
  if (!pairs.length) return [];
  const names = elementNames(report);
  const out = ['### Between components', '', 'Each component runs in its own process or container; where two exchange data, that boundary is rated by what crosses it.', ''];
  for (const p of pairs) out.push(`- **${md(p.between.map((id) => names.get(id) ?? id).join(' ↔ '))}** — **${p.rating.toUpperCase()}**: ${md(p.reasons.join('; '))}`);
  if (more) out.push(`- and ${more} more pairs of components`);
  out.push('');
  return out;
}

/** Where the repository shows a threat mitigated: `(shown at api/src/server.js:21)`. */
function shownAt(threat: Threat): string {
  const lines = threat.verification?.evidence.filter((e) => !e.rule).map((e) => `${e.file}:${e.line}`) ?? [];
  return lines.length ? ` (shown at ${md(lines.slice(0, 3).join(', '))}${lines.length > 3 ? ', …' : ''})` : '';
}

/** Which files a repository model was read from, and what the repository holds that it does not read yet. */
function sourcesSection(sources: NonNullable<ThreatReport['sources']>): string[] {
  const out = ['## Sources', ''];
  const bySource = new Map<string, string[]>();
  for (const r of sources.read) {
    const files = bySource.get(r.source);
    if (files) files.push(r.file);
    else bySource.set(r.source, [r.file]);
  }
  const label: Record<string, string> = { compose: 'compose file', design: 'design document', node: 'JavaScript/TypeScript file', terraform: 'Terraform file', kubernetes: 'Kubernetes manifest', dockerfile: 'Dockerfile', python: 'Python file' };
  // The JSON report lists every file; here a few name the kind, the rest are counted.
  const NAMED = 20;
  for (const [source, files] of bySource) {
    const named = files.slice(0, NAMED).join(', ') + (files.length > NAMED ? `, and ${files.length - NAMED} more` : '');
    out.push(`- Read ${files.length} ${label[source] ?? source}${files.length === 1 ? '' : 's'}: ${md(named)}`);
  }
  if (!sources.read.length) out.push('- No file was read.');
  for (const n of sources.notModelled) out.push(`- **Not modelled yet**: ${md(n.what)}, ${n.files} file${n.files === 1 ? '' : 's'} (${md(n.examples.join(', '))}${n.files > n.examples.length ? ', …' : ''}): what they show is not in this report.`);
  if (sources.audit) out.push(...auditLines(sources.audit, md));
  for (const n of sources.notes) out.push(`- ${n.level === 'warning' ? 'Warning: ' : ''}${md(`${n.file ? `${n.file}${n.line ? `:${n.line}` : ''}: ` : ''}${n.message}`)}`);
  out.push('');
  return out;
}

/** The lines that show each element or flow, for models inferred from a repository. */
function evidenceSection<T extends { evidence?: { file: string; line: number; says: string }[] }>(items: readonly T[], nameOf: (item: T) => string, title: string): string[] {
  const shown = items.filter((i) => i.evidence?.length).slice(0, MARKDOWN_LIST_CAP);
  if (!shown.length) return [];
  const out = [`### ${title}`, ''];
  for (const item of shown) {
    out.push(`- **${md(nameOf(item))}**`);
    for (const e of item.evidence!) out.push(`  - ${md(`${e.file}:${e.line}`)}: ${md(e.says)}`);
  }
  out.push('');
  return out;
}
