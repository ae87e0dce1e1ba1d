// Plain-language descriptions → architecture, deterministically (no LLM). Text is cut into sentences,
// "that:" lists, bullets, `;` clauses and `→` chains; each clause names components (prose-mentions), a verb
// says which way data moves, and stated controls set properties. Everything inferred quotes its words.

import { DATA_HOLDING_KINDS, type ElementKind } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import type { SourceLine } from './source.js';
import { elementControls, flowControls } from './prose-controls.js';
import { findMentions, type Mention } from './prose-mentions.js';
import { CHAIN_SPLIT, classOf, RELATIVE_INTRO, sentences, splitClauses, splitKeepingOffsets, truncate, VERB_RE, type Span, type VerbClass } from './prose-text.js';
import { dataAssetsIn } from './vocabulary.js';
import { splitAtColon } from './text-scan.js';

const LEADING_FILLER = /^\s*(?:(?:the|a|an|our|then|and|finally|first|next|also)\s+)*$/i;
const STORE_KINDS: ReadonlySet<ElementKind> = new Set(['bucket', 'datastore', 'queue', 'cache', 'secret-store']);
/** What a list after a colon starts with: a verb ("accepts user uploads; stores …"). */
const LEADING_VERB = new RegExp(`^\\s*${VERB_RE.source}`, 'i');
const HOLDS = /\b(?:holds?|contains?|keeps?|stores?|persists?|has)\b/i;
/** How many callers back along a chain ("A → B → C → returns …") a reply is carried. */
const MAX_REPLY_HOPS = 20;
/** "through the gateway", "via an Express API": the words just before a mention, looked at within this reach. */
const VIA_BEFORE = /\b(?:through|via|behind)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w.]*\s+)?$/;
const VIA_REACH = 80;

/** A sentence without its final `.`, `!` or `?` marks and trailing space (a loop, not a backtracking pattern). */
function withoutFinalStop(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  const spaceEnd = end;
  while (end > 0 && '.!?'.includes(text[end - 1]!)) end--;
  return end === spaceEnd ? text : text.slice(0, end);
}

interface ClauseParts {
  c: Span;
  subject: string | undefined;
  explicitSubject: boolean;
  otherKeys: Array<{ key: string; m: Mention }>;
  data: string[];
  ctx: ClauseContext;
}

interface ClauseContext {
  implicitSubject?: string;
  chainNext?: string;
  callers?: string[];
  carriedData?: string[];
}

export function parseProse(lines: readonly SourceLine[], builder: ModelBuilder): void {
  new ProseReader(builder, lines).read();
  if (builder.elements.size > 0) {
    builder.note(
      'info',
      `inferred ${builder.elements.size} component(s) and ${builder.flows.length} flow(s) from the description; each says what words it came from (inferredFrom) — check and correct them, or export the model to YAML and edit it`,
    );
  }
}

/** Signed or presigned download URLs, however written. */
const SIGNED_URLS = /\b(?:pre-?)?signed[- ]urls?\b/i;
const SIGNED_URL_GENERATOR = 'name:signed-url generator';

class ProseReader {
  private readonly full: string;
  private readonly lineStarts: Array<{ offset: number; line: number }> = [];
  private listSubject?: string;
  private lastSubject?: string;
  private doer?: string;
  private readonly storedIn = new Map<string, string>();
  private readonly requesters = new Map<string, string>();
  /** The latest element named with each head noun or last word, to resolve bare references ("the API"). */
  private readonly latestByHead = new Map<string, string>();
  /** The latest element of each kind, for bare references by kind ("the database"). */
  private readonly latestByKind = new Map<ElementKind, string>();
  /** The latest element by the last two words of a longer name ("Express backend API" → "backend api"). */
  private readonly latestByEnding = new Map<string, string>();
  /** Each clause quoted once, however many components it names. */
  private readonly quoted = new WeakMap<Span, string>();

  constructor(
    private readonly builder: ModelBuilder,
    private readonly lines: readonly SourceLine[],
  ) {
    let offset = 0;
    for (const l of lines) {
      this.lineStarts.push({ offset, line: l.line });
      offset += l.text.length + 1;
    }
    this.full = lines.map((l) => l.text).join('\n');
  }

  read(): void {
    // `[ \t]*`, not `\s*`: after a line anchor, `\s*` would rescan every following blank line from each line.
    const description = this.full.replace(/^[ \t]*#.*$/gm, '').replace(/\s+/g, ' ').trim();
    if (description) this.builder.description = description.length > 2000 ? `${description.slice(0, 1997)}...` : description;
    let paragraph: Span | undefined;
    const flush = () => {
      if (paragraph) for (const s of sentences(paragraph)) this.sentence(s, false);
      paragraph = undefined;
    };
    this.lines.forEach((l, i) => {
      const offset = this.lineStarts[i]!.offset;
      const heading = /^\s*#{1,6}\s+(.*)$/.exec(l.text);
      const bullet = /^(\s*(?:[-*+•]|\d+[.)])\s+)(.*)$/.exec(l.text);
      if (heading) {
        flush();
        this.builder.name ??= heading[1]!.trim();
      } else if (bullet) {
        flush();
        this.sentence({ text: bullet[2]!, offset: offset + bullet[1]!.length }, true);
      } else if (!l.text.trim()) {
        flush();
        // Markdown puts a blank line between "We're building a web API that:" and its bullets: they still belong to it.
        if (!/:\s*$/.test(this.lines[i - 1]?.text ?? '')) this.listSubject = undefined;
      } else if (paragraph) {
        paragraph.text += ` ${l.text}`;
      } else {
        paragraph = { text: l.text, offset };
      }
    });
    flush();
  }

  /** The line an offset is on: binary search over the line starts. */
  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0) return 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]!.offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]!.offset <= offset ? starts[lo]!.line : starts[0]!.line;
  }

  private quote(clause: Span): string {
    let text = this.quoted.get(clause);
    if (text === undefined) this.quoted.set(clause, (text = truncate(clause.text)));
    return text;
  }

  private sentence(span: Span, isBullet: boolean): void {
    // A line break inside a sentence is a space: the patterns below read one line (`.` stops at a break), and
    // a stray carriage return made the relative-clause pattern retry from every "that" (quadratic). Same
    // length, so offsets hold.
    const text = withoutFinalStop(span.text).replace(/[\n\r\u2028\u2029]/g, ' ');
    if (!text.trim()) return;
    const s: Span = { text, offset: span.offset };
    if (!isBullet) this.doer = undefined;
    // "a web API that: accepts …; stores …" and "a web API that accepts …; stores …" both list what X does.
    // "Access-Control-Allow-Origin: *" is a value, not a list: a list after a colon says what something does.
    const split = splitAtColon(text);
    const colon = split && (split[2] === undefined || split[2].includes(';') || LEADING_VERB.test(split[2])) ? split : undefined;
    const relative = colon ? undefined : RELATIVE_INTRO.exec(text);
    const intro = colon ?? relative;
    if (intro && !/\b(?:https?|wss?)$/i.test(intro[1]!) && intro[1]!.trim()) {
      const head: Span = { text: intro[1]!, offset: s.offset };
      let subject: string | undefined;
      if (relative) {
        // "The API writes to a queue that triggers …": the intro is a clause of its own, and "that" is the queue.
        if (VERB_RE.test(head.text)) this.clause(head, this.lastSubject ? { implicitSubject: this.lastSubject } : {});
        subject = this.lastMention(head);
      } else {
        subject = this.leadingOrFirstMention(head);
      }
      this.listSubject = subject ?? this.lastSubject;
      if (intro[2]) {
        const itemsOffset = s.offset + text.indexOf(intro[2], intro[1]!.length);
        for (const item of splitClauses({ text: intro[2], offset: itemsOffset })) this.clause(item, { implicitSubject: this.listSubject });
      }
      return;
    }
    if (CHAIN_SPLIT.test(text)) return this.chain(s);
    for (const c of splitClauses(s)) {
      // Bullets under "X that:" belong to X; otherwise a clause without a subject continues the last one.
      const implicit = isBullet ? (this.listSubject ?? this.lastSubject) : this.lastSubject;
      this.clause(c, implicit ? { implicitSubject: implicit } : {});
    }
  }

  private chain(s: Span): void {
    const segments = splitKeepingOffsets(s, CHAIN_SPLIT);
    const subjects = segments.map((seg) => this.leadingMention(seg));
    const callers: string[] = [];
    let previous = this.lastSubject;
    let carried: string[] = [];
    segments.forEach((seg, i) => {
      const next = subjects[i + 1];
      const made = this.clause(seg, {
        ...(previous ? { implicitSubject: previous } : {}),
        ...(next ? { chainNext: next } : {}),
        // The last few callers are enough to carry a reply back; copying them all would be quadratic in a long chain.
        callers: callers.slice(-MAX_REPLY_HOPS),
        carriedData: carried,
      });
      if (made.subject) {
        if (callers[callers.length - 1] !== made.subject) callers.push(made.subject);
        previous = made.subject;
      }
      if (made.data.length > 0) carried = made.data;
    });
  }

  /** Registers (or finds) the element a mention names. Bare words ("the API") reuse an element named earlier. */
  private ensure(m: Mention, clause: Span): string {
    if (m.bare) {
      const earlier = this.latestByHead.get(m.head) ?? (m.kind === 'process' || m.kind === 'actor' ? undefined : this.latestByKind.get(m.kind));
      if (earlier) return earlier;
    }
    if (!this.builder.elements.has(m.key)) {
      // "the backend API" after "a Node/Express backend API": the same component, named by the end of its name.
      const named = this.latestByEnding.get(m.name.toLowerCase());
      if (named && named !== m.key) return named;
      this.builder.addElement(m.key, {
        name: m.name,
        kind: m.kind,
        ...(m.technology ? { technology: m.technology } : {}),
        line: this.lineOf(clause.offset + m.start),
        inferredFrom: `"${truncate(m.words)}" in "${this.quote(clause)}"`,
      });
      // Indexed by head noun and by the name's last word, so later bare words find it without a search.
      this.latestByHead.set(m.head, m.key);
      const lastWord = m.name.toLowerCase().split(/\s+/).at(-1);
      if (lastWord) this.latestByHead.set(lastWord, m.key);
      const words = m.name.toLowerCase().split(/\s+/);
      if (words.length >= 3) this.latestByEnding.set(words.slice(-2).join(' '), m.key);
      this.latestByKind.set(m.kind, m.key);
    }
    return m.key;
  }
  private leadingMention(s: Span): string | undefined {
    const first = findMentions(s.text)[0];
    if (!first || !LEADING_FILLER.test(s.text.slice(0, first.start))) return undefined;
    return this.ensure(first, s);
  }

  private lastMention(s: Span): string | undefined {
    const last = findMentions(s.text).at(-1);
    return last ? this.ensure(last, s) : undefined;
  }

  private leadingOrFirstMention(s: Span): string | undefined {
    const first = findMentions(s.text)[0];
    return first ? this.ensure(first, s) : undefined;
  }

  private defaultActor(clause: Span): string {
    return this.ensure({ start: 0, end: 0, key: 'name:user', name: 'User', kind: 'actor', words: 'user', bare: false, head: 'user' }, clause);
  }

  private clause(c: Span, ctx: ClauseContext): { subject?: string; data: string[] } {
    const text = c.text.trim();
    const line = this.lineOf(c.offset);
    const mentions = findMentions(c.text);
    let subject: string | undefined;
    let others = mentions;
    const explicitSubject = Boolean(mentions[0] && LEADING_FILLER.test(c.text.slice(0, mentions[0].start)));
    if (explicitSubject) {
      subject = this.ensure(mentions[0]!, c);
      others = mentions.slice(1);
    } else {
      subject = ctx.implicitSubject;
    }
    const otherKeys = others.map((m) => ({ key: this.ensure(m, c), m }));
    const verbMatch = VERB_RE.exec(explicitSubject ? c.text.slice(mentions[0]!.end) : c.text);
    const verbClass = verbMatch ? classOf(verbMatch[1]!) : undefined;
    const fc = flowControls(c.text);
    // "calls the API with JWT authentication": the token is how the call authenticates, not data it carries.
    const authStated = fc.some((f) => f.prop === 'authenticated' && f.value === true);
    // Component names are not data: "Secrets Manager" holds secrets, a clause naming it does not carry them.
    let unnamed = c.text;
    for (const m of mentions) unnamed = unnamed.slice(0, m.start) + ' '.repeat(m.end - m.start) + unnamed.slice(m.end);
    const assets = dataAssetsIn(unnamed, !authStated).map((a) => this.builder.addAsset({ id: a.id, name: a.name, classification: a.classification }));
    const data = assets.length > 0 ? assets : (ctx.carriedData ?? []);
    const { flows, generator } = this.relations({ c, subject, explicitSubject, otherKeys, data, ctx }, verbClass);
    if (verbClass === 'return' || verbClass === 'inbound') this.doer = undefined;
    for (const [source, target] of flows) {
      const props = Object.fromEntries(fc.map((f) => [f.prop, f.value]));
      this.builder.addFlow({ sourceKey: source, targetKey: target, label: truncate(text), data, line, inferredFrom: `"${truncate(text)}"`, ...props });
      const targetEl = this.builder.elements.get(target);
      if (targetEl) {
        for (const d of data) targetEl.data.push(d);
        if (STORE_KINDS.has(targetEl.kind)) for (const d of data) this.storedIn.set(d, target);
      }
      if (!this.requesters.has(target)) this.requesters.set(target, source);
    }
    // "The database holds customer names and addresses": what a store keeps, with no flow to say it.
    const subjectElement = subject === undefined ? undefined : this.builder.elements.get(subject);
    if (flows.length === 0 && assets.length && subjectElement && DATA_HOLDING_KINDS.has(subjectElement.kind) && HOLDS.test(c.text)) {
      for (const d of assets) subjectElement.data.push(d);
    }
    for (const f of fc) this.builder.note('info', `flow property ${f.prop} = ${String(f.value)} from "${f.words}"`, line);
    // "hard-coded in the backend API's config": the possessor is who holds it.
    const possessor = otherKeys.find((o) => /^['’]s\b/.test(c.text.slice(o.m.end, o.m.end + 3)))?.key;
    this.applyControls(c, { subject, explicitSubject, flows, generator, others: otherKeys.map((o) => o.key), ...(possessor ? { possessor } : {}) }, verbClass, line);
    if (mentions.length === 0 && flows.length === 0 && !subject) this.builder.note('info', `no component named in "${truncate(text)}"`, line);
    else if (flows.length === 0 && verbClass && verbClass !== 'process') this.builder.note('info', `no data flow could be read from "${truncate(text)}"`, line);
    if (subject) this.lastSubject = subject;
    return { ...(subject ? { subject } : {}), data };
  }

  /** Which way data moves in a clause, from its verb (or passive "by" agent). */
  private relations(parts: ClauseParts, verbClass: VerbClass | undefined): { flows: Array<[string, string]>; generator?: string } {
    const { c, subject, explicitSubject, otherKeys, data, ctx } = parts;
    const flows: Array<[string, string]> = [];
    let generator: string | undefined;
    const other = otherKeys.find((o) => o.key !== subject)?.key;
    const passive = /\b(?:is|are|was|were|gets?|get)\s+\w+ed\s+(?:\w+\s+)?by\s+/i.exec(c.text);
    const agent = passive ? otherKeys.find((o) => o.m.start >= passive.index + passive[0].length) : undefined;
    if (agent && !explicitSubject) {
      // "Payments are handled by Stripe": the last subject hands the data to the agent.
      if (ctx.implicitSubject && ctx.implicitSubject !== agent.key) flows.push([ctx.implicitSubject, agent.key]);
      return { flows };
    }
    switch (verbClass) {
      case 'inbound': {
        const from = otherKeys.find((o) => o.m.kind === 'actor')?.key ?? other ?? this.defaultActor(c);
        if (subject) flows.push([from, subject]);
        break;
      }
      case 'pull': {
        const from = other ?? ctx.chainNext;
        if (subject && from) flows.push([from, subject]);
        break;
      }
      case 'process': {
        const tool = otherKeys.find((o) => o.m.kind === 'function')?.key ?? other;
        const source = data.map((d) => this.storedIn.get(d)).find((k) => k !== undefined) ?? subject;
        if (tool && source && tool !== source) flows.push([source, tool]);
        if (tool) this.doer = tool;
        break;
      }
      case 'return': {
        if (subject && SIGNED_URLS.test(c.text)) {
          generator = this.signedUrlGenerator(c);
          flows.push([subject, generator]);
          const requester = this.requesters.get(subject);
          if (requester) flows.push([generator, requester]);
        } else if (subject) {
          const back = ctx.callers?.filter((k) => k !== subject).reverse() ?? [];
          const targets = back.length > 0 ? back : other ? [other] : this.requesters.has(subject) ? [this.requesters.get(subject)!] : [];
          let from = subject;
          for (const to of targets) {
            flows.push([from, to]);
            from = to;
          }
        }
        break;
      }
      case 'push': {
        const to = other ?? ctx.chainNext;
        const from = explicitSubject ? subject : (this.doer ?? subject);
        // "places orders through the gateway into SQS": subject → gateway → SQS
        const via = otherKeys.find((o) => o.key !== subject && VIA_BEFORE.test(c.text.slice(Math.max(0, o.m.start - VIA_REACH), o.m.start)));
        const beyond = via && otherKeys.find((o) => o.key !== subject && o.key !== via.key);
        if (from && via && beyond) {
          flows.push([from, via.key], [via.key, beyond.key]);
        } else if (from && to && from !== to) flows.push([from, to]);
        break;
      }
      default:
        break;
    }
    // "Downloads use presigned URLs": whatever the verb, the service at hand hands out signed URLs.
    const server = subject ?? ctx.implicitSubject ?? this.lastSubject;
    if (!generator && verbClass !== 'return' && server && SIGNED_URLS.test(c.text) && !this.builder.elements.has(SIGNED_URL_GENERATOR)) {
      generator = this.signedUrlGenerator(c);
      flows.push([server, generator]);
    }
    return generator ? { flows, generator } : { flows };
  }

  /** The one component that hands out signed URLs, made on first mention. */
  private signedUrlGenerator(c: Span): string {
    return this.ensure({ start: 0, end: 0, key: SIGNED_URL_GENERATOR, name: 'Signed-URL generator', kind: 'process', words: SIGNED_URLS.exec(c.text)![0], bare: false, head: 'generator' }, c);
  }

  private applyControls(c: Span, parts: { subject?: string; explicitSubject: boolean; possessor?: string; flows: Array<[string, string]>; generator?: string; others: string[] }, verbClass: VerbClass | undefined, line: number): void {
    for (const control of elementControls(c.text)) {
      let key: string | undefined;
      if (control.on === 'store') {
        // The store the clause is about: its subject when that holds data, else one it reaches ("with SSE-KMS" names a key, not the store).
        const candidates = (parts.explicitSubject ? [parts.subject, ...parts.flows.map(([, t]) => t), ...parts.others] : [...parts.flows.map(([, t]) => t), ...parts.others, parts.subject]).filter((k): k is string => k !== undefined);
        const kindOf = (k: string) => this.builder.elements.get(k)?.kind ?? 'process';
        key = candidates.find((k) => DATA_HOLDING_KINDS.has(kindOf(k))) ?? candidates.find((k) => STORE_KINDS.has(kindOf(k))) ?? parts.subject;
      } else if (control.on === 'receiver') {
        key = verbClass === 'inbound' || parts.flows.length === 0 ? parts.subject : parts.flows[0]![1];
      } else {
        key = control.prop === 'signedUrlExpiry' ? (parts.generator ?? parts.subject) : (parts.possessor ?? parts.subject);
      }
      const element = key === undefined ? undefined : this.builder.elements.get(key);
      if (!element) continue;
      element.props[control.prop] = control.value;
      this.builder.note('info', `${element.name}: ${control.prop} = ${String(control.value)} from "${control.words}"`, line);
    }
  }
}
