import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { readArchitecture, toThreatDragon, type ExportableThreat } from '../../../src/model/adapters/index.js';
import { element, flow, ids, withoutLocations } from './helpers.js';

const FIXTURES = 'test/fixtures/model/threat-dragon';
const schema = JSON.parse(readFileSync(`${FIXTURES}/threat-dragon-v2.schema.json`, 'utf8')) as object;
// The published schema mixes integer/string constraints on one field, so ajv's strict mode is off.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function shop() {
  return readArchitecture(readFileSync('examples/models/shop.yaml', 'utf8'), { fileName: 'shop.yaml' }).model;
}

describe('Threat Dragon export', () => {
  it('validates against the published Threat Dragon v2 schema', () => {
    const td = toThreatDragon(shop()) as any;
    assert.equal(validate(td), true, JSON.stringify(validate.errors, null, 1));
    // The schema has teeth: a cell without its z-index, or a boundary body without a dash ratio, is rejected.
    const broken = structuredClone(td);
    delete broken.detail.diagrams[0].cells[0].zIndex;
    assert.equal(validate(broken), false);
    const noDash = structuredClone(td);
    delete noDash.detail.diagrams[0].cells[0].attrs.body.strokeDasharray;
    assert.equal(validate(noDash), false);
  });

  it('uses Threat Dragon shapes and types, and draws boundaries around their members', () => {
    const td = toThreatDragon(shop()) as any;
    const cells: any[] = td.detail.diagrams[0].cells;
    const byId = new Map(cells.map((c) => [c.id, c]));
    assert.equal(byId.get('customer').shape, 'actor');
    assert.equal(byId.get('customer').data.type, 'tm.Actor');
    assert.equal(byId.get('orders').data.type, 'tm.Process');
    assert.equal(byId.get('db').shape, 'store');
    assert.equal(byId.get('stripe').shape, 'actor', 'external systems are actors in a DFD');
    const flowCell = byId.get('worker-to-stripe');
    assert.deepEqual([flowCell.shape, flowCell.data.type, flowCell.source.cell, flowCell.target.cell], ['flow', 'tm.Flow', 'worker', 'stripe']);
    assert.equal(flowCell.data.isEncrypted, true);
    assert.equal(byId.get('orders-to-cache').data.isEncrypted, false);
    assert.equal(byId.get('customer-to-cdn').data.isPublicNetwork, true);
    const inside = (inner: any, outer: any) =>
      inner.position.x >= outer.position.x &&
      inner.position.y >= outer.position.y &&
      inner.position.x + inner.size.width <= outer.position.x + outer.size.width &&
      inner.position.y + inner.size.height <= outer.position.y + outer.size.height;
    const privateBox = byId.get('boundary-private-subnet');
    assert.equal(privateBox.shape, 'trust-boundary-box');
    assert.ok(inside(byId.get('db'), privateBox));
    assert.ok(inside(privateBox, byId.get('boundary-vpc')));
    assert.ok(inside(byId.get('boundary-vpc'), byId.get('boundary-aws-account')));
    assert.ok(!inside(byId.get('customer'), byId.get('boundary-aws-account')));
  });

  it('imports back to the same model: ids, kinds, flows, boundaries, properties and data', () => {
    const original = shop();
    const back = readArchitecture(JSON.stringify(toThreatDragon(original)), { fileName: 'shop.json' });
    assert.equal(back.model.origin?.format, 'threat-dragon');
    assert.deepEqual(withoutLocations(back.model), withoutLocations(original));
    // The export keeps each item's line in the design it came from; on import that line is kept only if it
    // is a line of the file being read (a stored line number is input like any other).
    const pretty = JSON.stringify(toThreatDragon(original), null, 2);
    const line = element(original, 'db').location!.line;
    assert.ok(line > 1 && line <= pretty.split('\n').length);
    assert.equal(element(readArchitecture(pretty, { fileName: 'shop.json' }).model, 'db').location?.line, line);
    assert.equal(element(back.model, 'db').location, undefined, 'line 46 is not a line of a one-line file');
  });

  it('round-trips models read from prose too, inferences included', () => {
    const prose = readArchitecture('User submits credentials → Web App validates → Auth Service checks against Database → returns JWT.', { format: 'prose' }).model;
    const back = readArchitecture(JSON.stringify(toThreatDragon(prose)), { format: 'threat-dragon' }).model;
    assert.deepEqual(withoutLocations(back), withoutLocations(prose));
  });

  it('keeps one-letter element names valid and round-trippable', () => {
    const tiny = readArchitecture('graph LR\n  A -->|HTTPS| B[(B)]\n', { format: 'mermaid' }).model;
    const td = toThreatDragon(tiny);
    assert.equal(validate(td), true, JSON.stringify(validate.errors, null, 1));
    assert.deepEqual(withoutLocations(readArchitecture(JSON.stringify(td), { format: 'threat-dragon' }).model), withoutLocations(tiny));
  });

  it('attaches threats to the element or flow they are about', () => {
    const threats: ExportableThreat[] = [
      { id: 'T1', title: 'Card data sent to Stripe could be replayed', stride: 'tampering', severity: 'high', flows: ['worker-to-stripe'], mitigations: ['Use idempotency keys'], riskScore: 7.5 },
      { id: 'T2', title: 'Orders DB readable by every service', stride: 'information-disclosure', severity: 'critical', elements: ['db'], status: 'mitigated' },
    ];
    const td = toThreatDragon(shop(), threats) as any;
    assert.equal(validate(td), true, JSON.stringify(validate.errors, null, 1));
    const cells: any[] = td.detail.diagrams[0].cells;
    const onFlow = cells.find((c) => c.id === 'worker-to-stripe').data.threats;
    assert.deepEqual(
      onFlow.map((t: any) => [t.title, t.type, t.severity, t.status, t.mitigation, t.score]),
      [['Card data sent to Stripe could be replayed', 'Tampering', 'High', 'Open', 'Use idempotency keys', '7.5']],
    );
    const onDb = cells.find((c) => c.id === 'db').data;
    assert.deepEqual([onDb.threats[0].type, onDb.threats[0].status, onDb.hasOpenThreats], ['Information disclosure', 'Mitigated', false]);
    assert.equal(td.detail.threatTop, 2);
  });
});

describe('Threat Dragon import of a hand-written v2 file', () => {
  const text = readFileSync(`${FIXTURES}/hand-written-v2.json`, 'utf8');

  it('is itself valid against the published schema', () => {
    assert.equal(validate(JSON.parse(text)), true, JSON.stringify(validate.errors, null, 1));
  });

  const { model, notes, threats } = readArchitecture(text, { fileName: 'login.json' });

  it('reads actors, processes and stores with their Threat Dragon flags', () => {
    assert.equal(model.name, 'Login service');
    assert.deepEqual(ids(model.elements), ['audit-log', 'auth-service', 'customer', 'user-db-postgresql', 'web-app']);
    assert.equal(element(model, 'customer').kind, 'actor');
    assert.equal(element(model, 'web-app').kind, 'web-app', 'isWebApplication');
    assert.equal(element(model, 'auth-service').props.authenticatesCallers, true, 'providesAuthentication');
    const db = element(model, 'user-db-postgresql');
    assert.deepEqual([db.kind, db.technology, db.props.storesCredentials, db.props.encryptedAtRest], ['datastore', 'PostgreSQL', true, true]);
    assert.match(element(model, 'audit-log').description ?? '', /log store/);
  });

  it('places elements in the smallest trust-boundary box around them, and nests boxes', () => {
    const byId = Object.fromEntries(model.boundaries.map((b) => [b.id, b]));
    assert.equal(byId['internet']?.type, 'internet');
    assert.equal(byId['private-subnet']?.parent, 'aws-account');
    assert.equal(byId['perimeter']?.type, 'other');
    assert.equal(element(model, 'customer').boundary, 'internet');
    assert.equal(element(model, 'web-app').boundary, 'aws-account');
    assert.equal(element(model, 'auth-service').boundary, 'private-subnet');
    assert.ok(notes.some((n) => /Perimeter.*line/.test(n.message)));
  });

  it('reads flows with protocol, encryption and public-network flags', () => {
    const login = flow(model, 'customer', 'web-app');
    assert.deepEqual([login.protocol, login.encrypted, login.label], ['https', true, 'Login form']);
    assert.equal(element(model, 'web-app').props.internetFacing, true);
    assert.deepEqual([flow(model, 'web-app', 'auth-service').protocol, flow(model, 'web-app', 'auth-service').encrypted], ['grpc', false]);
    assert.equal(model.flows.length, 4);
    // The file's own threat is kept for the register, on the element it was drawn on.
    assert.deepEqual(threats?.map((t) => [t.id, t.element, t.stride, t.severity, t.status, t.original.mitigation]), [['1', 'web-app', 'spoofing', 'high', 'open', 'Rate-limit logins and require MFA.']]);
  });

  it('takes the STRIDE category of a threat saved without a type from its title', () => {
    const threat = (id: string, title: string) => ({ id, title, status: 'Open', severity: 'Medium', type: '', modelType: 'STRIDE', description: '', mitigation: '' });
    const doc = {
      version: '2.5.0',
      summary: { title: 'Kiosk', owner: 'Library IT', description: '', id: 0 },
      detail: { contributors: [], reviewer: '', threatTop: 5, diagramTop: 1, diagrams: [{ id: 0, title: 'Kiosk', diagramType: 'STRIDE', version: '2.5.0', cells: [
        { id: 'c1', shape: 'actor', position: { x: 0, y: 0 }, size: { width: 100, height: 60 }, data: { type: 'tm.Actor', name: 'Patron', threats: [
          threat('t1', '[S] Patron spoofing - borrowed library card'),
          threat('t2', 'Kiosk DoS - print queue flood'),
          threat('t3', 'Info disclosure of loan history on a shared screen'),
          threat('t4', 'Shoulder surfing'),
          threat('t5', 'Spoofed card leads to elevation of privilege'),
        ] } },
      ] }] },
    };
    const { threats } = readArchitecture(JSON.stringify(doc), { fileName: 'kiosk.json' });
    assert.deepEqual(threats!.map((t) => [t.id, t.stride, t.strideNote]), [
      ['t1', 'spoofing', 'no type; the title names spoofing'],
      ['t2', 'denial-of-service', 'no type; the title names denial of service'],
      ['t3', 'information-disclosure', 'no type; the title names information disclosure'],
      ['t4', 'tampering', 'no type names no STRIDE category; filed under tampering'],
      ['t5', 'tampering', 'no type names no STRIDE category; filed under tampering'],
    ]);
  });

  it('reports broken files as notes instead of crashing', () => {
    const bad = readArchitecture('{ "summary": {"title": "x"}, "detail": {"diagrams": [\n  {"cells": [ {"shape": "flow", "source": {"cell": "nope"}, "target": {}} ]}\n]} }', { format: 'threat-dragon' });
    assert.equal(bad.model.elements.length, 0);
    assert.ok(bad.notes.some((n) => n.level === 'warning' && /not connected/.test(n.message)));
    assert.ok(bad.notes.some((n) => n.level === 'error' && /no architecture elements/.test(n.message)));
    const notJson = readArchitecture('{ "summary": \n  oops', { format: 'threat-dragon' });
    assert.ok(notJson.notes.some((n) => n.level === 'error' && /not valid JSON/.test(n.message) && !n.message.includes('\n')));
  });
});
