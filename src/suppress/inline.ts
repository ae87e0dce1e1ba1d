// Suppressions written in the scanned files: `# bulwark:ignore BW-AWS-S3-002 reason="logs bucket" until=2027-06-30`
// on a finding's line or the line above it, on (or above) the first line of its resource block, or
// `# bulwark:ignore-file ID` anywhere in the file. Found in the text of any format with `#` or `//` comments, so
// every reader gets them. A suppressed finding stays in the result, marked with its reason; an expired one
// suppresses nothing and is reported, one without a reason is reported, one that matches nothing is stale.

import type { Diagnostic, Finding } from '../core/types.js';

export interface InlineSuppression {
  file: string;
  /** 1-based line of the comment. */
  line: number;
  scope: 'line' | 'file';
  /** Rule ids, or `*` for every rule. */
  ruleIds: string[];
  reason?: string;
  until?: string;
  /** Where the comment is, for its location: columns (1-based) and offsets. */
  start: number;
  end: number;
  startOffset: number;
  endOffset: number;
}

const MARKER = /(?:#|\/\/|\/\*)\s*bulwark:(ignore-file|ignore)\b([^\n]*)/;

/** Every suppression comment of a file's text. */
export function findSuppressions(text: string, file: string): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  if (!text.includes('bulwark:ignore')) return out;
  const lines = text.split('\n');
  let lineStart = 0;
  for (let i = 0; i < lines.length; lineStart += lines[i]!.length + 1, i++) {
    const m = MARKER.exec(lines[i]!);
    // A marker inside a string (an odd number of quotes before it) is text, not a comment.
    if (!m || (lines[i]!.slice(0, m.index).match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const args = m[2]!.replace(/\*\/\s*$/, '');
    const reason = /\breason=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(args);
    const until = /\buntil=(\S+)/.exec(args)?.[1];
    const ids = args.replace(/\b(?:reason|until)=(?:"[^"]*"|'[^']*'|\S+)/g, ' ').split(/[\s,]+/).filter(Boolean);
    out.push({
      file,
      line: i + 1,
      scope: m[1] === 'ignore-file' ? 'file' : 'line',
      ruleIds: ids.length ? ids : ['*'],
      ...(reason ? { reason: reason[1] ?? reason[2] ?? reason[3]! } : {}),
      ...(until ? { until } : {}),
      start: m.index + 1,
      end: lines[i]!.length + 1,
      startOffset: lineStart + m.index,
      endOffset: lineStart + lines[i]!.length,
    });
  }
  return out;
}

export interface SuppressionOutcome {
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * Marks the findings the comments suppress. `textOf` gives a file's text (undefined when it cannot be read);
 * `today` is the ISO date expiry is judged against.
 */
export function applyInlineSuppressions(findings: readonly Finding[], textOf: (file: string) => string | undefined, today: string): SuppressionOutcome {
  const byFile = new Map<string, InlineSuppression[]>();
  const of = (file: string): InlineSuppression[] => {
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = findSuppressions(textOf(file) ?? '', file)));
    return list;
  };
  const used = new Set<InlineSuppression>();
  const diagnostics: Diagnostic[] = [];
  const out = findings.map((f) => {
    const lines = new Set([f.location.range.start.line, f.location.range.start.line - 1]);
    if (f.resourceLocation && f.resourceLocation.file === f.location.file) {
      lines.add(f.resourceLocation.range.start.line);
      lines.add(f.resourceLocation.range.start.line - 1);
    }
    const match = of(f.location.file).find((s) => (s.ruleIds.includes(f.ruleId) || s.ruleIds.includes('*')) && (s.scope === 'file' || lines.has(s.line)));
    if (!match) return f;
    used.add(match);
    if (match.until !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(match.until) || match.until < today)) return f;
    const location = where(match);
    return { ...f, suppression: { kind: 'inline' as const, ...(match.reason ? { reason: match.reason } : {}), ...(match.until ? { expires: match.until } : {}), location } };
  });
  for (const list of byFile.values()) {
    for (const s of list) {
      const at = where(s);
      const what = `bulwark:${s.scope === 'file' ? 'ignore-file' : 'ignore'} ${s.ruleIds.join(' ')}`;
      if (s.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(s.until)) diagnostics.push({ severity: 'warning', code: 'suppression-invalid', message: `${what}: until=${s.until} is not a date (YYYY-MM-DD); it suppresses nothing`, location: at });
      else if (s.until !== undefined && s.until < today && used.has(s)) diagnostics.push({ severity: 'warning', code: 'suppression-expired', message: `${what} expired on ${s.until}; its findings are reported again`, location: at });
      if (!used.has(s)) diagnostics.push({ severity: 'warning', code: 'suppression-stale', message: `${what} matches no finding; remove it`, location: at });
      else if (s.reason === undefined) diagnostics.push({ severity: 'warning', code: 'suppression-without-reason', message: `${what} gives no reason="…"; say why, so the next reader knows`, location: at });
    }
  }
  return { findings: out, diagnostics };
}

function where(s: InlineSuppression): NonNullable<Diagnostic['location']> {
  return { file: s.file, range: { start: { line: s.line, column: s.start, offset: s.startOffset }, end: { line: s.line, column: s.end, offset: s.endOffset } } };
}
