import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { architectureToYaml, readArchitecture } from '../../../src/model/adapters/index.js';
import { element, flow, ids, withoutLocations } from './helpers.js';
import * as hostile from '../../hostile/model-inputs.js';

const HAND_WRITTEN = `name: Clinic portal
description: Patients book appointments online.
dataAssets:
  - name: Medical records
    classification: pii
boundaries:
  - name: Azure subscription
    children:
      - name: App VNet
        members: [Booking API]
      - id: data-zone
        name: Data zone
        type: vpc
elements:
  - name: Patient
    kind: user
  - name: Booking API
    technology: ASP.NET
    authenticatesCallers: true
    rateLimited: true
  - id: records
    name: Records DB
    kind: database
    technology: Azure SQL
    boundary: data-zone
    props:
      encryptedAtRest: true
      backups: yes-please
    data: [Medical records]
  - name: Notifier
    kind: wizard
flows:
  - from: Patient
    to: booking-api
    protocol: HTTPS
    port: 443
    encrypted: true
    authenticated: true
  - source: Booking API
    target: records
    protocol: sql
    data: [Medical records, card numbers]
  - from: Booking API
    to: Pharmacy
`;

describe('Bulwark YAML model', () => {
  const { model, notes } = readArchitecture(HAND_WRITTEN, { fileName: 'clinic.yaml' });

  it('derives ids from names and keeps explicit ones', () => {
    assert.deepEqual(ids(model.elements), ['booking-api', 'notifier', 'patient', 'records']);
    assert.deepEqual(ids(model.boundaries), ['app-vnet', 'azure-subscription', 'data-zone']);
    assert.equal(model.name, 'Clinic portal');
    assert.equal(model.origin?.format, 'yaml');
  });

  it('accepts kind aliases, flattened or nested props, and names or ids in references', () => {
    assert.equal(element(model, 'patient').kind, 'actor');
    assert.equal(element(model, 'records').kind, 'datastore');
    assert.equal(element(model, 'booking-api').kind, 'process');
    assert.equal(element(model, 'booking-api').technology, '.NET');
    assert.deepEqual(element(model, 'booking-api').props, { authenticatesCallers: true, rateLimited: true, internetFacing: true });
    assert.deepEqual(element(model, 'records').props, { encryptedAtRest: true });
    assert.equal(element(model, 'booking-api').boundary, 'app-vnet');
    assert.equal(element(model, 'records').boundary, 'data-zone');
    const https = flow(model, 'patient', 'booking-api');
    assert.deepEqual([https.protocol, https.port, https.encrypted, https.authenticated], ['https', 443, true, true]);
    assert.deepEqual(flow(model, 'booking-api', 'records').data, ['medical-records', 'payment-data']);
  });

  it('types and nests boundaries', () => {
    const byId = Object.fromEntries(model.boundaries.map((b) => [b.id, b]));
    assert.equal(byId['azure-subscription']!.type, 'cloud-account', 'from its name');
    assert.equal(byId['app-vnet']!.type, 'network-zone');
    assert.equal(byId['app-vnet']!.parent, 'azure-subscription');
    assert.equal(byId['data-zone']!.type, 'network-zone', 'vpc alias');
  });

  it('keeps line numbers and reports every problem with its line', () => {
    assert.equal(element(model, 'records').location?.line, 21);
    assert.equal(flow(model, 'booking-api', 'records').location?.line, 39);
    const warnings = notes.filter((n) => n.level === 'warning').map((n) => [n.line, n.message]);
    assert.deepEqual(warnings, [
      [28, 'property "backups" must be true or false'],
      [30, 'unknown kind "wizard" for "Notifier"; taken as process'],
      [43, 'flow Booking API → Pharmacy names an unknown element; skipped'],
    ]);
    assert.ok(notes.some((n) => n.level === 'info' && n.message.includes('card numbers') && n.message.includes('payment')));
  });

  it('treats a kind that names an object built-in as unknown', () => {
    const { model: m, notes: n } = readArchitecture('elements:\n  - name: Odd\n    kind: constructor\n', { format: 'yaml' });
    assert.equal(element(m, 'odd').kind, 'process');
    assert.ok(n.some((x) => x.level === 'warning' && x.message === 'unknown kind "constructor" for "Odd"; taken as process'));
  });

  it('reads the same model written as JSON', () => {
    const json = JSON.stringify({
      name: 'Tiny',
      elements: [{ name: 'Browser', kind: 'actor' }, { name: 'API', kind: 'process' }],
      flows: [{ from: 'Browser', to: 'API', protocol: 'http', encrypted: false }],
    });
    const r = readArchitecture(json, { fileName: 'tiny.json' });
    assert.equal(r.model.origin?.format, 'json');
    assert.equal(flow(r.model, 'browser', 'api').encrypted, false);
  });

  it('architectureToYaml writes a model that reads back identically', () => {
    const yaml = architectureToYaml(model);
    const back = readArchitecture(yaml, { fileName: 'again.yaml' });
    assert.deepEqual(withoutLocations(back.model), withoutLocations(model));
    assert.deepEqual(back.notes.filter((n) => n.level === 'warning'), []);
  });

  it('refuses broken YAML with a one-line error at its line, not an exception', () => {
    const r = readArchitecture('elements:\n  - name: A\n   kind: [unclosed\n', { format: 'yaml' });
    const error = r.notes.find((n) => n.level === 'error');
    assert.ok(error && error.line !== undefined && !error.message.includes('\n'), JSON.stringify(r.notes));
    assert.equal(r.model.elements.length, 0, 'a half-parsed model is not analysed');
    const list = readArchitecture('- just\n- a list\n', { format: 'yaml' });
    assert.ok(list.notes.some((n) => n.level === 'error' && /mapping/.test(n.message)));
  });
});

describe('the JSON model reader against the YAML parser', () => {
  // JSON is YAML: the same document read by the JSON reader and by the YAML parser (a comment line in front
  // makes it YAML, one line lower) must give the same model and the same notes on the same lines.
  const awkward = {
    name: 'Awkward',
    colour: 'stray top-level key',
    dataAssets: [{ id: 'cards', name: 'Card details', classification: 'payment' }, { name: 'Odd', classification: 'secret-ish' }],
    boundaries: [
      { id: 'vpc', name: 'VPC', type: 'network-zone', children: [{ id: 'private', name: 'Private subnet', children: [{ name: 'Deepest', kind: 'stray' }] }] },
      { name: 'Partners', type: 'nonsense', parent: 'nowhere', members: ['Partner API'] },
    ],
    elements: {
      api: { name: 'Order API', kind: 'process', boundary: 'private', props: { internetFacing: true, madeUp: true, authenticated: 'yes' }, extra: { deep: [1, { a: 2 }] } },
      db: { name: 'Orders DB', kind: 'datastore', boundary: 'Deepest', data: ['cards', 'card numbers'], encryptedAtRest: false },
      partner: { name: 'Partner API', kind: 'constructor', tech: 'Go' },
      dup: { name: 'First' },
    },
    flows: [
      { from: 'api', to: 'db', protocol: 'SQL', port: 5432, data: ['cards'], note: 'stray' },
      { from: 'Partner API', to: 'Order API', port: 70000, encrypted: 'no' },
      { from: 'ghost', to: 'db' },
    ],
  };
  const cases: Array<[string, string]> = [
    ['an awkward hand-written model', JSON.stringify(awkward, null, 2).replace('"dup": {', '"__proto__": { "name": "Proto", "kind": "process" },\n    "dup": { "name": "Duplicate" },\n    "dup": {')],
    ['a generated model', JSON.stringify(JSON.parse(hostile.jsonModel(300, 600)), null, 1)],
  ];
  for (const [what, json] of cases) {
    it(`reads ${what} as the YAML parser does`, () => {
      const asJson = readArchitecture(json, { format: 'json', fileName: 'm.json' });
      const asYaml = readArchitecture(`# read as YAML\n${json}`, { format: 'yaml', fileName: 'm.json' });
      const lower = (line: number | undefined) => (line === undefined ? undefined : line - 1);
      const yamlModel = JSON.parse(JSON.stringify(asYaml.model), (key, value) => (key === 'line' ? lower(value as number) : value));
      assert.deepEqual({ ...asJson.model, origin: undefined }, { ...yamlModel, origin: undefined });
      assert.deepEqual(asJson.notes, asYaml.notes.map((n) => (n.line === undefined ? n : { ...n, line: lower(n.line) })));
      assert.ok(asJson.notes.length > (what.startsWith('an awkward') ? 10 : 0), `${asJson.notes.length} notes`);
    });
  }
});
