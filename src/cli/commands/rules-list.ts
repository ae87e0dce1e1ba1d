// The output of `bulwark rules`: every built-in rule, sorted by id, as a table or as JSON.

import type { RuleMeta } from '../../core/rule-meta.js';
import { builtinRules } from '../../analyze/rules/index.js';
import { compareText } from '../../core/types.js';
import { SCAN_RESULT_VERSION } from '../../core/result.js';
import { inKeyOrder, type KeyOrder } from '../../report/key-order.js';
import { SCAN_RESULT_KEY_ORDER } from '../../report/scan-json-order.js';

export function listRules(format: 'text' | 'json'): string {
  const metas = builtinRules.map((r) => r.meta).sort((a, b) => compareText(a.id, b.id));
  return format === 'json' ? rulesJson(metas) : rulesTable(metas);
}

/** `{ "schemaVersion": 2, "rules": [RuleMeta...] }`: the rules exactly as the scan JSON of the same version has them. */
export function rulesJson(metas: readonly RuleMeta[]): string {
  return JSON.stringify({ schemaVersion: SCAN_RESULT_VERSION, rules: metas.map((m) => inKeyOrder(m, RULE_ORDER)) }, null, 2) + '\n';
}

/** The order of a rule's keys, as in the scan result's `rules[]`. */
const RULE_ORDER: KeyOrder = (() => {
  const top = SCAN_RESULT_KEY_ORDER as { object: [string, KeyOrder][] };
  return (top.object.find(([key]) => key === 'rules')![1] as { array: KeyOrder }).array;
})();

export function rulesTable(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => [m.id, m.severity, m.title, [...(m.peers.checkov ?? []), ...(m.peers.trivy ?? [])].join(' ')]);
  const header = ['ID', 'SEVERITY', 'TITLE', 'PEERS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line), '', `${metas.length} rules. Details: docs/rules/<ID>.md`].join('\n') + '\n';
}
