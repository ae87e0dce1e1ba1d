// The output of `bulwark rules`: every built-in rule, sorted by id, as a table or as JSON.

import type { RuleMeta } from '../../core/rule-meta.js';
import { builtinRules } from '../../analyze/rules/index.js';
import { compareText } from '../../core/types.js';
import { ruleMeta } from '../../report/json.js';

export function listRules(format: 'text' | 'json'): string {
  const metas = builtinRules.map((r) => r.meta).sort((a, b) => compareText(a.id, b.id));
  return format === 'json' ? rulesJson(metas) : rulesTable(metas);
}

/** `{ "schemaVersion": 1, "rules": [RuleMeta...] }`, keys in the same order as the scan JSON. */
export function rulesJson(metas: readonly RuleMeta[]): string {
  return JSON.stringify({ schemaVersion: 1, rules: metas.map(ruleMeta) }, null, 2) + '\n';
}

export function rulesTable(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => [m.id, m.severity, m.title, [...(m.peers.checkov ?? []), ...(m.peers.trivy ?? [])].join(' ')]);
  const header = ['ID', 'SEVERITY', 'TITLE', 'PEERS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line), '', `${metas.length} rules. Details: docs/rules/<ID>.md`].join('\n') + '\n';
}
