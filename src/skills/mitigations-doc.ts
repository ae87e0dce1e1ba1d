// references/mitigations.md (both skills): the mitigation library, each mitigation with its steps, the
// threats it answers, the change for each stack Bulwark knows, and the auditor rules that verify it in a repository.

import { builtinRules } from '../analyze/rules/index.js';
import { MITIGATIONS } from '../model/knowledge/mitigations.js';
import { THREAT_RULES } from '../model/knowledge/patterns/index.js';
import { STACK_REMEDIATIONS } from '../model/knowledge/remediations.js';
import { MITIGATION_CHECKS } from '../model/knowledge/verified-by.js';
import { codeList, GENERATED_NOTE, inline } from './markdown.js';
import { stackLabel } from './stack-labels.js';

export function renderMitigations(): string {
  const titles = new Map(builtinRules.map((r) => [r.meta.id, r.meta.title]));
  const out = [
    GENERATED_NOTE,
    '# Mitigations',
    '',
    'The standard mitigations threat models point to (`mitigations` of each threat in `bulwark model --format json`).',
    'Each lists its steps, the threats it answers, the concrete change for the stacks Bulwark recognises, and the',
    'auditor rules that check it in infrastructure code: run `bulwark scan` and a finding of one of them means',
    'the mitigation is missing there.',
    '',
  ];
  for (const mitigation of MITIGATIONS) {
    out.push(`## ${mitigation.id}: ${inline(mitigation.title)}`, '');
    for (const step of mitigation.steps) out.push(`- ${inline(step)}`);
    const threats = THREAT_RULES.filter((r) => r.mitigations.includes(mitigation.id)).map((r) => r.id);
    if (threats.length) out.push('', `Answers: ${codeList(threats)}.`);
    const changes = STACK_REMEDIATIONS.filter((r) => r.mitigation === mitigation.id);
    if (changes.length) {
      out.push('', 'In your stack:');
      for (const change of changes) out.push(`- ${stackLabel(change) ?? 'Other stacks'}: ${inline(change.change)}`);
    }
    const checks = MITIGATION_CHECKS[mitigation.id] ?? [];
    if (checks.length) {
      out.push('', 'Verified by the auditor rules:');
      for (const id of checks) out.push(`- \`${id}\` ${inline(titles.get(id) ?? '')}`.trimEnd());
    }
    if (mitigation.references?.length) out.push('', `Further reading: ${mitigation.references.join(', ')}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
