// C4 macros, shared by Mermaid C4 diagrams and C4-PlantUML: Person/System/Container/Component (and their
// Db, Queue and _Ext variants) become elements, *_Boundary / Deployment_Node become trust boundaries,
// Rel* / BiRel* become flows with their technology as the protocol hint.

import type { ElementKind } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import { cleanLabel, describeNode, flowFromLabel } from './labels.js';
import { boundaryTypeFromName, matchTechnology, slugify } from './vocabulary.js';

export interface C4Context {
  builder: ModelBuilder;
  currentBoundary(): string | undefined;
  pushBoundary(key: string): void;
}

interface MacroCall {
  name: string;
  positional: string[];
  keyword: Map<string, string>;
  opensBlock: boolean;
}

const ELEMENT_MACRO = /^(Person|System|Container|Component)(Db|Queue)?(_Ext)?$/;
const BOUNDARY_MACRO = /^(?:Boundary|System_Boundary|Container_Boundary|Enterprise_Boundary|Deployment_Node(?:_[LR])?|Node(?:_[LR])?)$/;
const REL_MACRO = /^(Bi)?Rel(?:_(Back|Neighbor|Back_Neighbor|U|D|L|R|Up|Down|Left|Right))?$/;
const IGNORED_MACRO = /^(?:Update\w*|Add\w*Tag|Lay_\w+|LAYOUT_\w+|SHOW_\w+|HIDE_\w+|SET_\w+|Set\w+|RoundedBoxShape|EightSidedShape|DashedLine|DottedLine|BoldLine|WithoutPropertyHeader|AddProperty|Increment|SetIndex|Legend\w*)$/;

/** Handles one C4 macro line; returns false when the line is not a C4 macro call. */
export function handleC4Line(text: string, line: number, ctx: C4Context): boolean {
  const call = parseMacroCall(text);
  if (!call) return false;
  if (IGNORED_MACRO.test(call.name)) return true;
  const element = ELEMENT_MACRO.exec(call.name);
  if (element) {
    addElement(call, element[1]!, element[2], element[3] !== undefined, line, ctx);
    return true;
  }
  if (BOUNDARY_MACRO.test(call.name)) {
    addBoundary(call, line, ctx);
    return true;
  }
  const rel = REL_MACRO.exec(call.name);
  if (rel) {
    addRel(call, rel[1] === 'Bi', rel[2]?.startsWith('Back') ?? false, line, ctx);
    return true;
  }
  return false;
}

function addElement(call: MacroCall, level: string, variant: string | undefined, external: boolean, line: number, ctx: C4Context): void {
  const [alias, label = alias] = call.positional;
  if (!alias) {
    ctx.builder.note('warning', `${call.name} without an alias; skipped`, line);
    return;
  }
  const hasTechnArg = level === 'Container' || level === 'Component';
  const techn = arg(call, 'techn', hasTechnArg ? 2 : -1);
  const descr = arg(call, 'descr', hasTechnArg ? 3 : 2);
  const tags = call.keyword.get('tags') ?? '';
  let shapeKind: ElementKind | undefined;
  if (level === 'Person') shapeKind = 'actor';
  else if (variant === 'Db') shapeKind = 'datastore';
  else if (variant === 'Queue') shapeKind = 'queue';
  else if (external) shapeKind = 'external-system';
  // A C4 technology argument is what the element is built with, said on purpose: it counts as the name's own.
  const d = describeNode(label ?? alias, shapeKind, tags, techn);
  const kind: ElementKind = level === 'Person' ? 'actor' : d.kind;
  const technology = techn ? (matchTechnology(techn)?.technology ?? cleanLabel(techn)) : d.technology;
  const description = [d.description, descr ? cleanLabel(descr) : undefined].filter(Boolean).join(' ') || undefined;
  const boundaryKey = ctx.currentBoundary();
  ctx.builder.addElement(alias, {
    id: slugify(alias),
    name: d.name,
    kind,
    ...(technology ? { technology } : {}),
    ...(description ? { description } : {}),
    ...(boundaryKey !== undefined ? { boundaryKey } : {}),
    line,
  });
  if (call.opensBlock) ctx.builder.note('warning', `${call.name} does not open a block; its contents are read at the enclosing level`, line);
}

function addBoundary(call: MacroCall, line: number, ctx: C4Context): void {
  const [alias, rawLabel = alias] = call.positional;
  if (!alias) {
    ctx.builder.note('warning', `${call.name} without an alias; skipped`, line);
    return;
  }
  const name = cleanLabel(rawLabel ?? alias).replace(/\n/g, ' ');
  const typeArg = arg(call, 'type', 2) ?? '';
  let type = boundaryTypeFromName(name) ?? boundaryTypeFromName(typeArg);
  if (!type) {
    if (call.name === 'Enterprise_Boundary') type = 'network-zone';
    else if (call.name.startsWith('Deployment_Node') || call.name.startsWith('Node')) type = 'process';
    else type = 'other';
  }
  const parentKey = ctx.currentBoundary();
  ctx.builder.addBoundary(alias, parentKey === undefined ? { name, type, line } : { name, type, parentKey, line });
  if (call.opensBlock) ctx.pushBoundary(alias);
}

function addRel(call: MacroCall, bidirectional: boolean, back: boolean, line: number, ctx: C4Context): void {
  const [from, to] = call.positional;
  if (!from || !to) {
    ctx.builder.note('warning', `${call.name} needs a source and a target; skipped`, line);
    return;
  }
  const label = arg(call, 'label', 2);
  const techn = arg(call, 'techn', 3);
  const hints = flowFromLabel(ctx.builder, label, techn);
  const [sourceKey, targetKey] = back ? [to, from] : [from, to];
  ctx.builder.addFlow({ sourceKey, targetKey, ...hints, ...(bidirectional ? { bidirectional: true } : {}), line });
}

function arg(call: MacroCall, keyword: string, index: number): string | undefined {
  const v = call.keyword.get(keyword) ?? (index >= 0 ? call.positional[index] : undefined);
  const cleaned = v === undefined ? undefined : v.trim().replace(/^"|"$/g, '');
  return cleaned ? cleaned : undefined;
}

/** `Name(arg, "quoted, arg", $key="value") {` → parts. Returns undefined for lines that are not a call. */
export function parseMacroCall(text: string): MacroCall | undefined {
  const m = /^\s*([A-Za-z_]\w*)\(/.exec(text);
  if (!m) return undefined;
  let depth = 1;
  let quoted = false;
  let i = m[0].length;
  const args: string[] = [];
  let current = '';
  for (; i < text.length && depth > 0; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') {
      depth--;
      if (depth === 0) break;
    }
    if (!quoted && depth === 1 && ch === ',') {
      args.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (depth !== 0) return undefined;
  if (current.trim() || args.length > 0) args.push(current);
  const after = text.slice(i + 1).trim();
  if (after && after !== '{' && !after.startsWith("'") && !after.startsWith('%%')) return undefined;
  const positional: string[] = [];
  const keyword = new Map<string, string>();
  for (const raw of args) {
    const a = raw.trim();
    const kw = /^\$(\w+)\s*=\s*(.*)$/s.exec(a);
    if (kw) keyword.set(kw[1]!, kw[2]!.trim().replace(/^"|"$/g, ''));
    else positional.push(a.replace(/^"|"$/g, ''));
  }
  return { name: m[1]!, positional, keyword, opensBlock: after === '{' };
}
