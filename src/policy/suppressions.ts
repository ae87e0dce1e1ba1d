// Findings the policy accepts (`suppressions:` in bulwark.yaml): by rule, narrowed by resource, files or
// fingerprint, each with a reason and, where it applies, an owner and an expiry. A matched finding is marked
// (kind `config`), never dropped; an expired entry suppresses nothing and is reported, and one that matches
// no finding is reported as stale — so the exception list cannot silently outlive what it excused.

import ignore from 'ignore';
import type { Diagnostic, Finding } from '../core/types.js';
import type { Policy } from './schema.js';

export function applyPolicySuppressions(findings: readonly Finding[], policy: Policy, today: string): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const entries = policy.suppressions.map((s) => ({ ...s, files: s.entry.paths ? ignore().add(s.entry.paths) : undefined, used: false }));
  const out = findings.map((f) => {
    if (f.suppression) return f;
    const match = entries.find(({ entry, files }) =>
      (entry.rule === '*' || entry.rule === f.ruleId) &&
      (entry.resource === undefined || entry.resource === f.resource) &&
      (entry.fingerprint === undefined || entry.fingerprint === f.fingerprint) &&
      (files === undefined || files.ignores(f.location.file)),
    );
    if (!match) return f;
    match.used = true;
    const { entry } = match;
    if (entry.expires !== undefined && entry.expires < today) return f;
    const reason = entry.owner ? `${entry.reason} (owner: ${entry.owner})` : entry.reason;
    return { ...f, suppression: { kind: 'config' as const, reason, ...(entry.expires ? { expires: entry.expires } : {}) } };
  });
  const diagnostics: Diagnostic[] = [];
  for (const { entry, file, line, used } of entries) {
    const where = `${file}${line ? `:${line}` : ''}`;
    const what = `suppression of ${entry.rule}${entry.resource ? ` on ${entry.resource}` : ''}`;
    if (!used) diagnostics.push({ severity: 'warning', code: 'suppression-stale', message: `${where}: ${what} matches no finding; remove it` });
    else if (entry.expires !== undefined && entry.expires < today) diagnostics.push({ severity: 'warning', code: 'suppression-expired', message: `${where}: ${what} expired on ${entry.expires}${entry.owner ? ` (owner: ${entry.owner})` : ''}; its findings are reported again` });
  }
  return { findings: out, diagnostics };
}
