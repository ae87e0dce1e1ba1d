// The JSON report written in chunks: byte for byte what JSON.stringify(value, null, 2) writes, for the
// awkward values too, while no chunk holds more than a small part of a large report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonChunks } from '../../src/report/json-pieces.js';
import { prettyJson } from '../../src/report/json-pretty.js';

const whole = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const joined = (value: unknown): string => [...jsonChunks(value)].join('');

class Point {
  constructor(readonly x: number) {}
}

const awkward: Record<string, unknown> = {
  empty: { list: [], map: {}, nested: [[], {}, [[]]] },
  strings: ['plain', 'quote " and \\ backslash', 'tab\there\nnewline', '\u0000\u001f\u007f', 'é → 😀', '\ud800 lone', '\u2028\u2029', ''],
  numbers: [0, -0, 1.5, -2e-7, 1e21, 123456789012345680000, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER],
  omitted: { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
  holes: [undefined, () => 1, Symbol('s'), null, true, false],
  special: { date: new Date(0), map: new Map([[1, 2]]), set: new Set([1]), point: new Point(3), boxed: new String('x'), json: { toJSON: () => ({ z: 1 }) } },
  keys: { 2: 'two', 1: 'one', b: 'b', a: 'a', '': 'empty', 'quote"key': 1, __proto__: { inherited: true } },
  nullProto: Object.assign(Object.create(null) as object, { x: [1, { y: 2 }] }),
  deep: { a: { b: { c: { d: { e: [1, [2, [3, { f: 'g' }]]] } } } } },
};
Object.defineProperty(awkward, 'hidden', { value: 1, enumerable: false });

describe('JSON in chunks', () => {
  it('matches JSON.stringify with two-space indentation on awkward values', () => {
    assert.equal(joined(awkward), whole(awkward));
    for (const value of Object.values(awkward)) assert.equal(joined(value), whole(value));
    for (const value of [null, 1, 'text', true, [], {}, [[[[[1]]]]]]) assert.equal(joined(value), whole(value));
  });

  it('writes one value at any indentation as JSON.stringify does there', () => {
    for (const value of Object.values(awkward)) {
      assert.equal(prettyJson(value, '    '), JSON.stringify(value, null, 2).replace(/\n/g, '\n    '));
    }
  });

  it('never holds a large report in one piece', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: `t${i}`, title: `Threat ${i} → "quoted"`, tags: ['a', 'b'], score: i / 3 }));
    const report = { schemaVersion: 1, model: { elements: items.slice(0, 5000) }, threats: items, empty: [] };
    const chunks = [...jsonChunks(report)];
    assert.ok(chunks.length > 20, `${chunks.length} chunks`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < 100_000);
    assert.equal(chunks.join(''), whole(report));
  });

  it('writes each item of the walked lists on one line when asked, the same JSON value', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, title: `Threat ${i}\nsecond line "q"`, refs: [{ a: 1 }, []], gone: undefined }));
    const report = { schemaVersion: 1, model: { name: 'm', elements: items.slice(0, 3), flows: [] }, threats: items, holes: [undefined, awkward.special], counts: { high: 2 } };
    const text = [...jsonChunks(report, { compactItems: true })].join('');
    assert.deepEqual(JSON.parse(text), JSON.parse(whole(report)));
    const lines = text.split('\n');
    // Every threat is one line of its own, at the list's indentation; the frame around them stays indented.
    for (const item of items) assert.ok(lines.includes(`    ${JSON.stringify(item)}${item.id === 't49' ? '' : ','}`), item.id);
    assert.ok(lines.includes('  "counts": {') && lines.includes('    "high": 2'));
    assert.ok(lines.includes('    null,'), 'an omitted item is null, as JSON.stringify writes it');
  });

  it('walks into an item that holds a long list, as a SARIF run holds its results', () => {
    const results = Array.from({ length: 5000 }, (_, i) => ({ ruleId: `TM-${i % 7}`, message: { text: `Threat ${i} "q"` }, locations: [{ physicalLocation: { artifactLocation: { uri: 'design.json' }, region: { startLine: i + 1 } } }] }));
    const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'bulwark', rules: [] } }, results }] };
    const chunks = [...jsonChunks(log)];
    assert.ok(Math.max(...chunks.map((c) => c.length)) < 100_000, 'the run is not one piece');
    assert.equal(chunks.join(''), whole(log));
    const compact = [...jsonChunks(log, { compactItems: true })].join('');
    assert.deepEqual(JSON.parse(compact), log);
    assert.ok(compact.split('\n').includes(`        ${JSON.stringify(results[1])},`), 'each result on a line of its own');
  });
});

