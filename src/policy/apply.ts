// The policy's rule settings applied to a scan's findings (the "decide" stage): a rule or every rule a
// selector names is turned off or given another severity, everywhere or only in the files its `paths` match.
// More specific selectors win (`*`, then tags, then rule ids); among equals, the later one (the local file
// after what it extends). A selector that names no rule is reported, so a typo never silently does nothing.

import ignore from 'ignore';
import type { RuleMeta } from '../core/rule-meta.js';
import type { Finding, Severity } from '../core/types.js';
import type { Policy, RuleSetting } from './schema.js';

export interface PolicyOutcome {
  findings: Finding[];
  /** Findings dropped because a setting turned their rule off where they are. */
  turnedOff: number;
  /** Findings whose severity a setting changed. */
  reclassified: number;
  /** One line each, with file and line. */
  warnings: string[];
}

const TAG_KINDS = ['service', 'provider', 'stride', 'cwe'] as const;

/** Which rules a selector names: `*`, a rule id, or `kind:value` over the rules' metadata. */
function selects(selector: string, meta: RuleMeta): boolean {
  if (selector === '*') return true;
  const colon = selector.indexOf(':');
  if (colon < 0) return selector === meta.id;
  const kind = selector.slice(0, colon).toLowerCase();
  const value = selector.slice(colon + 1).toLowerCase();
  switch (kind) {
    case 'service': return meta.service.toLowerCase() === value;
    case 'provider': return meta.provider === value;
    case 'stride': return meta.stride === value;
    case 'cwe': return meta.cwe.some((c) => c.toLowerCase() === value);
    default: return false;
  }
}

function specificity(selector: string): number {
  return selector === '*' ? 0 : selector.includes(':') ? 1 : 2;
}

export function applyPolicy(findings: readonly Finding[], metas: readonly RuleMeta[], policy: Policy): PolicyOutcome {
  const warnings: string[] = [];
  const settings = policy.rules
    .map((s, order) => ({ ...s, order, inPaths: s.setting !== 'off' && typeof s.setting === 'object' && s.setting.paths ? ignore().add(s.setting.paths) : undefined }))
    .sort((a, b) => specificity(a.selector) - specificity(b.selector) || a.order - b.order);
  for (const s of settings) {
    const colon = s.selector.indexOf(':');
    const where = `${s.file}${s.line ? `:${s.line}` : ''}`;
    if (colon >= 0 && !(TAG_KINDS as readonly string[]).includes(s.selector.slice(0, colon).toLowerCase())) {
      warnings.push(`${where}: rules."${s.selector}" is not a rule id or a known tag (${TAG_KINDS.map((k) => `${k}:…`).join(', ')}); it applies to nothing`);
    } else if (!metas.some((m) => selects(s.selector, m))) {
      warnings.push(`${where}: rules."${s.selector}" names no rule Bulwark has; it applies to nothing`);
    }
  }
  const byId = new Map(metas.map((m) => [m.id, m]));
  const out: Finding[] = [];
  let turnedOff = 0;
  let reclassified = 0;
  for (const finding of findings) {
    const meta = byId.get(finding.ruleId);
    let enabled = true;
    let severity: Severity = finding.severity;
    for (const s of settings) {
      if (!(meta ? selects(s.selector, meta) : s.selector === finding.ruleId || s.selector === '*')) continue;
      if (s.inPaths && !s.inPaths.ignores(finding.location.file)) continue;
      ({ enabled, severity } = applySetting(s.setting, enabled, severity));
    }
    if (!enabled) {
      turnedOff++;
      continue;
    }
    if (severity !== finding.severity) reclassified++;
    out.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return { findings: out, turnedOff, reclassified, warnings };
}

function applySetting(setting: RuleSetting, enabled: boolean, severity: Severity): { enabled: boolean; severity: Severity } {
  if (setting === 'off') return { enabled: false, severity };
  if (typeof setting === 'string') return { enabled: true, severity: setting };
  return { enabled: setting.enabled ?? (setting.severity !== undefined ? true : enabled), severity: setting.severity ?? severity };
}

/**
 * Ids of the rules the policy leaves on (somewhere: a rule on only for some paths counts as on). A rule that needs
 * a safe default the policy does not set does not run, so it is not on.
 */
export function enabledRuleIds(metas: readonly RuleMeta[], policy: Policy | undefined): Set<string> {
  const runnable = (meta: RuleMeta) => (meta.requires ?? []).every((name) => policy?.safeDefaults[name] !== undefined);
  if (!policy) return new Set(metas.filter(runnable).map((m) => m.id));
  const settings = policy.rules
    .map((s, order) => ({ ...s, order }))
    .sort((a, b) => specificity(a.selector) - specificity(b.selector) || a.order - b.order);
  const on = new Set<string>();
  for (const meta of metas) {
    let enabled = true;
    for (const s of settings) {
      if (!selects(s.selector, meta)) continue;
      if (typeof s.setting === 'object' && s.setting !== null && s.setting.paths) continue;
      ({ enabled } = applySetting(s.setting, enabled, meta.severity));
    }
    if (enabled && runnable(meta)) on.add(meta.id);
  }
  return on;
}
