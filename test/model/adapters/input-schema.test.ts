// docs/model-input-schema.json is the editor schema for models written by hand; it is generated from
// src/model/input-schema.ts, which the YAML/JSON reader takes its field names and aliases from.
// Regenerate with: BULWARK_UPDATE_DOCS=1 node --import tsx --test test/model/adapters/input-schema.test.ts
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { architectureToYaml, readArchitecture } from '../../../src/model/adapters/index.js';
import { architectureInputJsonSchema } from '../../../src/model/schema/input.js';

const docPath = new URL('../../../docs/model-input-schema.json', import.meta.url);
const examplesDir = new URL('../../../examples/models/', import.meta.url);
const expected = JSON.stringify(architectureInputJsonSchema(), null, 2) + '\n';
const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(JSON.parse(expected) as object);

function errors(): string {
  return JSON.stringify(validate.errors, null, 1);
}

function warnings(text: string): string[] {
  return readArchitecture(text, { format: 'yaml' })
    .notes.filter((n) => n.level === 'warning')
    .map((n) => n.message);
}

// Every field and alias of the hand-written form, as a person would write it.
const EVERY_FORM = `# yaml-language-server: $schema=../../docs/model-input-schema.json
version: 1
title: Clinic portal
description: Patients book appointments online.
assets:
  - Medical records
  - id: cards
    name: Card details
    classification: payment
    description: PAN and expiry
boundaries:
  - name: Internet
    type: public
    members: Patient
  - name: Azure subscription
    type: subscription
    children:
      - name: App VNet
        elements: [Booking API, 42]
      - id: data-zone
        name: Data zone
        type: network-zone
        boundaries: { cache-net: { name: Cache net, elements: ["Sessions (Redis)"] } }
  - Unnamed zone
  - id: ops
    name: Operations
    parent: Azure subscription
components:
  - name: Patient
    type: user
  - name: Booking API
    tech: ASP.NET
    description: books and cancels appointments
    authenticatesCallers: true
    properties: { rateLimited: true }
    data: cards
  - id: records
    name: Records DB
    kind: datastore
    technology: Azure SQL
    zone: data-zone
    props: { encryptedAtRest: true, backups: true }
    data: [Medical records]
    inferredFrom: the design review
  - Sessions (Redis)
  - id: 42
    name: Audit worker
    kind: worker
    boundary: ops
    location: { file: clinic.yaml, line: 40 }
dataflows:
  - from: Patient
    to: booking-api
    protocol: HTTPS
    port: 443
    authenticated: true
    data: [cards]
  - source: Booking API
    target: records
    name: SQL over TLS
    encrypted: true
    bidirectional: false
    data: Medical records
  - id: audit
    from: Booking API
    to: 42
    label: audit events
    inferredFrom: logging section
`;

describe('docs/model-input-schema.json', () => {
  it('matches architectureInputJsonSchema()', () => {
    if (process.env.BULWARK_UPDATE_DOCS === '1') writeFileSync(docPath, expected);
    assert.ok(existsSync(docPath), 'docs/model-input-schema.json exists');
    assert.equal(readFileSync(docPath, 'utf8'), expected, 'docs/model-input-schema.json is out of date; regenerate it (see the top of this test)');
  });

  it('accepts every example model in examples/models', () => {
    const yamlFiles = readdirSync(examplesDir).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(yamlFiles.length > 0);
    for (const file of yamlFiles) {
      const doc: unknown = parse(readFileSync(new URL(file, examplesDir), 'utf8'));
      assert.equal(validate(doc), true, `${file}: ${errors()}`);
    }
  });

  it('accepts the model Bulwark writes with --format yaml, and the canonical JSON model, for every example', () => {
    for (const file of readdirSync(examplesDir).filter((f) => f !== 'README.md')) {
      const { model } = readArchitecture(readFileSync(new URL(file, examplesDir), 'utf8'), { fileName: file });
      assert.ok(model.elements.length > 0, file);
      assert.equal(validate(parse(architectureToYaml(model))), true, `${file} as YAML: ${errors()}`);
      assert.equal(validate(JSON.parse(JSON.stringify(model))), true, `${file} as canonical JSON: ${errors()}`);
    }
  });

  it('accepts the hand-written models shown in docs/threat-model.md, which read without warnings', () => {
    const doc = readFileSync(new URL('../../../docs/threat-model.md', import.meta.url), 'utf8');
    const models = [...doc.matchAll(/```yaml\n(# yaml-language-server: \$schema=\S*model-input-schema\.json\n[\s\S]*?)```/g)].map((m) => m[1]!);
    assert.ok(models.length > 0, 'the guide shows a hand-written model with the schema line');
    for (const text of models) {
      assert.equal(validate(parse(text)), true, errors());
      assert.deepEqual(warnings(text), []);
    }
  });

  it('accepts every field and alias the reader reads without a warning', () => {
    assert.deepEqual(warnings(EVERY_FORM), []);
    assert.equal(validate(parse(EVERY_FORM)), true, errors());
    const { model } = readArchitecture(EVERY_FORM, { format: 'yaml' });
    assert.equal(model.name, 'Clinic portal');
    assert.equal(model.elements.find((e) => e.name === 'Records DB')?.boundary, 'data-zone');
    assert.equal(model.elements.find((e) => e.name === 'Sessions (Redis)')?.boundary, 'cache-net');
    assert.equal(model.flows.length, 3);
  });

  it('flags what the reader warns about: misspelt fields, unknown kinds and properties, bad ports', () => {
    const cases: Array<[string, RegExp]> = [
      ['elements:\n  - name: API\n    tecnology: Express\n', /unknown element field "tecnology"/],
      ['elements:\n  - name: API\n    kind: mainframe\n', /unknown kind "mainframe"/],
      ['elements:\n  - name: API\n    props: { encrypted: true }\n', /unknown property "encrypted"/],
      ['elements:\n  - name: API\n    rateLimited: yes please\n', /must be true or false/],
      ['elements: [A, B]\nflows:\n  - { from: A, to: B, port: 70000 }\n', /port must be a number/],
      ['elements: [A]\nboundaries:\n  - { name: Z, type: galaxy, elements: [A] }\n', /unknown boundary type "galaxy"/],
      ['dataAssets:\n  - { name: X, classification: secret }\nelements: [A]\n', /unknown classification "secret"/],
      ['name: M\nelement:\n  - name: A\n', /unknown model field "element"/],
    ];
    for (const [text, warning] of cases) {
      assert.ok(warnings(text).some((w) => warning.test(w)), `reader warns ${warning} for ${JSON.stringify(text)}`);
      assert.equal(validate(parse(text)), false, `the schema rejects ${JSON.stringify(text)}`);
    }
  });
});
