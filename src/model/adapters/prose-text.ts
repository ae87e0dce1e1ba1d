// Cutting prose into sentences and clauses, keeping each piece's offset so notes can name its line,
// and the verb vocabulary that says which way data moves.

import { excerpt } from './text-scan.js';

export interface Span {
  text: string;
  offset: number;
}

export type VerbClass = 'inbound' | 'pull' | 'process' | 'return' | 'push';
export const VERBS: ReadonlyArray<readonly [VerbClass, string]> = [
  ['inbound', 'accept|receive|ingest|take|handle'],
  ['pull', 'read|fetch|load|pull|poll|consume|subscribe|download|get'],
  ['process', 'process|transform|resize|analy[sz]e|convert|scan|compress|transcode|render|thumbnail'],
  ['return', 'return|respond|reply|issue|hand back|send back'],
  ['push', 'place|store|save|write|put|upload|persist|insert|update|record|log|cache|archive|push|publish|send|post|submit|enqueue|emit|forward|call|invoke|notify|request|query|check|validate|verify|authenticate|use|talk|connect|charge|create|delete|sync|trigger|route|proxy|serve|pass|deliver|look|rely|depend|go|move|land|redrive|visit|browse|open'],
];
export const VERB_RE = new RegExp(`\\b(${VERBS.map(([, v]) => v).join('|')})(?:s|es|ed|d|ing)?\\b`, 'i');
const THIRD_PERSON = `(?:${VERBS.map(([, v]) => v).join('|')})(?:s|es)`;
// Separators start where a run of whitespace starts (`(?<!\s)`): tried from every space of a long run, `\s+`
// would rescan the rest of the run each time, quadratic in the run (cubic with a `\s*` in front).
export const CLAUSE_SPLIT = new RegExp(`(?:,\\s*(?:and\\s+)?|(?<!\\s)\\s+and\\s+(?:then\\s+)?)(?=${THIRD_PERSON}\\b)`, 'i');
export const RELATIVE_INTRO = new RegExp(`^(.*?\\S)\\s+(?:that|which|who)\\s+((?:${THIRD_PERSON})\\b.*)$`, 'i');
export const CHAIN_SPLIT = /(?<!\s)\s*(?:→|->|=>|⟶|⇒|,?\s+then\s+)\s*/;

export function classOf(verb: string): VerbClass {
  const lower = verb.toLowerCase();
  for (const [cls, alternatives] of VERBS) if (new RegExp(`^(?:${alternatives})$`).test(lower)) return cls;
  return 'push';
}

/** Sentences of a paragraph, keeping offsets; abbreviations and "Node.js"-style dots do not end a sentence. */
export function sentences(p: Span): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < p.text.length; i++) {
    const ch = p.text[i]!;
    if (!'.!?'.includes(ch)) continue;
    const next = p.text[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    // The word before the stop, found by walking back (a slice from the sentence start would make a long
    // run of abbreviations quadratic).
    let wordStart = i;
    while (wordStart > start && !/\s/.test(p.text[wordStart - 1]!)) wordStart--;
    const before = p.text.slice(wordStart, i).toLowerCase();
    if (/^(?:e\.g|i\.e|etc|vs|approx|incl|cf)$/.test(before)) continue;
    out.push({ text: p.text.slice(start, i + 1), offset: p.offset + start });
    start = i + 1;
    while (start < p.text.length && /\s/.test(p.text[start]!)) start++;
    i = start - 1;
  }
  if (p.text.slice(start).trim()) out.push({ text: p.text.slice(start), offset: p.offset + start });
  return out;
}

/** `;`-separated clauses (outside parentheses), then ", stores …" / " and publishes …" verb-led clauses. */
export function splitClauses(s: Span): Span[] {
  const parts: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= s.text.length; i++) {
    const ch = s.text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (i === s.text.length || (ch === ';' && depth === 0)) {
      parts.push({ text: s.text.slice(start, i), offset: s.offset + start });
      start = i + 1;
    }
  }
  return parts.flatMap((p) => splitKeepingOffsets(p, CLAUSE_SPLIT)).filter((p) => p.text.trim());
}

export function splitKeepingOffsets(s: Span, separator: RegExp): Span[] {
  const out: Span[] = [];
  const re = new RegExp(separator.source, separator.flags.includes('g') ? separator.flags : `${separator.flags}g`);
  let start = 0;
  for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ text: s.text.slice(start, m.index), offset: s.offset + start });
    start = m.index + m[0].length;
  }
  out.push({ text: s.text.slice(start), offset: s.offset + start });
  return out.filter((p) => p.text.trim());
}

/** A clause quoted in a note or an `inferredFrom`: one line, at most 120 characters. */
export function truncate(s: string): string {
  return excerpt(s, 120);
}
