// OWASP Threat Dragon models as JSON text: v2 diagrams with cells of every shape (actor, process, store,
// flow, trust-boundary box and curve) and their data (names, flags, threats), v1-style `diagramJson` with
// `tm.*` types, flows wired to existing, missing or foreign cells, and Bulwark's own `bulwark` extension
// blocks with valid and invalid values (as a hand-edited export would have).

import fc from 'fast-check';
import { COMPONENTS, DATA, mostly, phrase, pick, PROTOCOLS, TECHNOLOGIES } from './common.js';
import { jsonTree, renderJson, type JsonTree } from './json-text.js';

type J = JsonTree;
const obj = (entries: Array<[string, J | undefined]>): J => ({ entries: entries.filter((e): e is [string, J] => e[1] !== undefined) });

const CELL_IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'b1', 'f1', '__proto__', ''];
const SHAPES = ['actor', 'process', 'store', 'flow', 'trust-boundary-box', 'trust-boundary-curve', 'trust-broundary-curve', 'text', 'nope'];
const TYPES = ['tm.Actor', 'tm.Process', 'tm.Store', 'tm.Flow', 'tm.Boundary', 'tm.BoundaryBox', 'tm.Text', 'tm.Other'];
const KINDS = ['actor', 'process', 'datastore', 'queue', 'web-app', 'gateway', 'bucket', 'cache', 'not-a-kind', ''];

const name = phrase([...COMPONENTS, ...TECHNOLOGIES], 3);
const num = fc.oneof(fc.integer({ min: -100, max: 2000 }), pick([0, 1e308, -1e308, 0.5]));
const bool = fc.oneof(fc.boolean(), pick<J>(['true', null, 1]));
const maybe = <T extends J>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> => fc.option(arb, { freq, nil: undefined });

const bulwarkElement: fc.Arbitrary<J> = fc
  .tuple(maybe(name), maybe(pick(KINDS)), maybe(pick(TECHNOLOGIES)), maybe(pick(['vpc', 'dmz', 'missing'])), maybe(jsonTree({ keys: ['internetFacing', 'encryptedAtRest', 'runsAsRoot', 'x'], strings: ['yes'], depth: 1 })), maybe(fc.array(pick(DATA), { maxLength: 2 })), maybe(fc.oneof(fc.integer({ min: -3, max: 500 }), pick<J>([0, 1.5, '3']))))
  .map(([id, kind, technology, boundary, props, data, line]) => obj([['id', id], ['kind', kind], ['technology', technology], ['boundary', boundary], ['props', props], ['data', data], ['line', line]]));

const bulwarkFlow: fc.Arbitrary<J> = fc
  .tuple(maybe(name), maybe(phrase(DATA, 2)), maybe(pick(PROTOCOLS)), maybe(fc.oneof(fc.integer({ min: -1, max: 70000 }), pick<J>(['443']))), maybe(bool), maybe(bool), maybe(fc.integer({ min: -2, max: 300 })))
  .map(([id, label, protocol, port, encrypted, authenticated, line]) => obj([['id', id], ['label', label], ['protocol', protocol], ['port', port], ['encrypted', encrypted], ['authenticated', authenticated], ['line', line]]));

/** Threats as Threat Dragon writes them (STRIDE and other models, every status), as Bulwark exports its own (`threatId`), and odd ones. */
const threat: fc.Arbitrary<J> = fc.oneof(
  fc
    .tuple(maybe(pick(['6f1c7a52-8d3e', 'TM-AUTH-001@api', '', '__proto__'])), maybe(pick<J>(['threatId', 'id'])), maybe(name), maybe(pick(['Spoofing', 'Tampering', 'Information disclosure', 'Linkability', 'Distributed', 'Integrity', 'x'])), maybe(pick(['Open', 'Mitigated', 'NotApplicable', 'Not Applicable', 'Accepted', 'Transferred', 'NA', 'weird', ''])), maybe(pick<J>(['High', 'Critical', 'TBA', '', 'low', 3])), maybe(fc.oneof(fc.integer({ min: -1, max: 20 }), pick<J>(['7', null]))))
    .map(([id, idKey, title, type, status, severity, number]) => obj([[typeof idKey === 'string' ? idKey : 'id', id], ['title', title], ['type', type], ['modelType', 'STRIDE'], ['status', status], ['severity', severity], ['number', number], ['description', title], ['mitigation', title], ['score', '']])),
  jsonTree({ keys: ['title', 'status', 'severity', 'id', 'threatId', 'type'], strings: ['Open', 'High', 'TM-X-1@a'], depth: 1 }),
);

const cellData: fc.Arbitrary<J> = fc
  .tuple(pick(TYPES), maybe(name), maybe(phrase(DATA, 4)), maybe(bool), maybe(bool), maybe(bool), maybe(pick(PROTOCOLS)), maybe(fc.array(threat, { maxLength: 3 })), maybe(bulwarkElement, 4))
  .map(([type, n, description, flagA, flagB, flagC, protocol, threats, bulwark]) =>
    obj([
      ['type', type], ['name', n], ['description', description], ['isEncrypted', flagA], ['isPublicNetwork', flagB], ['isBidirectional', flagC], ['storesCredentials', flagB], ['handlesCardPayment', flagC],
      ['isWebApplication', flagA], ['providesAuthentication', flagC], ['isALog', flagB], ['outOfScope', flagC], ['reasonOutOfScope', description], ['privilegeLevel', n], ['protocol', protocol], ['threats', threats], ['bulwark', bulwark],
    ]),
  );

const endpoint: fc.Arbitrary<J> = fc.oneof(pick(CELL_IDS).map((c) => obj([['cell', c]])), pick(CELL_IDS).map((c) => obj([['id', c]])), fc.constant(obj([['x', 10], ['y', 20]])), pick<J>([null, 'c1']));

const cell: fc.Arbitrary<J> = fc
  .tuple(pick(SHAPES), pick(CELL_IDS), maybe(fc.tuple(num, num).map(([x, y]) => obj([['x', x], ['y', y]]))), maybe(fc.tuple(num, num).map(([w, h]) => obj([['width', w], ['height', h]]))), maybe(name.map((n) => obj([['text', obj([['text', n]])]]))), maybe(fc.array(fc.oneof(name, name.map((n) => obj([['attrs', obj([['label', obj([['text', n]])]])]]))), { maxLength: 2 })), maybe(cellData, 6), endpoint, endpoint, maybe(bulwarkFlow, 4))
  .map(([shape, id, position, size, attrs, labels, data, source, target, flowExt]) => {
    const isFlow = shape === 'flow';
    const withExt = isFlow && flowExt !== undefined && data && typeof data === 'object' && !Array.isArray(data) && 'entries' in data ? { entries: [...data.entries, ['bulwark', flowExt] as [string, J]] } : data;
    return obj([['shape', shape], ['id', id], ['position', position], ['size', size], ['attrs', attrs], ['labels', labels], ['data', withExt], ['source', isFlow ? source : undefined], ['target', isFlow ? target : undefined]]);
  });

const diagram: fc.Arbitrary<J> = fc
  .tuple(fc.array(cell, { maxLength: 10 }), fc.boolean(), maybe(name))
  .map(([cells, v1, title]) => (v1 ? obj([['title', title], ['diagramJson', obj([['cells', cells]])]]) : obj([['id', 0], ['title', title], ['diagramType', 'STRIDE'], ['version', '2.2.0'], ['cells', cells]])));

export const threatDragonModel: fc.Arbitrary<string> = fc
  .tuple(maybe(name), maybe(phrase(COMPONENTS, 6)), fc.array(mostly(diagram, pick<J>([null, 'x', obj([])])), { maxLength: 3 }), maybe(fc.array(fc.tuple(pick(['orders', 'payment-data', '']), name, pick(['pii', 'payment', 'secret', 'internal'])).map(([id, n, c]) => obj([['id', id], ['name', n], ['classification', c]])), { maxLength: 3 })), fc.boolean())
  .map(([title, description, diagrams, assets, pretty]) =>
    renderJson(obj([['version', '2.2.0'], ['summary', obj([['title', title], ['description', description], ['owner', 'me']])], ['detail', obj([['contributors', []], ['diagrams', diagrams]])], ['bulwark', assets !== undefined ? obj([['dataAssets', assets]]) : undefined]]), pretty),
  );
