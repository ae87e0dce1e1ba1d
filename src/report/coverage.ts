// What a scan checked and what it could not, per format, for the human reports: "no findings" is said
// only about what was checked, and whatever was not checked is named.

import { FORMATS, type FormatId } from '../core/formats.js';
import { plural } from '../core/plural.js';
import type { FormatStats, ScanResult } from '../core/result.js';
import type { Diagnostic } from '../core/types.js';

/** Diagnostics the coverage section states itself, so reports do not repeat them as input problems. */
export const COVERAGE_CODES: ReadonlySet<string> = new Set(['format-not-read', 'provider-without-rules', 'types-without-rules', 'nothing-checked']);

export interface FormatCoverageLine {
  name: string;
  /** What was read and checked (or that the format is not read yet). */
  summary: string;
  /** Each thing of this format that was not checked. */
  gaps: string[];
}

export type Verdict = 'findings' | 'clean' | 'partial' | 'nothing';

export interface Coverage {
  formats: FormatCoverageLine[];
  verdict: Verdict;
  /** For a partial or empty scan: what was left unchecked, in a few words (`5 resources and 2 files`). */
  unchecked: string;
  /** `3 files, 12 resources checked` */
  checkedText: string;
}

export function coverageOf(result: ScanResult): Coverage {
  const formats = Object.entries(result.stats.formats).map(([id, stats]) => formatLine(id, stats, result.diagnostics));
  let uncheckedFiles = 0;
  let uncheckedResources = 0;
  let modules = 0;
  for (const stats of Object.values(result.stats.formats)) {
    if (!stats.read) uncheckedFiles += stats.files;
    uncheckedResources += stats.resourcesWithoutRules ?? 0;
    uncheckedResources += (stats.providersWithoutRules ?? []).reduce((n, p) => n + p.resources, 0);
    modules += stats.modulesNotEvaluated ?? 0;
  }
  uncheckedFiles += result.diagnostics.filter((d) => d.code === 'file-not-read' || d.code === 'file-too-large').length;
  const parts: string[] = [];
  if (uncheckedResources) parts.push(plural(uncheckedResources, 'resource'));
  if (uncheckedFiles) parts.push(plural(uncheckedFiles, 'file'));
  if (modules) parts.push(plural(modules, 'module'));
  const unchecked = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  const verdict: Verdict = result.findings.length ? 'findings' : result.stats.checked === 0 ? 'nothing' : unchecked ? 'partial' : 'clean';
  const resources = Object.values(result.stats.formats).reduce((n, f) => n + (f.resources !== undefined ? f.checked : 0), 0);
  const checkedText = `${plural(result.stats.files, 'file')}, ${plural(resources, 'resource')} checked`;
  return { formats, verdict, unchecked, checkedText };
}

function formatLine(id: string, stats: FormatStats, diagnostics: readonly Diagnostic[]): FormatCoverageLine {
  if (!stats.read) {
    const noun = FORMATS[id as FormatId]?.files ?? `${stats.name} files`;
    return { name: stats.name, summary: `${plural(stats.files, 'file')} not checked: Bulwark does not read ${noun} yet`, gaps: [] };
  }
  const parts = [plural(stats.files, 'file')];
  if (stats.resources !== undefined) {
    parts.push(`${plural(stats.resources, 'resource')}${stats.rootModules !== undefined ? ` in ${plural(stats.rootModules, 'root module')}` : ''}`);
    parts.push(`${stats.checked} checked`);
  } else {
    parts.push(`${stats.checked} checked`);
  }
  const gaps: string[] = [];
  if (stats.resourcesWithoutRules) {
    const types = (stats.typesWithoutRules ?? []).slice(0, 5).map((t) => `${t.type} (${t.count})`);
    gaps.push(`${plural(stats.resourcesWithoutRules, 'resource')} of types no rule covers yet: ${types.join(', ')}${(stats.typesWithoutRules?.length ?? 0) > 5 ? ', …' : ''}`);
  }
  for (const p of stats.providersWithoutRules ?? []) gaps.push(`${plural(p.resources, 'resource')} of the ${p.provider} provider, which has no rules yet`);
  if (stats.modulesNotEvaluated) gaps.push(`${plural(stats.modulesNotEvaluated, 'module')} not evaluated (registry or git source not installed; run terraform init)`);
  const other = diagnostics.filter((d) => d.format === id && (d.code === 'format-not-read' || d.code === 'file-too-large'));
  for (const d of other) gaps.push(d.message);
  return { name: stats.name, summary: parts.join(', '), gaps };
}
