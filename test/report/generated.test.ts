// Files generated from the zod declaration of the scan result stay in step with it (`npm run docs`).
import { describe, it } from 'node:test';
import { policyJsonSchema } from '../../src/policy/schema.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ScanResultSchema, scanResultJsonSchema } from '../../src/core/scan-schema.js';
import { inKeyOrder, keyOrderModule, keyOrderOf } from '../../src/report/key-order.js';

const read = (rel: string) => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');

describe('generated from the scan-result schema', () => {
  it('docs/policy-schema.json is the published policy schema', () => {
    assert.equal(read('docs/policy-schema.json'), JSON.stringify(policyJsonSchema(), null, 2) + '\n');
  });

  it('docs/scan-result-schema.json is the published schema', () => {
    assert.equal(read('docs/scan-result-schema.json'), JSON.stringify(scanResultJsonSchema(), null, 2) + '\n');
  });

  it('the JSON key order is the schema order', () => {
    assert.equal(read('src/report/scan-json-order.ts'), keyOrderModule('SCAN_RESULT_KEY_ORDER', keyOrderOf(ScanResultSchema), 'ScanResultSchema'));
  });

  it('orders keys as declared, sorts record keys and drops unknown keys', () => {
    const order = keyOrderOf(ScanResultSchema);
    const out = inKeyOrder({ rules: [], stats: { formats: { z: { files: 1, name: 'Z' }, a: { name: 'A' } }, files: 2 }, schemaVersion: 2, extra: 1 }, order);
    assert.equal(JSON.stringify(out), '{"schemaVersion":2,"stats":{"files":2,"formats":{"a":{"name":"A"},"z":{"name":"Z","files":1}}},"rules":[]}');
  });
});
