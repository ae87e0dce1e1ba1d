// Suppressions written in the scanned files: `# bulwark:ignore BW-AWS-S3-002 reason="logs bucket" until=2027-06-30`
// on a finding's line or the line above it, on (or above) the first line of its resource block, or
// `# bulwark:ignore-file ID` anywhere in the file. Found in the text of any format with `#` or `//` comments, so
// every reader gets them. A suppressed finding stays in the result, marked with its reason; an expired one
// suppresses nothing and is reported, one without a reason is reported, one that matches nothing is stale.

import type { RuleMeta } from '../core/rule-meta.js';
import type { Diagnostic, Finding } from '../core/types.js';

export interface InlineSuppression {
  file: string;
  /** 1-based line of the comment. */
  line: number;
  /** `line`: this line, the next, and the resource block it is in or above; `next-line`: only the next (KICS). */
  scope: 'line' | 'next-line' | 'block' | 'file';
  /** Whose syntax: Bulwark's ids, or another scanner's ids mapped through the rules' peer ids. */
  syntax: 'bulwark' | 'trivy' | 'checkov' | 'kics';
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
/** tfsec's and Trivy's `#tfsec:ignore:AVD-AWS-0088:exp:2025-01-02` (several may share a line). */
const TRIVY = /(?:tfsec|trivy):ignore:([A-Za-z0-9_*-]+)(?::exp:(\d{4}-\d{2}-\d{2}))?/g;
/** Checkov's `#checkov:skip=CKV_AWS_19:the reason`, inside the resource block. */
const CHECKOV = /checkov:skip=([A-Za-z0-9_]+)(?::([^\n]*))?/;
/** KICS's `# kics-scan ignore-line`, `ignore-block` and (whole file) `ignore`. */
const KICS = /kics-scan\s+(ignore-line|ignore-block|ignore)\b/;

/** Text every suppression comment contains one of: a file whose comments match none holds no suppression. */
export const SUPPRESSION_HINT = /bulwark:ignore|tfsec:ignore|trivy:ignore|checkov:skip|kics-scan/;

/** Every suppression comment of a file's text. */
export function findSuppressions(text: string, file: string): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  if (!SUPPRESSION_HINT.test(text)) return out;
  const lines = text.split('\n');
  let lineStart = 0;
  for (let i = 0; i < lines.length; lineStart += lines[i]!.length + 1, i++) {
    const text = lines[i]!;
    const inString = (at: number) => (text.slice(0, at).match(/"/g)?.length ?? 0) % 2 === 1;
    const commentAt = text.search(/#|\/\/|\/\*/);
    if (commentAt >= 0 && !inString(commentAt)) {
      const comment = text.slice(commentAt);
      const base = { file, line: i + 1, start: commentAt + 1, end: text.length + 1, startOffset: lineStart + commentAt, endOffset: lineStart + text.length };
      for (const t of comment.matchAll(TRIVY)) out.push({ ...base, scope: 'line', syntax: 'trivy', ruleIds: [t[1]!], ...(t[2] ? { until: t[2] } : {}) });
      const c = CHECKOV.exec(comment);
      if (c) out.push({ ...base, scope: 'line', syntax: 'checkov', ruleIds: [c[1]!], ...(c[2]?.trim() ? { reason: c[2].trim() } : {}) });
      const k = KICS.exec(comment);
      if (k) out.push({ ...base, scope: k[1] === 'ignore-line' ? 'next-line' : k[1] === 'ignore-block' ? 'block' : 'file', syntax: 'kics', ruleIds: ['*'] });
    }
    const m = MARKER.exec(text);
    // A marker inside a string (an odd number of quotes before it) is text, not a comment.
    if (!m || inString(m.index)) continue;
    const args = m[2]!.replace(/\*\/\s*$/, '');
    const reason = /\breason=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(args);
    const until = /\buntil=(\S+)/.exec(args)?.[1];
    const ids = args.replace(/\b(?:reason|until)=(?:"[^"]*"|'[^']*'|\S+)/g, ' ').split(/[\s,]+/).filter(Boolean);
    out.push({
      file,
      line: i + 1,
      scope: m[1] === 'ignore-file' ? 'file' : 'line',
      syntax: 'bulwark',
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
export function applyInlineSuppressions(findings: readonly Finding[], textOf: (file: string) => string | undefined, today: string, metas: readonly RuleMeta[] = []): SuppressionOutcome {
  const peersOf = new Map(metas.map((m) => [m.id, m.peers]));
  /** Whether a comment names this rule, in its own syntax. */
  const names = (s: InlineSuppression, ruleId: string): boolean => {
    if (s.syntax === 'kics' || s.ruleIds.includes('*')) return true;
    if (s.syntax === 'bulwark') return s.ruleIds.includes(ruleId);
    const peers = (s.syntax === 'trivy' ? peersOf.get(ruleId)?.trivy : peersOf.get(ruleId)?.checkov) ?? [];
    return s.ruleIds.some((id) => peers.some((p) => p.toLowerCase() === id.toLowerCase()));
  };
  /** Whether a peer comment names any rule Bulwark has (else it is for a check Bulwark lacks: not stale). */
  const known = (s: InlineSuppression): boolean => s.syntax === 'bulwark' || s.syntax === 'kics' || metas.some((m) => names(s, m.id));
  const byFile = new Map<string, InlineSuppression[]>();
  const of = (file: string): InlineSuppression[] => {
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = findSuppressions(textOf(file) ?? '', file)));
    return list;
  };
  const used = new Set<InlineSuppression>();
  const diagnostics: Diagnostic[] = [];
  const out = findings.map((f) => {
    // Already accepted in the policy: the policy's reason stands.
    if (f.suppression) return f;
    const line = f.location.range.start.line;
    const block = f.resourceLocation && f.resourceLocation.file === f.location.file ? f.resourceLocation.range : undefined;
    const covers = (s: InlineSuppression): boolean => {
      switch (s.scope) {
        case 'file': return true;
        case 'next-line': return s.line === line - 1;
        case 'block': return block !== undefined && s.line === block.start.line - 1;
        // On the finding's line or the one above, or in (or just above) its resource block.
        case 'line': return s.line === line || s.line === line - 1 || (block !== undefined && s.line >= block.start.line - 1 && s.line <= block.end.line);
      }
    };
    const match = of(f.location.file).find((s) => names(s, f.ruleId) && covers(s));
    if (!match) return f;
    used.add(match);
    if (match.until !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(match.until) || match.until < today)) return f;
    const location = where(match);
    return { ...f, suppression: { kind: 'inline' as const, ...(match.reason ? { reason: match.reason } : {}), ...(match.until ? { expires: match.until } : {}), location } };
  });
  for (const list of byFile.values()) {
    for (const s of list) {
      const at = where(s);
      const what = s.syntax === 'bulwark' ? `bulwark:${s.scope === 'file' ? 'ignore-file' : 'ignore'} ${s.ruleIds.join(' ')}` : `${s.syntax} ignore ${s.ruleIds.join(' ')}`;
      if (s.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(s.until)) diagnostics.push({ severity: 'warning', code: 'suppression-invalid', message: `${what}: until=${s.until} is not a date (YYYY-MM-DD); it suppresses nothing`, location: at });
      else if (s.until !== undefined && s.until < today && used.has(s)) diagnostics.push({ severity: 'warning', code: 'suppression-expired', message: `${what} expired on ${s.until}; its findings are reported again`, location: at });
      if (!used.has(s)) {
        if (known(s)) diagnostics.push({ severity: 'warning', code: 'suppression-stale', message: `${what} matches no finding; remove it`, location: at });
      } else if (s.reason === undefined && s.syntax === 'bulwark') diagnostics.push({ severity: 'warning', code: 'suppression-without-reason', message: `${what} gives no reason="…"; say why, so the next reader knows`, location: at });
    }
  }
  return { findings: out, diagnostics };
}

function where(s: InlineSuppression): NonNullable<Diagnostic['location']> {
  return { file: s.file, range: { start: { line: s.line, column: s.start, offset: s.startOffset }, end: { line: s.line, column: s.end, offset: s.endOffset } } };
}
