// A baseline: the fingerprints of the findings a team accepts for now (legacy code with a thousand violations),
// so that a scan reports only what is new and says which accepted findings have since been fixed. Fingerprints
// name the rule, the resource, the attribute and the file, never lines or message text, so inserting lines,
// reformatting or rewording keeps them; paths stay relative to the project root.

import { z } from 'zod';
import type { Finding } from '../core/types.js';

export const BASELINE_VERSION = 1;
/** The file `bulwark baseline` writes when not told otherwise. */
export const DEFAULT_BASELINE_FILE = 'bulwark-baseline.json';
/** A baseline of a huge legacy estate is still well under this. */
export const MAX_BASELINE_BYTES = 16 * 1024 * 1024;

const EntrySchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  ruleId: z.string().min(1),
  file: z.string(),
  resource: z.string().optional(),
});
export type BaselineEntry = z.infer<typeof EntrySchema>;

export const BaselineSchema = z.strictObject({
  baselineVersion: z.literal(BASELINE_VERSION),
  findings: z.array(EntrySchema),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export class BaselineError extends Error {}

/** The baseline of these findings (not those already suppressed with a reason), sorted so the file diffs well. */
export function buildBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.filter((f) => !f.suppression).map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.location.file, ...(f.resource ? { resource: f.resource } : {}) }));
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const seen = new Set<string>();
  return { baselineVersion: BASELINE_VERSION, findings: entries.filter((e) => !seen.has(e.fingerprint) && seen.add(e.fingerprint)) };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** A baseline file's text, validated; BaselineError with a one-line reason otherwise. */
export function parseBaseline(text: string, shown: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text around the error, line breaks and all: one line, and not too long.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
    throw new BaselineError(`${shown} is not JSON: ${reason}`);
  }
  const parsed = BaselineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new BaselineError(`${shown} is not a Bulwark baseline: ${issue.message}${where}`);
  }
  return parsed.data;
}

export interface BaselineOutcome {
  /** Findings not in the baseline: what the scan reports. */
  fresh: Finding[];
  /** How many findings the baseline accepted. */
  accepted: number;
  /** Baseline entries no finding matches any more: fixed since the baseline was taken. */
  fixed: BaselineEntry[];
}

export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineOutcome {
  const known = new Map(baseline.findings.map((e) => [e.fingerprint, e]));
  const matched = new Set<string>();
  const fresh: Finding[] = [];
  for (const f of findings) {
    if (known.has(f.fingerprint)) matched.add(f.fingerprint);
    else fresh.push(f);
  }
  return { fresh, accepted: findings.length - fresh.length, fixed: baseline.findings.filter((e) => !matched.has(e.fingerprint)) };
}
