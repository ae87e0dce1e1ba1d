// Rendering a threat diff between two designs: text for terminals, Markdown for PR comments, JSON for tools.

import type { ThreatDiff } from '../engine/diff.js';
import type { Threat } from '../engine/types.js';
import { markdownCode as code, visible as plain } from '../../core/escape.js';
import { cell, STRIDE_LABEL } from './register.js';

// Titles, ids and reasons carry names from the design: shown escaped, never raw.

function line(t: Threat): string {
  return `${t.severity.toUpperCase()} ${STRIDE_LABEL[t.stride]}: ${plain(t.title)} [${plain(t.id)}]`;
}

export function renderDiffText(diff: ThreatDiff): string {
  const out: string[] = [];
  const left = diff.replaced.length ? `, ${diff.replaced.length} left by stated controls` : '';
  out.push(`Threats: ${diff.added.length} added, ${diff.removed.length} removed${left}, ${diff.changed.length} changed severity, ${diff.unchanged} unchanged.`);
  if (diff.added.length) {
    out.push('', 'Added:');
    for (const t of diff.added) out.push(`  + ${line(t)}`);
  }
  if (diff.removed.length) {
    out.push('', 'Removed:');
    for (const t of diff.removed) {
      const why = diff.nowMitigatedByDesign.get(t.id);
      out.push(`  - ${line(t)}${why ? ` (mitigated by design: ${plain(why.join('; '))})` : ''}`);
    }
  }
  if (diff.replaced.length) {
    out.push('', 'Left by a stated control (lower than what it replaced):');
    for (const r of diff.replaced) out.push(`  > ${line(r.threat)}, replacing ${r.replaces.map((p) => `${p.severity.toUpperCase()} [${plain(p.id)}]`).join(', ')}`);
  }
  if (diff.changed.length) {
    out.push('', 'Changed severity:');
    for (const c of diff.changed) out.push(`  ~ ${c.before.toUpperCase()} → ${c.after.toUpperCase()}: ${plain(c.threat.title)} [${plain(c.id)}]`);
  }
  return out.join('\n') + '\n';
}

export function renderDiffMarkdown(diff: ThreatDiff): string {
  const out: string[] = ['## Threat model changes', ''];
  const left = diff.replaced.length ? `, ${diff.replaced.length} left by stated controls` : '';
  out.push(`**${diff.added.length} added**, **${diff.removed.length} removed**${left}, ${diff.changed.length} changed severity, ${diff.unchanged} unchanged.`, '');
  if (diff.added.length || diff.removed.length || diff.changed.length || diff.replaced.length) {
    out.push('| Change | Severity | STRIDE | Threat | Id |', '|---|---|---|---|---|');
    for (const t of diff.added) out.push(`| added | ${t.severity.toUpperCase()} | ${STRIDE_LABEL[t.stride]} | ${cell(t.title)} | ${code(t.id, true)} |`);
    for (const t of diff.removed) {
      const why = diff.nowMitigatedByDesign.get(t.id);
      out.push(`| removed | ${t.severity.toUpperCase()} | ${STRIDE_LABEL[t.stride]} | ${cell(t.title)}${why ? ` (mitigated by design: ${cell(why.join('; '))})` : ''} | ${code(t.id, true)} |`);
    }
    for (const r of diff.replaced) {
      const what = r.replaces.map((p) => code(p.id, true)).join(', ');
      out.push(`| left by a control | ${r.threat.severity.toUpperCase()} | ${STRIDE_LABEL[r.threat.stride]} | ${cell(r.threat.title)} (replaces ${what}) | ${code(r.threat.id, true)} |`);
    }
    for (const c of diff.changed) out.push(`| severity | ${c.before.toUpperCase()} → ${c.after.toUpperCase()} | ${STRIDE_LABEL[c.threat.stride]} | ${cell(c.threat.title)} | ${code(c.id, true)} |`);
    out.push('');
  }
  return out.join('\n');
}

export function renderDiffJson(diff: ThreatDiff): string {
  return (
    JSON.stringify(
      {
        schemaVersion: 1,
        added: diff.added,
        replaced: diff.replaced.map((r) => ({ ...r.threat, replaces: r.replaces.map((p) => p.id) })),
        removed: diff.removed.map((t) => ({ ...t, ...(diff.nowMitigatedByDesign.has(t.id) ? { mitigatedByDesign: diff.nowMitigatedByDesign.get(t.id) } : {}) })),
        changed: diff.changed.map((c) => ({ id: c.id, before: c.before, after: c.after, title: c.threat.title })),
        unchanged: diff.unchanged,
      },
      null,
      2,
    ) + '\n'
  );
}
