import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { comparable, element, flow } from './helpers.js';

const FILES = ['shop.mmd', 'shop.puml', 'shop-c4.puml', 'shop.yaml'];
const read = (file: string) => readArchitecture(readFileSync(`examples/models/${file}`, 'utf8'), { fileName: file });

describe('the same shop written in Mermaid, PlantUML, C4-PlantUML and YAML', () => {
  const results = Object.fromEntries(FILES.map((f) => [f, read(f)]));

  it('reads each file without warnings', () => {
    for (const f of FILES) assert.deepEqual(results[f]!.notes.filter((n) => n.level === 'warning'), [], f);
  });

  it('yields the same elements, flows, boundaries and membership from every format', () => {
    const reference = comparable(results['shop.yaml']!.model);
    for (const f of FILES) assert.deepEqual(comparable(results[f]!.model), reference, f);
  });

  it('is the shop as written (checked by hand against the YAML)', () => {
    const model = results['shop.mmd']!.model;
    assert.equal(model.elements.length, 9);
    assert.equal(model.flows.length, 8);
    assert.equal(element(model, 'cache').kind, 'cache');
    assert.equal(element(model, 'cache').technology, 'Redis');
    assert.equal(element(model, 'queue').technology, 'AWS SQS');
    assert.equal(element(model, 'gateway').boundary, 'public-subnet');
    assert.equal(element(model, 'stripe').boundary, undefined);
    const cache = flow(model, 'orders', 'cache');
    assert.deepEqual([cache.protocol, cache.encrypted, cache.authenticated], ['resp', false, undefined]);
    const stripe = flow(model, 'worker', 'stripe');
    assert.deepEqual([stripe.protocol, stripe.encrypted, stripe.authenticated], ['https', true, true]);
  });

  it('agrees on the inferred entry point', () => {
    for (const f of FILES) assert.equal(element(results[f]!.model, 'cdn').props.internetFacing, true, f);
  });
});
