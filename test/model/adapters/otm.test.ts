import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectFormat, readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze } from '../../../src/model/engine/analyze.js';

const DIR = 'test/fixtures/model/otm';
const read = (name: string) => readArchitecture(readFileSync(`${DIR}/${name}`, 'utf8'), { fileName: name });
const lineOf = (name: string, text: string) => readFileSync(`${DIR}/${name}`, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

describe('Open Threat Model reader', () => {
  for (const name of ['parcel-tracking.otm.yaml', 'parcel-tracking.otm.json']) {
    it(`reads zones, components, flows, assets and threats (${name.endsWith('yaml') ? 'YAML' : 'JSON'})`, () => {
      const { model, notes, threats } = read(name);
      assert.equal(model.origin?.format, 'otm');
      assert.equal(model.name, 'Parcel tracking');
      assert.deepEqual(notes.filter((n) => n.level !== 'info'), []);
      assert.deepEqual(model.boundaries.map((b) => [b.id, b.type, b.parent]), [
        ['internet', 'internet', undefined],
        ['production-aws-account', 'cloud-account', undefined],
        ['private-subnet', 'network-zone', 'production-aws-account'],
      ]);
      const byId = new Map(model.elements.map((e) => [e.id, e]));
      assert.deepEqual([...byId.values()].map((e) => [e.id, e.kind, e.boundary]), [
        ['customer-browser', 'actor', 'internet'],
        ['courier-app', 'actor', 'internet'],
        ['tracking-api', 'process', 'production-aws-account'],
        ['scan-validator', 'process', 'production-aws-account'],
        ['scan-events-queue', 'queue', 'production-aws-account'],
        ['parcels-database', 'datastore', 'private-subnet'],
      ]);
      assert.equal(byId.get('parcels-database')!.technology, 'PostgreSQL');
      assert.equal(byId.get('scan-events-queue')!.technology, 'AWS SQS');
      assert.match(byId.get('scan-validator')!.description ?? '', /part of Tracking API/);
      assert.match(notes.find((n) => /does not represent/.test(n.message))!.message, /components inside components \(1/);
      assert.equal(model.flows.length, 4);
      const app = model.flows.find((f) => f.source === 'courier-app')!;
      assert.deepEqual([app.protocol, app.encrypted, app.authenticated, app.bidirectional], ['https', true, true, true]);
      assert.deepEqual(app.data, ['tracking-events', 'courier-credentials']);
      assert.deepEqual(model.dataAssets.map((a) => [a.id, a.classification]), [
        ['courier-credentials', 'credentials'],
        ['delivery-addresses', 'pii'],
        ['tracking-events', 'public'],
      ]);
      assert.equal(byId.get('parcels-database')!.location?.line, lineOf(name, name.endsWith('yaml') ? 'id: parcels-db' : '"id": "parcels-db"') - (name.endsWith('yaml') ? 0 : 1));
      assert.deepEqual(threats?.map((t) => [t.id, t.element ?? t.flow, t.stride, t.status, t.severity]), [
        ['broken-object-authz', 'tracking-api', 'elevation-of-privilege', 'open', 'high'],
        ['db-snapshot-leak', 'parcels-database', 'information-disclosure', 'mitigated', 'low'],
        ['address-profiling', 'parcels-database', 'information-disclosure', 'false-positive', 'low'],
        ['token-replay', 'courier-app-to-tracking-api', 'spoofing', 'open', 'low'],
      ]);
      assert.match(threats![0]!.mitigation!, /Check parcel ownership on every read \(required, risk reduction 90%\)/);
      assert.match(threats![2]!.strideNote!, /Linkability/);
    });
  }

  it('files the assigned threats in the register next to the derived ones', () => {
    const { model, threats } = read('parcel-tracking.otm.yaml');
    const report = analyze(model, { importedThreats: threats! });
    const open = report.threats.filter((t) => t.origin);
    assert.deepEqual(open.map((t) => t.id).sort(), ['OTM-broken-object-authz@tracking-api', 'OTM-token-replay@courier-app->tracking-api']);
    assert.ok(report.threats.some((t) => !t.origin), 'Bulwark still derives its own');
    const decided = report.decided.filter((t) => t.origin).map((t) => [t.id, t.status, t.decision?.justification]);
    assert.deepEqual(decided.sort((a, b) => String(a[0]).localeCompare(String(b[0]))), [
      ['OTM-address-profiling@parcels-database', 'false-positive', 'false-positive in the Open Threat Model file (status "not-applicable")'],
      ['OTM-db-snapshot-leak@parcels-database', 'mitigated', 'mitigated in the Open Threat Model file (status "mitigated")'],
    ]);
    const authz = open.find((t) => t.id.startsWith('OTM-broken'))!;
    assert.equal(authz.risk.exploitability.factor, 1, 'the API is reachable from the internet');
    assert.equal(authz.severity, 'high');
  });

  it('is detected by content in JSON and YAML, and by the .otm.json name', () => {
    const yaml = readFileSync(`${DIR}/parcel-tracking.otm.yaml`, 'utf8');
    const json = readFileSync(`${DIR}/parcel-tracking.otm.json`, 'utf8');
    assert.equal(detectFormat('design.yaml', yaml), 'otm');
    assert.equal(detectFormat('design', yaml), 'otm');
    assert.equal(detectFormat('design.json', json), 'otm');
    assert.equal(detectFormat('parcel.otm.json', json), 'otm');
    assert.equal(detectFormat('model.yaml', 'name: x\nelements: []\nflows: []\n'), 'yaml');
  });

  it('refuses a quoted value continued below its key, and says where and why', () => {
    const text = 'otmVersion: 0.2.0\nproject:\n  name: P\n  id: p\ncomponents:\n  - id: a\n    name: A\n    description:\n      \'one\n    two}\'\n    type: web-service\n';
    const { notes } = readArchitecture(text, { format: 'otm' });
    const error = notes.find((n) => n.level === 'error')!;
    assert.match(error.message, /the quoted value of "description" \(line 9\).*indented no deeper than its key/);
  });

  it('notes dangling references instead of failing', () => {
    const text = JSON.stringify({ otmVersion: '0.2.0', project: { name: 'P', id: 'p' }, trustZones: [{ id: 'z', name: 'Private', risk: { trustRating: 90 }, parent: { trustZone: 'nowhere' } }],
      components: [{ id: 'a', name: 'Orders API', type: 'web-service', parent: { trustZone: 'z' }, threats: [{ threat: 'missing', state: 'exposed' }] }, { id: 'b', name: 'Orders DB', type: 'database', parent: { trustZone: 'z' } }],
      dataflows: [{ id: 'f', name: 'SQL', source: 'a', destination: 'ghost' }, { id: 'g', name: 'SQL', source: 'a', destination: 'b' }] });
    const { model, notes, threats } = readArchitecture(text, { fileName: 'x.json' });
    assert.equal(model.elements.length, 2);
    assert.equal(model.flows.length, 1);
    assert.equal(threats, undefined);
    assert.ok(notes.some((n) => /names a parent zone that is not in the file/.test(n.message)));
    assert.ok(notes.some((n) => /does not join two components/.test(n.message)));
    assert.ok(notes.some((n) => /1 threat reference\(s\) name no threat/.test(n.message)));
  });

  it('reads a component tagged as a third party\'s as an external system, whatever its type runs', () => {
    const text = [
      'otmVersion: 0.2.0',
      'project: {id: courier-portal, name: Courier portal}',
      'trustZones:',
      '- {id: internet, name: Internet, risk: {trustRating: 1}}',
      '- {id: cloud, name: AWS Cloud, risk: {trustRating: 80}}',
      'components:',
      '- {id: route-planner, name: Route planning API, tags: [external-api, third-party], type: CD-V2-WEB-APPLICATION-SERVER-SIDE, parent: {trustZone: internet}}',
      '- {id: courier-api, name: Courier API, tags: [external-api], type: CD-V2-WEB-APPLICATION-SERVER-SIDE, parent: {trustZone: cloud}}',
      '- {id: courier, name: Courier mobile app, tags: [3rd-party], type: CD-V2-ANDROID-DEVICE-CLIENT, parent: {trustZone: internet}}',
      'dataflows:',
      '- {id: plan, name: Route requests, source: courier-api, destination: route-planner}',
      '- {id: app, name: Deliveries, source: courier, destination: courier-api}',
    ].join('\n');
    const { model } = readArchitecture(text, { fileName: 'courier.otm' });
    assert.deepEqual(model.elements.map((e) => [e.id, e.kind]), [
      ['route-planning-api', 'external-system'],
      ['courier-api', 'process'],
      ['courier-mobile-app', 'actor'],
    ]);
  });

  it('notes components, zones and assets it skips for want of an id', () => {
    const text = JSON.stringify({ otmVersion: '0.2.0', project: { name: 'P', id: 'p' }, trustZones: [{ name: 'Private' }], components: [{ id: 'a', name: 'Orders API', type: 'web-service' }, { name: 'Orders DB', type: 'database' }], dataflows: [], assets: [{ name: 'Card numbers' }] });
    const { model, notes } = readArchitecture(text, { fileName: 'x.json' });
    assert.equal(model.elements.length, 1);
    for (const what of ['component', 'trust zone', 'data asset']) assert.ok(notes.some((n) => n.level === 'warning' && n.message.startsWith(`a ${what} has no id; skipped`)), what);
  });
});
