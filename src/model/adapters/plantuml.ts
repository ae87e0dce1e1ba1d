// PlantUML component/deployment diagrams and C4-PlantUML → architecture. Hand-written, line by line:
// declarations (`database "Orders" as db <<PostgreSQL>>`, `[Component]`), containers with `{ }` as trust
// boundaries, arrows with `: label`. Notes, skinparams, preprocessor lines and styling are skipped.

import type { ElementKind } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import { handleC4Line } from './c4.js';
import { cleanLabel, describeNode, flowFromLabel } from './labels.js';
import type { SourceLine } from './source.js';
import { truncateForMessage } from './messages.js';
import { boundaryTypeFromName, slugify } from './vocabulary.js';

const ELEMENT_KEYWORDS: Record<string, ElementKind | null> = {
  actor: 'actor',
  person: 'actor',
  database: 'datastore',
  queue: 'queue',
  storage: 'bucket',
  file: 'datastore',
  entity: 'datastore',
  cloud: 'external-system',
  component: null,
  node: null,
  rectangle: null,
  frame: null,
  folder: null,
  package: null,
  boundary: null,
  collections: null,
  agent: null,
  artifact: null,
  card: null,
  control: null,
  hexagon: null,
  stack: null,
  process: null,
};
const SKIPPED_KEYWORDS = new Set(['usecase', 'interface', 'circle', 'label', 'class', 'object', 'json', 'map', 'enum', 'abstract', 'port', 'portin', 'portout']);
const BLOCK_STARTS = /^(note|legend|header|footer|title|caption)\b/i;
/** Preprocessor directives that pull in another file or URL. */
const INCLUDE = /^!(include(?:url|_many|_once|sub)?|import)\b\s*(.*)$/i;
/** The C4-PlantUML library, whose macros the C4 reader already knows. */
const C4_LIBRARY = /^(?:<C4\/[\w-]+>|\S*C4-PlantUML\S*\/C4(?:_\w+)?\.puml)$/i;
const IGNORED_LINES = /^(?:!|@startuml|@enduml|skinparam\b|hide\b|show\b|scale\b|left to right direction|top to bottom direction|allowmixing|allow_mixing|autonumber|newpage|set\b|remove\b|sprite\b|style\b|<style>|<\/style>)/i;

const EP = String.raw`(\[[^\]]+\]|"[^"]+"|:[^:]+:|[\p{L}\p{N}_.]+)`;
const ARROW = String.raw`(<\|?|\*|o|\+|#|\^)?((?:[-.=~]|\[[^\]]*\]|(?<=[-.])(?:up|down|left|right|le|ri|do|u|d|l|r)(?=[-.\[]))+)(\|?>|\*|o|\+|#|\^)?`;
const ARROW_LINE = new RegExp(String.raw`^${EP}\s*(?:"[^"]*"\s*)?${ARROW}\s*(?:"[^"]*"\s*)?${EP}\s*(?::\s*(.*))?$`, 'u');

type StackEntry = { boundaryKey?: string };

export function parsePlantUml(lines: readonly SourceLine[], builder: ModelBuilder): void {
  new PlantUmlReader(builder).read(lines);
}

class PlantUmlReader {
  private readonly stack: StackEntry[] = [];
  private readonly byLabel = new Map<string, string>();
  private readonly autoCreated = new Set<string>();
  /** Aliases of interfaces, use cases and the like: arrows to them are not data flows. */
  private readonly skipped = new Set<string>();
  private descriptionUntilBracket = false;

  constructor(private readonly builder: ModelBuilder) {}

  read(lines: readonly SourceLine[]): void {
    let skipUntil: RegExp | undefined;
    let skipDepth = 0;
    let inBlockComment = false;
    const ctx = {
      builder: this.builder,
      currentBoundary: () => this.currentBoundary(),
      pushBoundary: (key: string) => void this.stack.push({ boundaryKey: key }),
    };
    for (const { text, line } of lines) {
      let t = text.trim();
      if (inBlockComment) {
        if (t.includes("'/")) inBlockComment = false;
        continue;
      }
      if (t.startsWith("/'")) {
        if (!t.includes("'/")) inBlockComment = true;
        continue;
      }
      if (skipUntil) {
        if (skipUntil.test(t)) skipUntil = undefined;
        continue;
      }
      if (this.descriptionUntilBracket) {
        if (t.includes(']')) this.descriptionUntilBracket = false;
        continue;
      }
      if (skipDepth > 0) {
        skipDepth += count(t, '{') - count(t, '}');
        continue;
      }
      if (!t || t.startsWith("'")) continue;
      if (/^skinparam\b.*\{\s*$/i.test(t) || /^<style>/i.test(t)) {
        if (t.startsWith('<')) skipUntil = /^<\/style>/i;
        else skipDepth = 1;
        continue;
      }
      const block = BLOCK_STARTS.exec(t);
      if (block) {
        const kind = block[1]!.toLowerCase();
        if (kind === 'title' && /^title\s+\S/i.test(t)) {
          this.builder.name ??= cleanLabel(t.replace(/^title\s+/i, ''));
          continue;
        }
        const singleLine = (kind === 'note' && (t.includes(':') || /\bas\s+\w+\s*$/.test(t))) || (kind !== 'note' && kind !== 'legend' && /^\w+\s+\S/.test(t));
        if (!singleLine) skipUntil = new RegExp(`^end\\s*${kind}\\b`, 'i');
        continue;
      }
      if (this.include(t, line)) continue;
      if (IGNORED_LINES.test(t)) continue;
      t = withoutLineComment(t);
      if (t === '}') {
        if (this.stack.pop() === undefined) this.builder.note('warning', 'unmatched "}" ignored', line);
        continue;
      }
      if (/^together\s*\{$/i.test(t)) {
        this.stack.push({});
        continue;
      }
      if (handleC4Line(t, line, ctx)) continue;
      if (this.declaration(t, line)) continue;
      if (this.arrow(t, line)) continue;
      this.builder.note('warning', `not understood: ${t.slice(0, 80)}`, line);
    }
    if (this.stack.length > 0) this.builder.note('warning', `${this.stack.length} block(s) not closed with "}"`);
  }

  /**
   * `!include` and its relatives pull in other files or URLs. Bulwark never reads or fetches them (a design
   * file must not make it open paths or reach the network), so the diagram is read without what they hold.
   */
  private include(t: string, line: number): boolean {
    const m = INCLUDE.exec(t);
    if (!m) return false;
    const directive = m[1]!;
    const target = truncateForMessage(m[2]!.trim(), 120) || '(no target)';
    if (C4_LIBRARY.test(target)) {
      this.builder.note('info', `!${directive} ${target} was not read; Bulwark knows the C4-PlantUML macros without it`, line);
    } else {
      this.builder.note('warning', `!${directive} ${target} was not read: Bulwark never reads or fetches included files, so anything they declare is missing from the model`, line);
    }
    return true;
  }

  private currentBoundary(): string | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.boundaryKey) return this.stack[i]!.boundaryKey;
    return undefined;
  }

  private declaration(t: string, line: number): boolean {
    const shorthand = /^(\[[^\]]+\]|:[^:]+:)(.*)$/.exec(t);
    let keyword: string;
    let rest: string;
    if (shorthand && !ARROW_LINE.test(t)) {
      keyword = shorthand[1]!.startsWith(':') ? 'actor' : 'component';
      rest = t;
    } else {
      const m = /^([a-z_]+)\s+(.+)$/i.exec(t);
      if (!m || ARROW_LINE.test(t)) return false;
      keyword = m[1]!.toLowerCase();
      rest = m[2]!;
      if (SKIPPED_KEYWORDS.has(keyword)) {
        if (keyword !== 'usecase') this.builder.note('info', `${keyword} declarations are not architecture elements; skipped`, line);
        const skipped = parseNameAndAlias(rest.replace(/\{\s*$/, '').replace(/<<[^<>]*>>/g, ' ').trim());
        if (skipped) this.skipped.add(skipped.alias).add(skipped.label);
        if (rest.trim().endsWith('{')) this.stack.push({});
        return true;
      }
      // Own keys only: `constructor` or `toString` is not a PlantUML keyword.
      if (!Object.hasOwn(ELEMENT_KEYWORDS, keyword)) return false;
    }
    const unclosed = unclosedBracket(rest);
    if (unclosed !== -1) {
      // `component api [` opens a multi-line description that ends with `]`.
      this.descriptionUntilBracket = true;
      rest = rest.slice(0, unclosed).trim();
    }
    const opensBlock = /\{\s*$/.test(rest);
    rest = rest.replace(/\{\s*$/, '').trim();
    const stereotypes: string[] = [];
    rest = rest.replace(/<<\s*([^<>]+?)\s*>>/g, (_m, s: string) => (stereotypes.push(s), ' '));
    rest = rest.replace(/\[\[[^\]]*\]\]/g, ' ').replace(/(?:^|\s)#[\w;:.#-]+/g, ' ').replace(/\s+/g, ' ').trim();
    // component comp [description text] — a trailing bracket is a description, not a name
    const parsed = parseNameAndAlias(rest);
    if (!parsed) {
      this.builder.note('warning', `declaration not understood: ${t.slice(0, 80)}`, line);
      return true;
    }
    if (opensBlock) {
      this.openContainer(keyword, parsed.label, parsed.alias, stereotypes, line);
      return true;
    }
    const d = describeNode(parsed.label, ELEMENT_KEYWORDS[keyword] ?? undefined, stereotypes.join('\n'));
    const kind: ElementKind = keyword === 'actor' || keyword === 'person' ? 'actor' : stereotypes.some((s) => /^external$/i.test(s)) ? 'external-system' : d.kind;
    const boundaryKey = this.currentBoundary();
    const draft = {
      // An alias ("as orders") is the element's id: renaming the label keeps the threat ids.
      ...(parsed.alias !== parsed.label ? { id: slugify(parsed.alias) } : {}),
      name: d.name,
      kind,
      ...(d.technology ? { technology: d.technology } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.inferredFrom ? { inferredFrom: d.inferredFrom } : {}),
      ...(boundaryKey !== undefined ? { boundaryKey } : {}),
      line,
    };
    const existing = this.builder.elements.get(parsed.alias);
    if (existing && this.autoCreated.has(parsed.alias)) {
      Object.assign(existing, draft);
      this.autoCreated.delete(parsed.alias);
    } else {
      this.builder.addElement(parsed.alias, draft);
    }
    this.byLabel.set(parsed.label, parsed.alias);
    return true;
  }

  private openContainer(keyword: string, label: string, alias: string, stereotypes: string[], line: number): void {
    const name = cleanLabel(label).replace(/\n/g, ' ');
    const type =
      boundaryTypeFromName(name) ??
      boundaryTypeFromName(stereotypes.join(' ')) ??
      (keyword === 'cloud' ? 'cloud-account' : keyword === 'node' ? 'process' : 'other');
    const key = `b:${alias}`;
    const parentKey = this.currentBoundary();
    this.builder.addBoundary(key, parentKey === undefined ? { name, type, line } : { name, type, parentKey, line });
    this.stack.push({ boundaryKey: key });
  }

  private arrow(t: string, line: number): boolean {
    const m = ARROW_LINE.exec(t);
    if (!m) return false;
    const [, left, leftHead, body, rightHead, right, label] = m;
    if (!/[-.]/.test(body!)) return false;
    const skippedEnd = [left!, right!].find((e) => this.skipped.has(e) || this.skipped.has(e.replace(/^[[(":]|[\])":]$/g, '')));
    if (skippedEnd) {
      this.builder.note('info', `arrow to "${skippedEnd}" is not a data flow between elements; skipped`, line);
      return true;
    }
    const a = this.endpoint(left!, line);
    const b = this.endpoint(right!, line);
    const hints = flowFromLabel(this.builder, label);
    const pointsLeft = Boolean(leftHead?.startsWith('<'));
    const pointsRight = Boolean(rightHead?.endsWith('>'));
    const [sourceKey, targetKey] = pointsLeft && !pointsRight ? [b, a] : [a, b];
    this.builder.addFlow({ sourceKey, targetKey, ...hints, ...(pointsLeft && pointsRight ? { bidirectional: true } : {}), line });
    return true;
  }

  /** Resolves an arrow end to an element key, creating the element when the diagram never declared it. */
  private endpoint(raw: string, line: number): string {
    let label = raw;
    let shapeKind: ElementKind | undefined;
    if (raw.startsWith('[')) label = raw.slice(1, -1);
    else if (raw.startsWith(':')) {
      label = raw.slice(1, -1);
      shapeKind = 'actor';
    } else if (raw.startsWith('"')) label = raw.slice(1, -1);
    const key = this.byLabel.get(label) ?? (this.builder.elements.has(raw) ? raw : undefined);
    if (key) return key;
    if (!raw.startsWith('[') && !raw.startsWith(':') && !raw.startsWith('"')) {
      // May be declared later, or may be a container alias; resolved when the model is built.
      if (this.builder.boundaries.has(`b:${raw}`)) this.builder.note('warning', `arrow to container "${raw}" is not a flow between elements`, line);
    }
    const d = describeNode(label, shapeKind);
    const boundaryKey = this.currentBoundary();
    this.builder.addElement(raw, {
      name: d.name,
      kind: d.kind,
      ...(d.technology ? { technology: d.technology } : {}),
      ...(boundaryKey !== undefined ? { boundaryKey } : {}),
      line,
    });
    this.autoCreated.add(raw);
    this.byLabel.set(label, raw);
    return raw;
  }
}

/** `"Label" as X`, `X as "Label"`, `[Label] as X`, `"Label"`, `Name`. */
function parseNameAndAlias(rest: string): { label: string; alias: string } | undefined {
  const token = String.raw`("[^"]+"|\[[^\]]+\]|:[^:]+:|[^\s"\[\]]+)`;
  const m = new RegExp(String.raw`^${token}(?:\s+as\s+${token})?(?:\s+\[[^\]]*\])?$`).exec(rest);
  if (!m) return undefined;
  const first = m[1]!;
  const second = m[2];
  const unwrap = (s: string) => (/^["[:]/.test(s) ? s.slice(1, -1) : s);
  const isLabel = (s: string) => /^["[:]/.test(s);
  if (!second) return { label: unwrap(first), alias: isLabel(first) ? first : first };
  if (isLabel(first) && !isLabel(second)) return { label: unwrap(first), alias: second };
  if (!isLabel(first) && isLabel(second)) return { label: unwrap(second), alias: first };
  return { label: unwrap(first), alias: unwrap(second) };
}

/**
 * The line without a trailing `'` comment (a quote after whitespace). Found with indexOf, not
 * /\s+'.*$/: that pattern backtracks over every space of a long run, quadratic in the run's length.
 */
function withoutLineComment(t: string): string {
  const at = t.search(/\s'/);
  return at === -1 ? t : t.slice(0, at).trimEnd();
}

/** Where a `[` that no `]` follows starts (the first `[` after the last `]`), or -1; linear, unlike /\[[^\]]*$/. */
function unclosedBracket(t: string): number {
  return t.indexOf('[', t.lastIndexOf(']') + 1);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
