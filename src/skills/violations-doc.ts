// references/violations-library.md (iac-security-auditor): every auditor rule with its severity, the
// violation, the fix and whether `bulwark fix` makes it, by provider and service; the mission's day-one
// violations first, as a table, and marked where they appear in the full list.

import { builtinRules } from '../analyze/rules/index.js';
import type { Rule } from '../analyze/rule.js';
import { FORMATS, type FormatId } from '../core/formats.js';
import { cell, codeList, GENERATED_NOTE, inline } from './markdown.js';
import { MISSION_VIOLATIONS } from './mission-violations.js';
import { readsFormat } from './formats-read.js';

const DAY_ONE = '(day one)';

export function renderViolationsLibrary(rules: readonly Rule[] = builtinRules): string {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const dayOne = new Set(MISSION_VIOLATIONS.flatMap((v) => v.rules));
  const out = [
    GENERATED_NOTE,
    '# Violations library',
    '',
    `Every rule \`bulwark scan\` checks (${rules.length}), with what it finds and how to fix it. Look a finding's`,
    '`ruleId` up here. "Automatic fix: yes" means `bulwark fix` proposes a verified change (shown as a diff,',
    'written only with `--write`); where it needs a decision it writes a `# NEEDS YOUR INPUT:` comment instead of guessing.',
    '',
    '## Day-one violations',
    '',
    `The violations the library must know from day one; their rules are marked ${DAY_ONE} below.`,
    '',
    '| format | violation | risk | rules | automatic fix |',
    '|---|---|---|---|---|',
  ];
  for (const v of MISSION_VIOLATIONS) {
    const fixable = v.rules.filter((id) => byId.get(id)?.fix);
    const fix = fixable.length === v.rules.length ? 'yes' : fixable.length ? `${codeList(fixable)} only` : 'no';
    out.push(`| ${v.format} | ${cell(v.violation)} | ${cell(v.risk)} | ${codeList(v.rules)} | ${fix} |`);
  }
  if (!readsFormat('cloudformation')) {
    out.push('', 'CloudFormation templates are found but not checked yet: `bulwark scan` names them in a `format-not-read` diagnostic. The Terraform/CFN rows are checked in Terraform.');
  }
  out.push('');
  let section = '';
  for (const rule of rules) {
    const { meta } = rule;
    const heading = `${providerName(meta.provider)}: ${meta.service}`;
    if (heading !== section) {
      section = heading;
      out.push(`## ${heading}`, '');
    }
    out.push(`### ${meta.id} (${meta.severity})${dayOne.has(meta.id) ? ` ${DAY_ONE}` : ''}: ${inline(meta.title)}`, '');
    out.push(`- Violation: ${inline(meta.problem)}`);
    out.push(`- Fix: ${inline(meta.remediation)}`);
    out.push(`- Automatic fix: ${rule.fix ? 'yes' : `no. ${inline(rule.noFix ?? 'It needs a person to decide.')}`}`);
    const formats = (Object.keys(rule.examples) as FormatId[]).map((id) => FORMATS[id]?.name ?? id);
    if (formats.length) out.push(`- Formats: ${formats.join(', ')}`);
    if (meta.uses?.length) out.push(`- Safe defaults it reads: ${codeList(meta.uses)}${meta.requires?.length ? ` (runs only when the policy sets ${codeList(meta.requires)})` : ''}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

function providerName(provider: Rule['meta']['provider']): string {
  return { aws: 'AWS', kubernetes: 'Kubernetes', docker: 'Docker', generic: 'Generic' }[provider];
}
