// Compliance, from the one catalogue both engines share: the controls each finding fails, and, for
// `scan --compliance <framework>`, every control of that framework assessed: passed (an enabled rule
// checks it and nothing fails), failed (with the failing resources), or not assessed (no enabled rule
// checks it, so the scan says nothing about it).

import { COMPLIANCE_CATALOGUE, complianceControl, describeControl, FRAMEWORK_VERSIONS } from '../core/compliance-catalogue.js';
import { COMPLIANCE_FRAMEWORKS, type ComplianceFramework } from '../core/compliance.js';
import type { ComplianceReport, ScanResult } from '../core/result.js';
import type { RuleMeta } from '../core/rule-meta.js';
import type { Finding } from '../core/types.js';



export function frameworkFromChoice(choice: string): ComplianceFramework | undefined {
  return COMPLIANCE_FRAMEWORKS.find((f) => f.toLowerCase() === choice.toLowerCase());
}

/** Each finding with the controls its rule fails, described from the catalogue. */
export function withComplianceFailures(findings: readonly Finding[], metas: readonly RuleMeta[]): Finding[] {
  // Described once per rule: every finding of a rule fails the same controls.
  const failuresOf = new Map<string, string[]>();
  for (const m of metas) {
    failuresOf.set(
      m.id,
      m.compliance.flatMap((ref) => {
        const control = complianceControl(ref);
        return control ? [describeControl(control)] : [];
      }),
    );
  }
  return findings.map((f) => {
    const failures = failuresOf.get(f.ruleId) ?? [];
    return failures.length ? { ...f, complianceFailures: failures } : f;
  });
}

export function complianceReport(result: ScanResult, framework: ComplianceFramework, enabled: ReadonlySet<string>): ComplianceReport {
  const rules = result.rules.filter((r) => enabled.has(r.id));
  const applied = new Set(Object.values(result.stats.formats).flatMap((f) => f.rulesApplied ?? []));
  const controls = COMPLIANCE_CATALOGUE.filter((c) => c.framework === framework).map((c) => {
    const checking = rules.filter((r) => r.compliance.some((ref) => ref.framework === framework && ref.control === c.control)).map((r) => r.id);
    const failing = result.findings
      .filter((f) => !f.suppression && checking.includes(f.ruleId))
      .map((f) => ({ ruleId: f.ruleId, ...(f.resource ? { resource: f.resource } : {}), file: f.location.file, line: f.location.range.start.line }));
    const status = !checking.length
      ? ('not-assessed' as const)
      : failing.length
        ? ('fail' as const)
        : checking.some((id) => applied.has(id))
          ? ('pass' as const)
          : ('not-applicable' as const);
    return { control: c.control, ...(c.previously ? { previously: c.previously } : {}), title: c.title, status, rules: checking, failing };
  });
  return {
    framework,
    version: FRAMEWORK_VERSIONS[framework],
    passed: controls.filter((c) => c.status === 'pass').length,
    notApplicable: controls.filter((c) => c.status === 'not-applicable').length,
    failed: controls.filter((c) => c.status === 'fail').length,
    notAssessed: controls.filter((c) => c.status === 'not-assessed').length,
    controls,
  };
}

/** The report as text (or Markdown), failing controls first. */
export function renderCompliance(report: ComplianceReport, options: { markdown?: boolean; paint?: { bad: (s: string) => string; good: (s: string) => string; dim: (s: string) => string } } = {}): string {
  const p = options.paint ?? { bad: (s: string) => s, good: (s: string) => s, dim: (s: string) => s };
  const md = options.markdown ?? false;
  const out: string[] = [];
  out.push(md ? `## Compliance: ${report.framework} (${report.version})` : `COMPLIANCE ${report.framework} (${report.version})`);
  out.push(
    '',
    `${report.failed} failed, ${report.passed} passed, ${report.notApplicable} not applicable (nothing here their rules check), ` +
      `${report.notAssessed} not assessed (no enabled rule checks them).`,
    '',
  );
  const order = { fail: 0, pass: 1, 'not-applicable': 2, 'not-assessed': 3 } as const;
  for (const c of [...report.controls].sort((a, b) => order[a.status] - order[b.status])) {
    const id = `${c.control}${c.previously ? ` (v3.2.1: ${c.previously})` : ''}`;
    const mark = c.status === 'fail' ? p.bad('FAIL') : c.status === 'pass' ? p.good('pass') : p.dim(c.status === 'not-applicable' ? 'n/a' : 'not assessed');
    out.push(md ? `- **${mark}** ${id} ${c.title}` : `  ${mark.padEnd(md ? 0 : 4)}  ${id}  ${c.title}`);
    if (c.status === 'fail') {
      const shown = c.failing.slice(0, 10).map((f) => `${f.resource ?? f.ruleId} (${f.file}:${f.line}, ${f.ruleId})`);
      if (c.failing.length > 10) shown.push(`and ${c.failing.length - 10} more`);
      out.push(md ? `  - failing: ${shown.join('; ')}` : `        ${p.dim('failing:')} ${shown.join('; ')}`);
    } else if (c.status === 'pass' || c.status === 'not-applicable') {
      const how = c.status === 'pass' ? 'checked by' : 'nothing here for';
      out.push(md ? `  - ${how} ${c.rules.join(', ')}` : `        ${p.dim(`${how} ${c.rules.join(', ')}`)}`);
    }
  }
  return out.join('\n') + '\n';
}
