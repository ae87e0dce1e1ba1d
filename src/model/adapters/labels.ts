// Label clean-up shared by the diagram adapters: quotes, <br/> line breaks, markdown strings, entities,
// and the split of a multi-line label into a name and a description.

import type { ElementKind } from '../schema/architecture.js';
import { classifyElement, dataAssetsIn, flowHints, kindFromHeadNoun, matchTechnology, type FlowHints } from './vocabulary.js';
import type { ModelBuilder } from './builder.js';
import { truncate, VERB_RE } from './prose-text.js';

/** Plain text of a diagram label; line breaks become "\n". */
export function cleanLabel(raw: string): string {
  let s = raw.trim();
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) s = s.slice(1, -1);
  // Mermaid markdown strings: "`**bold** text`"
  if (s.length >= 2 && s.startsWith('`') && s.endsWith('`')) s = s.slice(1, -1);
  s = s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\\n/g, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/#quot;/g, '"')
    .replace(/#amp;/g, '&')
    .replace(/#lt;/g, '<')
    .replace(/#gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|\s)\*([^*]+)\*(?=\s|$)/g, '$1$2')
    .replace(/(^|\s)_([^_]+)_(?=\s|$)/g, '$1$2')
    .replace(/[ \t]+/g, ' ');
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

export interface NodeDescription {
  name: string;
  kind: ElementKind;
  technology?: string;
  description?: string;
  /** Set when the kind is a guess, saying so (shown under "What was inferred"). */
  inferredFrom?: string;
}

/** Whether a name says what it is: a head noun ("Order Service") or a technology ("MariaDB"). */
function namesComponent(name: string): boolean {
  return kindFromHeadNoun(name) !== undefined || matchTechnology(name) !== undefined || /^\(.*\)$/.test(name.trim());
}

/** "Handles invoices", "Stores sessions": a note on what it does, not more of its name. */
const STARTS_WITH_VERB = new RegExp(`^${VERB_RE.source}`, 'i');

/** A short line that goes on with a name: capitalised ("Service", "Orders DB") or ending in a head noun ("customer"). */
function continuesName(line: string): boolean {
  if (!/^[\w .&'-]{1,40}$/.test(line) || line.split(' ').length > 4 || STARTS_WITH_VERB.test(line)) return false;
  return /^[A-Z]/.test(line) || kindFromHeadNoun(line) !== undefined;
}

/** Name = first label line; the rest is a description; kind and technology from the whole label. */
export function describeNode(label: string, shapeKind?: ElementKind, extraHints = '', declaredTechnology?: string): NodeDescription {
  const text = cleanLabel(label);
  const lines = text.split('\n');
  const rest = lines.slice(1);
  let first = lines[0] ?? '';
  // "Order\nService": a long name wrapped over lines. Lines join while the name is not yet a component (no head
  // noun, no technology) and the next line is a short continuation, not a note ("CORS *, no auth").
  while (rest.length && !namesComponent(first) && continuesName(rest[0]!)) first = `${first} ${rest.shift()!}`;
  const name = first.replace(/^\[(.*)\]$/, '$1').trim() || 'Unnamed';
  const classified = classifyElement([text, extraHints].filter(Boolean).join('\n'), shapeKind, declaredTechnology);
  const out: NodeDescription = { name, kind: classified.kind };
  // Nothing said what it is (no head noun, technology or shape): a guess the report names, for a person to pin.
  if (classified.reason === 'default') out.inferredFrom = `kind uncertain: nothing in "${truncate(name)}" says what it is, so it is taken as a service we run; pin it with a shape or keyword that says what it is, or set its kind in a YAML model (--format yaml)`;
  if (classified.technology) out.technology = classified.technology;
  // Lines stay lines: each is its own phrase ("no audit logging" does not deny the next line's words).
  const description = rest.join('\n').trim();
  if (description) out.description = description;
  return out;
}

/** Flow properties and carried data from an edge label (and technology argument), registering data assets. */
export function flowFromLabel(builder: ModelBuilder, label: string | undefined, technology?: string): FlowHints & { label?: string; data: string[] } {
  const text = cleanLabel(label ?? '').replace(/\n/g, ' ');
  const tech = technology ? cleanLabel(technology).replace(/\n/g, ' ') : '';
  const hints = flowHints([text, tech].filter(Boolean).join(' '));
  const data = dataAssetsIn(text, false).map((a) => builder.addAsset({ id: a.id, name: a.name, classification: a.classification }));
  const out: FlowHints & { label?: string; data: string[] } = { ...hints, data };
  const shown = [text, tech && !text.includes(tech) ? `[${tech}]` : ''].filter(Boolean).join(' ');
  if (shown) out.label = shown;
  return out;
}
