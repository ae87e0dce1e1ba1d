// Applies proposed fixes to file texts in memory: one pass per file, fixes in a stable order, a fix
// whose edits overlap an earlier one's left for the next run, and `=` runs re-aligned where fixes
// inserted attributes. Also records which lines of the new text each fix owns, so verification can
// tell which fix a later finding belongs to.

import { realignInserted } from '../edit/hcl-align.js';
import { applyEdits, applyEditsTracked, editsConflict, mergeInsertions, offsetMapper, type TextEdit } from '../edit/text-edit.js';
import { positionsIn } from '../core/positions.js';
import { parseHcl } from '../parse/hcl/parser.js';
import type { ProposedFix, Unfixed } from './propose.js';

export interface FileChange {
  file: string;
  before: string;
  after: string;
  fixes: ProposedFix[];
  /** Per fix: the 1-based line spans of `after` its edits wrote, and the span of the resource it edited. */
  owned: Map<ProposedFix, { edits: LineSpan[]; resource: LineSpan }>;
  /** The file does not exist yet: the fixes' companion lines create it (`before` is empty). */
  created?: true;
  /** For a file only companion lines change: the fixes that asked for them. */
  companionOf?: ProposedFix[];
}

export interface LineSpan {
  from: number;
  to: number;
}

export interface Applied {
  changes: FileChange[];
  /** Fixes left out because they overlap an earlier one, or leave the file unparsable. */
  skipped: Unfixed[];
}

/**
 * `read` gives a file's text, or undefined when it cannot be read. `readCompanion` does the same for files that
 * only companion lines touch, and says `null` when the file does not exist (it is then created).
 */
export function applyFixes(
  fixes: readonly ProposedFix[],
  read: (rel: string) => string | undefined,
  readCompanion: (rel: string) => string | null | undefined = read,
): Applied {
  const byFile = new Map<string, ProposedFix[]>();
  for (const fix of fixes) {
    const list = byFile.get(fix.file);
    if (list) list.push(fix);
    else byFile.set(fix.file, [fix]);
  }
  const changes: FileChange[] = [];
  const skipped: Unfixed[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = read(file);
    if (before === undefined) {
      for (const fix of list) for (const finding of fix.findings) skipped.push({ finding, reason: `${file} could not be read` });
      continue;
    }
    const accepted: ProposedFix[] = [];
    const edits: TextEdit[] = [];
    for (const fix of ordered(list)) {
      if (!fix.edits.length) continue;
      if (editsConflict(edits, fix.edits)) {
        for (const finding of fix.findings) skipped.push({ finding, reason: 'it changes the same text as another fix; run `bulwark fix` again once that one is applied' });
        continue;
      }
      accepted.push(fix);
      edits.push(...fix.edits);
    }
    if (!accepted.length) continue;
    // New YAML keys that several fixes add under one new mapping are written as one block.
    const merged = mergeInsertions(edits);
    edits.splice(0, edits.length, ...merged);
    const applied = applyEditsTracked(before, edits);
    const mapped = offsetMapper(edits);
    const positionOf = positionsIn(applied.text);
    const lineOf = (offset: number) => positionOf(offset).line;
    const inserted = new Set<number>();
    const owned = new Map<ProposedFix, { edits: LineSpan[]; resource: LineSpan }>();
    const blocks = new Map<number, number>();
    let at = 0;
    for (const fix of accepted) {
      const spans = fix.edits.map((_, i) => applied.spans[at + i]!);
      at += fix.edits.length;
      const lines = spans.map((s) => ({ from: lineOf(s.start), to: lineOf(Math.max(s.start, s.end - 1)) }));
      for (const l of lines) for (let n = l.from; n <= l.to; n++) inserted.add(n);
      const start = mapped(fix.resourceRange.start.offset);
      const end = mapped(fix.resourceRange.end.offset);
      blocks.set(start, Math.max(end, blocks.get(start) ?? end));
      owned.set(fix, { edits: lines, resource: { from: lineOf(start), to: lineOf(end) } });
    }
    // Whitespace between names and `=` only: line numbers stay as recorded above.
    const after = applyEdits(applied.text, realignBlocks(applied.text, file, blocks, inserted, lineOf));
    changes.push({ file, before, after, fixes: accepted, owned });
  }
  changes.push(...companionChanges(changes, readCompanion));
  return { changes, skipped };
}

/**
 * The companion lines of the accepted fixes, one change per companion file: lines whose key the file does not
 * declare yet are appended. A companion file that a fix edits itself, or that cannot be read, is left alone
 * (the fix still stands: the line is advice, which its description gives).
 */
function companionChanges(changes: readonly FileChange[], read: (rel: string) => string | null | undefined): FileChange[] {
  const wanted = new Map<string, Map<string, string>>();
  const askedBy = new Map<string, Set<ProposedFix>>();
  for (const change of changes) {
    for (const fix of change.fixes) {
      for (const c of fix.companions ?? []) {
        if (changes.some((other) => other.file === c.file)) continue;
        let lines = wanted.get(c.file);
        if (!lines) wanted.set(c.file, (lines = new Map()));
        if (!lines.has(c.key)) lines.set(c.key, c.line);
        const owners = askedBy.get(c.file) ?? new Set();
        askedBy.set(c.file, owners.add(fix));
      }
    }
  }
  const out: FileChange[] = [];
  for (const [file, lines] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = read(file);
    if (before === undefined) continue;
    const text = before ?? '';
    const missing = [...lines].filter(([key]) => !declares(text, key)).map(([, line]) => line);
    if (!missing.length) continue;
    const after = `${text}${text && !text.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`;
    const companionOf = [...askedBy.get(file)!];
    out.push({ file, before: text, after, fixes: [], owned: new Map(), companionOf, ...(before === null ? { created: true as const } : {}) });
  }
  return out;
}

/** A line `KEY=…` (or `export KEY=…`, or `KEY:` in YAML) is in the text. */
function declares(text: string, key: string): boolean {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(?:export\\s+)?${name}\\s*[=:]`, 'm').test(text);
}

/**
 * Re-aligns the edited resource blocks only, each parsed on its own (a top-level block is a complete file):
 * parsing whole files again cost more than the rest of applying fixes.
 */
function realignBlocks(text: string, file: string, blocks: ReadonlyMap<number, number>, inserted: ReadonlySet<number>, lineOf: (offset: number) => number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const [start, end] of blocks) {
    const base = lineOf(start) - 1;
    const local = new Set<number>();
    for (const line of inserted) if (line > base) local.add(line - base);
    for (const edit of realignInserted(parseHcl(text.slice(start, end), file), local)) edits.push({ start: edit.start + start, end: edit.end + start, text: edit.text });
  }
  return edits;
}

/** Needs-input fixes last, so an automatic fix at the same place is never blocked by a comment. */
function ordered(list: readonly ProposedFix[]): ProposedFix[] {
  return [...list].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'automatic' ? -1 : 1));
}
