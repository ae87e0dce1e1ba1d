// docs/model-schema.json is generated from the architecture schema; this test keeps it current.
// Regenerate with: BULWARK_UPDATE_DOCS=1 node --import tsx --test test/model/engine/schema-doc.test.ts
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { architectureJsonSchema } from '../../../src/model/schema/architecture.js';

const docPath = new URL('../../../docs/model-schema.json', import.meta.url);
const expected = JSON.stringify({ title: 'Bulwark architecture model', ...(architectureJsonSchema() as object) }, null, 2) + '\n';

describe('docs/model-schema.json', () => {
  it('matches architectureJsonSchema()', () => {
    if (process.env.BULWARK_UPDATE_DOCS === '1') writeFileSync(docPath, expected);
    assert.ok(existsSync(docPath), 'docs/model-schema.json exists');
    assert.equal(readFileSync(docPath, 'utf8'), expected, 'docs/model-schema.json is out of date; regenerate it with npm run docs');
  });

  it('accepts a hand-written canonical model and rejects an unknown element kind', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(expected) as object);
    const model = parse(`
name: Uploads
boundaries: [{ id: vpc, name: VPC, type: network-zone }]
elements:
  - { id: api, name: API, kind: process, boundary: vpc, props: { authenticatesCallers: true } }
  - { id: s3, name: Bucket, kind: bucket, props: { publicAccess: false, versioning: true } }
flows: [{ id: f1, source: api, target: s3, protocol: https, encrypted: true }]
dataAssets: [{ id: img, name: Images, classification: pii }]
`) as { elements: { kind: string }[] };
    assert.equal(validate(model), true, JSON.stringify(validate.errors));
    model.elements[0]!.kind = 'mainframe';
    assert.equal(validate(model), false);
  });
});

describe('docs/threat-model.md knowledge base section', () => {
  it('matches the rule and mitigation metadata', async () => {
    const { renderKnowledgeBaseMarkdown } = await import('../../../src/model/report/knowledge-doc.js');
    const path = new URL('../../../docs/threat-model.md', import.meta.url);
    const doc = readFileSync(path, 'utf8');
    const pattern = /(<!-- knowledge-base:start -->\n)[\s\S]*?(<!-- knowledge-base:end -->)/;
    assert.match(doc, pattern);
    const current = doc.replace(pattern, (_m, start: string, end: string) => `${start}${renderKnowledgeBaseMarkdown()}${end}`);
    if (process.env.BULWARK_UPDATE_DOCS === '1') writeFileSync(path, current);
    assert.equal(readFileSync(path, 'utf8'), current, 'the knowledge base section is out of date; regenerate it with npm run docs');
  });
});
