// Bulwark's own model as YAML or JSON, from the input schema itself (field names, kind and boundary
// aliases, classifications, element properties): elements, flows, boundaries (nested by `children` or
// `parent`) and data assets, as lists or as maps keyed by id, with references that resolve and some that
// do not, values of the wrong type, and YAML's own machinery (anchors, aliases, merge keys, tags,
// block scalars, several documents).

import fc from 'fast-check';
import { stringify } from 'yaml';
import { BOUNDARY_TYPES, CLASSIFICATIONS, ELEMENT_KINDS } from '../../../src/model/schema/architecture.js';
import { BOUNDARY_ALIASES, INPUT_FIELDS, KIND_ALIASES } from '../../../src/model/schema/input.js';
import { COMPONENTS, DATA, mostly, phrase, pick, PROTOCOLS, PROTOTYPE_NAMES, TECHNOLOGIES } from './common.js';
import { renderJson, type JsonTree } from './json-text.js';

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const NAMES = COMPONENTS.slice(0, 14);
const wrongType: fc.Arbitrary<Plain> = pick<Plain>([null, 42, -1, 1.5, true, [], {}, ['x'], { a: 1 }, '', 'yes', 'on', '~']);
const maybeWrong = <T extends Plain>(arb: fc.Arbitrary<T>): fc.Arbitrary<Plain> => mostly<Plain>(arb, wrongType, 1, 8);
const ref = mostly(pick(NAMES), fc.oneof(pick(PROTOTYPE_NAMES), fc.string({ maxLength: 6 })), 1, 6);
const refs = fc.oneof(ref, fc.array(ref, { maxLength: 3 }));

/** Some of `fields`, each with a value from `value`. */
function someFields(fields: Record<string, fc.Arbitrary<Plain>>, extra = true): fc.Arbitrary<{ [key: string]: Plain }> {
  const keys = Object.keys(fields);
  const unknown = fc.tuple(pick(['colour', 'tpye', 'labels', '__proto__', 'constructor', '']), wrongType);
  return fc
    .tuple(fc.subarray(keys), fc.tuple(...keys.map((k) => fields[k]!)), extra ? fc.option(unknown, { freq: 8 }) : fc.constant(null))
    .map(([chosen, values, odd]) => {
      const out: { [key: string]: Plain } = {};
      for (const k of chosen) Object.defineProperty(out, k, { value: values[keys.indexOf(k)]!, enumerable: true, writable: true, configurable: true });
      if (odd) Object.defineProperty(out, odd[0], { value: odd[1], enumerable: true, writable: true, configurable: true });
      return out;
    });
}

const props = someFields(Object.fromEntries([...INPUT_FIELDS.props].map((p) => [p, maybeWrong(fc.boolean())])), false);
const element = someFields({
  id: maybeWrong(ref), name: maybeWrong(phrase(NAMES, 2)), kind: maybeWrong(pick([...ELEMENT_KINDS, ...Object.keys(KIND_ALIASES), 'Database', 'robot'])),
  technology: maybeWrong(pick(TECHNOLOGIES)), description: maybeWrong(phrase([...COMPONENTS, ...DATA], 5)), boundary: maybeWrong(ref), props, data: refs,
  internetFacing: maybeWrong(fc.boolean()), encryptedAtRest: maybeWrong(fc.boolean()), location: maybeWrong(fc.record({ line: fc.integer({ min: -2, max: 400 }) })),
});
const flow = someFields({
  from: maybeWrong(ref), to: maybeWrong(ref), source: ref, target: ref, label: maybeWrong(phrase([...DATA, ...PROTOCOLS], 3)), protocol: maybeWrong(pick(PROTOCOLS)),
  port: maybeWrong(fc.oneof(fc.integer({ min: -5, max: 70000 }), pick<Plain>([443, 1e20]))), encrypted: maybeWrong(fc.boolean()), authenticated: maybeWrong(fc.boolean()), data: refs, bidirectional: maybeWrong(fc.boolean()),
});
const asset = someFields({ id: ref, name: maybeWrong(pick(DATA)), classification: maybeWrong(pick([...CLASSIFICATIONS, 'secret'])), description: phrase(DATA, 3) });
const boundaryAt = (depth: number): fc.Arbitrary<{ [key: string]: Plain }> =>
  someFields({
    id: ref, name: maybeWrong(pick(['Internet', 'AWS account', 'VPC', 'Private subnet', 'DMZ', 'Kubernetes', 'Namespace shop'])),
    type: maybeWrong(pick([...BOUNDARY_TYPES, ...Object.keys(BOUNDARY_ALIASES), 'moat'])), parent: ref, elements: refs, members: refs,
    ...(depth > 0 ? { children: fc.array(boundaryAt(depth - 1), { maxLength: 2 }) as fc.Arbitrary<Plain> } : {}),
  });

/** A list, or a map keyed by id (entries may be just a name or null). */
function entries(item: fc.Arbitrary<{ [key: string]: Plain }>, max: number): fc.Arbitrary<Plain> {
  return fc.oneof(
    { arbitrary: fc.array(mostly<Plain>(item, pick(NAMES)), { maxLength: max }), weight: 4 },
    { arbitrary: fc.array(fc.tuple(ref, mostly<Plain>(item, fc.oneof(pick(NAMES), fc.constant(null)))), { maxLength: max }).map((kv) => Object.fromEntries(kv)), weight: 2 },
    { arbitrary: wrongType, weight: 1 },
  );
}

export const modelValue: fc.Arbitrary<{ [key: string]: Plain }> = someFields({
  version: mostly<Plain>(fc.constant(1), pick<Plain>([2, '1'])), name: maybeWrong(phrase(COMPONENTS, 2)), title: phrase(COMPONENTS, 2), description: phrase([...COMPONENTS, ...DATA], 8),
  dataAssets: entries(asset, 4), assets: entries(asset, 2), boundaries: entries(boundaryAt(2), 4), elements: entries(element, 8), components: entries(element, 3), flows: entries(flow, 8), dataflows: entries(flow, 2),
});

/** YAML text of a model, in block or flow style, with YAML's machinery sprinkled in now and then. */
export const modelYaml: fc.Arbitrary<string> = fc
  .tuple(modelValue, pick(['block', 'flow', 'mixed']), fc.option(pick(['anchors', 'multi-doc', 'tags', 'comment', 'crlf', 'tabs']), { freq: 3 }))
  .map(([value, style, twist]) => {
    let text = stringify(value, { collectionStyle: style === 'flow' ? 'flow' : style === 'mixed' ? 'any' : 'block', lineWidth: 0 });
    switch (twist) {
      case 'anchors': text = text.replace(/^(\s*)- name: (.*)$/m, '$1- &first\n$1  name: $2').replace(/(^|\n)(\s*)- (?!&)(.*)$/, '$1$2- *first\n$2- $3'); break;
      case 'multi-doc': text = `${text}---\nelements: [x]\n...\n`; break;
      case 'tags': text = text.replace(/: (\S+)$/m, ': !!str $1').replace(/: (true|false)$/m, ': !custom $1'); break;
      case 'comment': text = `# yaml-language-server: $schema=x\n${text.replace(/\n/, ' # trailing\n')}`; break;
      case 'crlf': text = text.replace(/\n/g, '\r\n'); break;
      case 'tabs': text = text.replace(/^ {2}/m, '\t'); break;
    }
    return text;
  });

export const modelJson: fc.Arbitrary<string> = fc.tuple(modelValue, fc.boolean()).map(([value, pretty]) => renderJson(toTree(value), pretty));

function toTree(v: Plain): JsonTree {
  if (Array.isArray(v)) return v.map(toTree);
  if (v && typeof v === 'object') return { entries: Object.entries(v).map(([k, x]) => [k, toTree(x)] as [string, JsonTree]) };
  return v;
}
