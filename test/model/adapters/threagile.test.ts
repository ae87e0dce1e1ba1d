// Threagile models read into the architecture: assets, links, boundaries, runtimes, data assets and the
// risk tracking's criteria, each item at its line in the Threagile file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectFormat, readArchitecture } from '../../../src/model/adapters/index.js';
import { element, flow, ids } from './helpers.js';

const CLINIC = readFileSync('test/fixtures/model/threagile/clinic.yaml', 'utf8');
const read = (text: string, fileName = 'model.yaml') => readArchitecture(text, { fileName });
/** Line (1-based) of the first line of the fixture that starts with `text` after its indentation. */
const lineOf = (text: string) => CLINIC.split('\n').findIndex((l) => l.trimStart().startsWith(text)) + 1;

describe('Threagile reader', () => {
  const { model, notes, decisions } = read(CLINIC, 'clinic.yaml');

  it('is detected by content, by name, and as JSON', () => {
    assert.equal(detectFormat('clinic.yaml', CLINIC), 'threagile');
    assert.equal(detectFormat('design', 'technical_assets:\n  A:\n    id: a\n'), 'threagile');
    assert.equal(detectFormat('threagile.yaml', 'title: Draft\n'), 'threagile');
    assert.equal(detectFormat('model.json', JSON.stringify({ threagile_version: '1.0.0', technical_assets: {} })), 'threagile');
    assert.equal(detectFormat('shop.yaml', 'name: Shop\nelements: []\n'), 'yaml');
    assert.equal(model.origin?.format, 'threagile');
  });

  it('reads every asset, link, boundary and data asset, with the title and overview', () => {
    assert.equal(model.name, 'Clinic Appointments');
    assert.match(model.description ?? '', /^Patients book, move and cancel appointments online/, 'HTML tags are dropped');
    assert.equal(model.elements.length, 15);
    assert.equal(model.flows.length, 15);
    assert.equal(model.boundaries.length, 7);
    assert.deepEqual(ids(model.dataAssets), ['appointments', 'backend-code', 'frontend-code', 'login-credentials', 'patient-records']);
    assert.equal(notes.filter((n) => n.level === 'error').length, 0);
  });

  it('gives each element the kind and technology its type and technology say', () => {
    const kinds = Object.fromEntries(model.elements.map((e) => [e.id, e.kind]));
    assert.deepEqual(kinds, {
      'patient-browser': 'actor',
      waf: 'gateway',
      'patient-portal': 'web-app',
      'booking-api': 'process',
      'booking-db': 'datastore',
      'reminder-queue': 'queue',
      'reminder-worker': 'function',
      'document-store': 'datastore',
      keycloak: 'identity-provider',
      'staff-directory': 'identity-provider',
      'staff-client': 'actor',
      'git-server': 'process',
      'ci-pipeline': 'process',
      'dev-laptop': 'actor',
      'billing-service': 'external-system',
    });
    assert.equal(element(model, 'ci-pipeline').technology, 'CI/CD build pipeline');
    assert.equal(element(model, 'git-server').technology, 'Source code repository (gitea)', 'tags name the product');
    assert.equal(element(model, 'staff-directory').technology, 'LDAP directory');
    assert.equal(element(model, 'booking-db').technology, 'Database (postgresql)');
  });

  it('maps encryption, custom code, data, formats, runtimes and second factors', () => {
    assert.equal(element(model, 'booking-db').props.encryptedAtRest, true);
    assert.equal(element(model, 'document-store').props.encryptedAtRest, false);
    assert.equal(element(model, 'booking-api').props.customDeveloped, true);
    assert.deepEqual(element(model, 'booking-api').dataFormats, ['json', 'serialization']);
    assert.deepEqual(element(model, 'patient-portal').dataFormats, ['json', 'xml']);
    assert.deepEqual(element(model, 'booking-db').data, ['patient-records', 'appointments']);
    for (const id of ['patient-portal', 'booking-api', 'keycloak']) assert.equal(element(model, id).runtime, 'Application Cluster');
    assert.equal(element(model, 'booking-db').runtime, undefined);
    assert.equal(element(model, 'patient-portal').props.mfa, true, 'the staff log in with two factors');
  });

  it('classifies data by its confidentiality and by what it is', () => {
    const classes = Object.fromEntries(model.dataAssets.map((a) => [a.id, a.classification]));
    assert.deepEqual(classes, {
      'patient-records': 'pii',
      'login-credentials': 'credentials',
      appointments: 'confidential',
      'frontend-code': 'public',
      'backend-code': 'internal',
    });
    assert.equal(model.dataAssets.find((a) => a.id === 'backend-code')?.description, 'Source of the booking API and the reminder worker', 'merge keys are read');
  });

  it('maps protocols, authentication, authorisation, usage and data on the links', () => {
    const portal = flow(model, 'patient-browser', 'waf');
    assert.deepEqual(
      [portal.id, portal.label, portal.protocol, portal.encrypted, portal.authenticated, portal.authorization, portal.usage],
      ['patient-browser-portal-traffic', 'Patients use the portal over HTTPS', 'https', true, true, 'end-user', 'business'],
    );
    assert.deepEqual(portal.data.sort(), ['appointments', 'frontend-code', 'login-credentials', 'patient-records'], 'sent and received data');
    const db = flow(model, 'booking-api', 'booking-db');
    assert.deepEqual([db.protocol, db.encrypted, db.authorization], ['sql', true, 'technical-user']);
    const queue = flow(model, 'booking-api', 'reminder-queue');
    assert.deepEqual([queue.protocol, queue.encrypted, queue.authenticated, queue.authorization], ['tcp', false, false, 'none']);
    assert.equal(flow(model, 'booking-api', 'billing-service').encrypted, true, 'HTTP inside a VPN');
    assert.equal(flow(model, 'ci-pipeline', 'patient-portal').usage, 'devops');
  });

  it('nests boundaries and places assets in the innermost one', () => {
    const parent = Object.fromEntries(model.boundaries.map((b) => [b.id, b.parent ?? null]));
    assert.deepEqual(parent, {
      'cloud-account': null,
      dmz: 'cloud-account',
      'app-zone': 'cloud-account',
      'data-zone': 'app-zone',
      'identity-namespace': 'cloud-account',
      'clinic-intranet': null,
      'build-environment': null,
    });
    const type = Object.fromEntries(model.boundaries.map((b) => [b.id, b.type]));
    assert.equal(type['cloud-account'], 'cloud-account');
    assert.equal(type['identity-namespace'], 'cluster');
    assert.equal(type['build-environment'], 'process');
    assert.equal(type.dmz, 'network-zone');
    assert.equal(element(model, 'booking-db').boundary, 'data-zone');
    assert.equal(element(model, 'patient-browser').boundary, undefined);
  });

  it('keeps the line of every element, flow, boundary and data asset', () => {
    assert.equal(element(model, 'booking-api').location?.line, lineOf('Booking API:'));
    assert.equal(flow(model, 'booking-api', 'document-store').location?.line, lineOf('Document Upload:'));
    assert.equal(model.boundaries.find((b) => b.id === 'data-zone')?.location?.line, lineOf('Data Zone:'));
    assert.equal(model.dataAssets.find((a) => a.id === 'appointments')?.location?.line, lineOf('Appointments:'));
    assert.equal(element(model, 'booking-api').location?.file, 'clinic.yaml');
  });

  it('says in one note which fields it did not read, and which assets out of scope it took as third parties', () => {
    const unread = notes.filter((n) => /no place for/.test(n.message));
    assert.equal(unread.length, 1);
    assert.equal(unread[0]!.level, 'info');
    assert.match(unread[0]!.message, /\bbusiness_criticality\b.*\bintegrity\b/);
    const scope = notes.find((n) => /out of scope/.test(n.message));
    assert.match(scope?.message ?? '', /^"Billing Service" is out of scope in Threagile: read as a third-party system/);
  });

  it('turns risk tracking into decisions with their criteria, status, justification and owner', () => {
    const byKey = new Map((decisions ?? []).map((d) => [d.key, d]));
    assert.equal(byKey.size, 6, 'the entry of an unknown category is left out');
    const accepted = byKey.get('untrusted-deserialization@booking-api')!;
    assert.deepEqual(
      { rules: accepted.rules, parts: accepted.parts, status: accepted.status, justification: accepted.justification, owner: accepted.owner, line: accepted.line },
      { rules: ['TM-INJ-005'], parts: [['booking-api']], status: 'accepted', justification: 'Only our own signed objects are deserialised (ticket CLINIC-101)', owner: 'Dana Reyes', line: lineOf('untrusted-deserialization@') },
    );
    assert.deepEqual(byKey.get('unencrypted-asset@*')!.parts, [], 'a wildcard names nothing');
    assert.deepEqual(byKey.get('ldap-injection@*@staff-directory@*')!.parts, [['staff-directory']]);
    assert.equal(byKey.get('xml-external-entity@patient-portal')!.status, 'false-positive');
    assert.deepEqual([byKey.get('cross-site-scripting@patient-portal')!.status, byKey.get('cross-site-scripting@patient-portal')!.sourceStatus], ['open', 'in-progress']);
    assert.equal(byKey.get('missing-vault@*')!.status, 'open');
    const unknown = notes.find((n) => /shadow-it-usage/.test(n.message));
    assert.equal(unknown?.level, 'warning');
    assert.equal(unknown?.line, lineOf('shadow-it-usage@'));
  });

  it('resolves link, boundary, runtime and data asset ids in risk ids to what they stand for', () => {
    const tracked = (key: string) => `risk_tracking:\n  ${key}:\n    status: mitigated\n    justification: checked\n`;
    const keys = [
      'unencrypted-communication@booking-api>reminder-events@booking-api@reminder-queue',
      'missing-network-segmentation@data-zone',
      'mixed-targets-on-shared-runtime@app-cluster',
      'unnecessary-data-asset@backend-code',
      'missing-waf@no-such-asset',
    ];
    const parts = keys.map((key) => readArchitecture(`${CLINIC.replace(/\nrisk_tracking:[\s\S]*$/, '\n')}${tracked(key)}`, { fileName: 'clinic.yaml' }).decisions?.[0]?.parts);
    assert.deepEqual(parts, [
      [['booking-api-reminder-events'], ['booking-api'], ['reminder-queue']],
      [['booking-db', 'document-store']],
      [['patient-portal', 'booking-api', 'keycloak']],
      [['git-server', 'ci-pipeline', 'ci-pipeline-checkout', 'ci-pipeline-deploy-booking-api', 'dev-laptop-code-push']],
      [[]],
    ]);
  });
});

describe('Threagile risks written by hand in the model', () => {
  const { threats, notes } = readArchitecture(CLINIC, { fileName: 'clinic.yaml' });
  const own = (threats ?? []).filter((t) => t.format === 'threagile');

  it('are threats of the file, on their asset, with severity, likelihood, STRIDE and mitigation', () => {
    assert.deepEqual(own.map((t) => [t.id, t.element, t.stride, t.severity, t.likelihood]), [
      ['appointment-enumeration', 'booking-api', 'information-disclosure', 'high', 'high'],
      ['appointment-enumeration', 'patient-portal', 'information-disclosure', 'medium', 'medium'],
      ['reminder-spoofing', 'reminder-worker', 'tampering', 'high', undefined],
    ]);
    const first = own[0]!;
    assert.equal(first.title, 'Appointment Enumeration at Booking API', 'the HTML of the title is dropped');
    assert.match(first.description ?? '', /Sequential appointment numbers[\s\S]*Impact: Names[\s\S]*CWE-639/);
    assert.match(first.mitigation ?? '', /random identifiers/);
    assert.equal(first.severityText, 'elevated');
    assert.equal(first.line, lineOf('<b>Appointment Enumeration</b> at <b>Booking API</b>'));
    assert.equal(first.original.synthetic_id, 'appointment-enumeration@booking-api');
    assert.match(own[2]!.strideNote ?? '', /"hijacking" is no STRIDE category; taken as tampering/);
  });

  it('take their status from the risk tracking, and a risk on an unknown asset is named', () => {
    assert.deepEqual(own.map((t) => t.status), ['open', 'mitigated', 'open']);
    assert.ok(notes.some((n) => n.level === 'warning' && /1 identified risk\(s\) name no technical asset/.test(n.message)));
    assert.ok(!notes.some((n) => /appointment-enumeration/.test(n.message)), 'their tracking is no unknown category');
  });

  it('are in the register next to the derived threats, and a decided one is out of the open list', async () => {
    const { analyze } = await import('../../../src/model/engine/analyze.js');
    const { model } = readArchitecture(CLINIC, { fileName: 'clinic.yaml' });
    const report = analyze(model, { importedThreats: threats ?? [] });
    const open = report.threats.filter((t) => t.ruleId === 'TG-IMPORTED').map((t) => t.id);
    assert.deepEqual(open.sort(), ['TG-appointment-enumeration@booking-api', 'TG-reminder-spoofing@reminder-worker']);
    assert.deepEqual(report.decided.filter((t) => t.ruleId === 'TG-IMPORTED').map((t) => [t.id, t.status]), [['TG-appointment-enumeration@patient-portal', 'mitigated']]);
  });
});

describe('Threagile reader on broken models', () => {
  it('drops links to unknown assets and unknown data with a located warning each', () => {
    const text = [
      'threagile_version: 1.0.0',
      'technical_assets:',
      '  Web:',
      '    id: web',
      '    type: process',
      '    technology: web-server',
      '    data_assets_processed: [ghost-data]',
      '    communication_links:',
      '      To Nowhere:',
      '        target: nowhere',
      '        protocol: https',
      '  Store:',
      '    id: store',
      '    type: datastore',
      '    technology: database',
      '    communication_links:',
      '      Odd:',
      '        target: web',
      '        protocol: pigeon',
      '',
    ].join('\n');
    const { model, notes } = read(text);
    assert.equal(model.elements.length, 2);
    assert.equal(model.flows.length, 1);
    const warnings = notes.filter((n) => n.level === 'warning').map((n) => `${n.line}: ${n.message}`);
    assert.deepEqual(warnings, [
      '3: "Web" refers to data asset "ghost-data", which is not in data_assets; ignored',
      '9: communication link "To Nowhere" of "Web" targets "nowhere", which is no technical asset of the model; ignored',
      '17: communication link "Odd" has protocol "pigeon", which Threagile does not have',
    ]);
  });

  it('never nests a boundary in itself or in two parents, and keeps an asset in its first boundary', () => {
    const text = [
      'technical_assets:',
      '  App: { id: app, type: process, technology: web-service-rest }',
      '  DB: { id: db, type: datastore, technology: database }',
      'trust_boundaries:',
      '  A: { id: a, type: network-on-prem, technical_assets_inside: [app], trust_boundaries_nested: [b] }',
      '  B: { id: b, type: network-on-prem, technical_assets_inside: [app, db], trust_boundaries_nested: [a] }',
      '  C: { id: c, type: network-on-prem, trust_boundaries_nested: [b] }',
      '',
    ].join('\n');
    const { model, notes } = read(text);
    assert.deepEqual(model.boundaries.map((b) => [b.id, b.parent ?? null]), [['a', null], ['b', 'a'], ['c', null]]);
    assert.equal(element(model, 'app').boundary, 'a');
    assert.equal(element(model, 'db').boundary, 'b');
    assert.equal(notes.filter((n) => n.level === 'warning').length, 3, notes.map((n) => n.message).join('\n'));
  });

  it('refuses a model whose root is not a mapping, and a merge key that is not a mapping, without throwing', () => {
    const list = readArchitecture('- technical_assets\n', { format: 'threagile' });
    assert.match(list.notes.find((n) => n.level === 'error')?.message ?? '', /a Threagile model is a mapping/);
    const merge = read('threagile_version: 1.0.0\ntechnical_assets:\n  A:\n    <<: 5\n    id: a\n');
    const refusal = merge.notes.find((n) => n.level === 'error')?.message ?? '';
    assert.match(refusal, /^YAML: Merge sources must be maps/, 'said by the reader, not caught by the last guard');
  });

  it('ignores sections of the wrong shape with a warning, and inherits nothing from Object.prototype', () => {
    const text = 'threagile_version: 1.0.0\ndata_assets: [a, b]\ntechnical_assets:\n  __proto__:\n    id: proto\n    type: process\n  constructor:\n    type: process\n    technology: toString\n';
    const { model, notes } = read(text);
    assert.ok(notes.some((n) => n.level === 'warning' && /data_assets must be a mapping/.test(n.message)));
    assert.ok(model.elements.every((e) => e.kind === 'process'));
    assert.ok(notes.some((n) => /technology "toString", which Threagile does not have/.test(n.message)));
  });
});
