// The knowledge base as Markdown, generated from the rule and mitigation metadata (never written twice).

import { formatComplianceRef } from '../../core/compliance.js';
import { MITIGATIONS } from '../knowledge/mitigations.js';
import { MITIGATION_CHECKS } from '../knowledge/verified-by.js';
import { THREAT_RULES } from '../knowledge/patterns/index.js';
import { PATTERNS } from '../knowledge/types.js';
import { cell, STRIDE_LABEL } from './register.js';

export function renderKnowledgeBaseMarkdown(): string {
  const out: string[] = [];
  for (const pattern of PATTERNS) {
    const rules = THREAT_RULES.filter((r) => r.pattern === pattern);
    if (!rules.length) continue;
    out.push(`### ${pattern}`, '', '| Id | STRIDE | Base severity / likelihood | Reported when | Removed or lowered by | CWE | Compliance | Mitigations |', '|---|---|---|---|---|---|---|---|');
    for (const r of rules) {
      const raise = [r.raiseForSensitiveData ? 'severity +1 with PII/credentials/payment data' : '', r.raiseForInternet ? 'likelihood +1 from the internet' : ''].filter(Boolean).join('; ');
      const controls = r.controls.map((c) => `\`${c.id}\`${c.effect === 'downgrade' ? ' (lowers)' : ''}`).join(', ');
      out.push(
        `| \`${r.id}\` | ${STRIDE_LABEL[r.stride]} | ${r.severity} / ${r.likelihood}${raise ? ` (${raise})` : ''} | ${cell(r.condition)} | ${controls || '—'} | ${r.cwe.join(', ')} | ${r.compliance.map(formatComplianceRef).join(', ')} | ${r.mitigations.map((m) => `\`${m}\``).join(', ')} |`,
      );
    }
    out.push('');
  }
  out.push('### Mitigation library', '');
  for (const m of MITIGATIONS) {
    const checks = MITIGATION_CHECKS[m.id] ?? [];
    out.push(`- **\`${m.id}\`: ${m.title}.** ${m.steps.join(' ')}${checks.length ? ` Verified in a repository by the auditor's ${checks.map((c) => `\`${c}\``).join(', ')}.` : ''}`);
  }
  return out.join('\n') + '\n';
}
