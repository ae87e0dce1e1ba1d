// references/stride-patterns/*.md of the threat-modeler skill: the threat rules of the knowledge base, by
// pattern, with when each is reported, which stated design facts remove or lower it, and its mitigations.

import { formatComplianceRef } from '../core/compliance.js';
import { mitigationById } from '../model/knowledge/mitigations.js';
import { THREAT_RULES } from '../model/knowledge/patterns/index.js';
import type { ThreatRule } from '../model/knowledge/types.js';
import { STRIDE_LABEL } from '../model/knowledge/vocabulary.js';
import { GENERATED_NOTE, inline } from './markdown.js';
import { STRIDE_FILES, type StrideFile } from './stride-files.js';

/** File name → Markdown, one per entry of STRIDE_FILES. */
export function renderStridePatternFiles(): Map<string, string> {
  return new Map(STRIDE_FILES.map((file) => [file.file, renderStrideFile(file)]));
}

function renderStrideFile(file: StrideFile): string {
  const out = [
    GENERATED_NOTE,
    `# STRIDE patterns: ${file.title}`,
    '',
    `Threats Bulwark reports for ${file.scope}.`,
    '',
    'Each applies only when its condition holds in the design. A design fact under "Removed by" (stated in the',
    'diagram, the description or the YAML model) takes it away; one under "Lowered by" lowers its severity one',
    'step. `element.x` and `flow.x` are properties of the YAML model (`x: true` on the element or flow, unless a',
    'value is shown), or the same fact in words in a description or diagram label. Mitigation ids are explained',
    'in ../mitigations.md.',
    '',
  ];
  for (const pattern of file.patterns) {
    const rules = THREAT_RULES.filter((r) => r.pattern === pattern);
    if (!rules.length) continue;
    out.push(`## Pattern: ${pattern}`, '');
    for (const rule of rules) out.push(...renderRule(rule), '');
  }
  return out.join('\n').trimEnd() + '\n';
}

function renderRule(rule: ThreatRule): string[] {
  const removed = rule.controls.filter((c) => c.effect === 'remove').map((c) => `\`${c.id}\``);
  const lowered = rule.controls.filter((c) => c.effect === 'downgrade').map((c) => `\`${c.id}\``);
  const raise = [rule.raiseForSensitiveData ? 'severity +1 with PII, credentials or payment data' : '', rule.raiseForInternet ? 'likelihood +1 when reachable from the internet' : '']
    .filter(Boolean)
    .join('; ');
  const lines = [
    `### ${rule.id}: ${STRIDE_LABEL[rule.stride]} (${rule.severity}, likelihood ${rule.likelihood})`,
    '',
    `- Reported when: ${inline(rule.condition)}`,
  ];
  if (raise) lines.push(`- Raised: ${raise}`);
  if (removed.length) lines.push(`- Removed by: ${removed.join(', ')}`);
  if (lowered.length) lines.push(`- Lowered by: ${lowered.join(', ')}`);
  lines.push(`- Mitigations: ${rule.mitigations.map((id) => `\`${id}\` ${inline(mitigationById(id)?.title ?? '')}`.trim()).join('; ')}`);
  const refs = [...rule.cwe, ...rule.capec, ...rule.compliance.map(formatComplianceRef)];
  if (refs.length) lines.push(`- References: ${refs.join(', ')}`);
  return lines;
}
