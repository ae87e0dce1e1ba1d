import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { element, flow, ids } from './helpers.js';

const ARCHITECTURE = `architecture-beta
    title Photo sharing
    group cloud(cloud)[AWS account]
    group vpc(server)[VPC] in cloud
    group private(server)[Private subnet] in vpc

    service visitors(internet)[Visitors]
    service api(server)[Photo API] in vpc
    service db(database)[Photos DB] in private
    service media(disk)[Media bucket S3] in cloud
    service thumbs(logos:aws-lambda)[Thumbnailer] in private
    junction fanout in private

    visitors:R --> L:api
    api:R -- L:fanout
    fanout:B --> T:db
    fanout:R --> L:thumbs
    api{group}:B -[uploads]-> T:media{group}
    thumbs:T <-- B:media
`;

describe('Mermaid architecture-beta', () => {
  const { model, notes } = readArchitecture(ARCHITECTURE, { fileName: 'photos.mmd' });

  it('reads groups as nested boundaries and services with icon hints', () => {
    assert.deepEqual(
      model.boundaries.map((b) => [b.id, b.type, b.parent]),
      [
        ['aws-account', 'cloud-account', undefined],
        ['vpc', 'network-zone', 'aws-account'],
        ['private-subnet', 'network-zone', 'vpc'],
      ],
    );
    assert.deepEqual(ids(model.elements), ['api', 'db', 'media', 'thumbs', 'visitors'], 'the service ids, not their labels');
    assert.equal(element(model, 'visitors').kind, 'actor');
    assert.equal(element(model, 'db').kind, 'datastore');
    assert.equal(element(model, 'media').kind, 'bucket', 'the S3 in the label beats the disk icon');
    assert.equal(element(model, 'thumbs').kind, 'function', 'iconify logos:aws-lambda');
    assert.equal(element(model, 'db').boundary, 'private-subnet');
    assert.equal(element(model, 'db').location?.line, 9);
  });

  it('reads edges, collapses junctions, honours arrow direction and edge labels', () => {
    assert.ok(flow(model, 'visitors', 'api'));
    assert.ok(flow(model, 'api', 'db'), 'through the junction');
    assert.ok(flow(model, 'api', 'thumbs'), 'through the junction');
    assert.deepEqual(flow(model, 'api', 'media').data, ['user-uploads']);
    assert.ok(flow(model, 'media', 'thumbs'), '`thumbs <-- media` carries data from media to thumbs');
    assert.equal(model.flows.length, 5);
    assert.equal(notes.filter((n) => n.level === 'warning').length, 0);
  });
});

const C4 = `C4Container
title Internet banking
Person(customer, "Banking Customer", "A customer of the bank")
System_Ext(mail, "E-mail system", "Microsoft Exchange")
Enterprise_Boundary(bank, "Big Bank plc") {
  System_Boundary(ib, "Internet Banking") {
    Container(spa, "Single-Page App", "JavaScript, Angular", "Banking in the browser")
    Container(backend, "API Application", "Java, Spring Boot")
    ContainerDb(db, "Database", "Oracle Database 12c", "Users and accounts")
    ContainerQueue(events, "Event stream", "Kafka")
  }
}
Rel(customer, spa, "Uses", "HTTPS")
Rel(spa, backend, "Calls", "JSON/HTTPS with JWT")
Rel_Back(db, backend, "Reads from and writes to", "JDBC")
BiRel(backend, events, "Publishes", "Kafka over TLS")
Rel_U(backend, mail, "Sends e-mail using", "SMTP")
UpdateRelStyle(customer, spa, $offsetY="-40")
`;

describe('Mermaid C4', () => {
  const { model, notes } = readArchitecture(C4, { format: 'mermaid' });

  it('reads people, containers and nested boundaries', () => {
    assert.equal(model.name, 'Internet banking');
    assert.equal(element(model, 'customer').kind, 'actor');
    assert.equal(element(model, 'mail').kind, 'external-system');
    assert.equal(element(model, 'spa').kind, 'web-app');
    assert.equal(element(model, 'backend').kind, 'process');
    assert.equal(element(model, 'backend').technology, 'Java');
    assert.equal(element(model, 'db').kind, 'datastore');
    assert.equal(element(model, 'db').technology, 'Oracle Database');
    assert.equal(element(model, 'events').kind, 'queue');
    assert.equal(element(model, 'db').boundary, 'internet-banking');
    assert.deepEqual(model.boundaries.map((b) => [b.id, b.parent]), [['big-bank-plc', undefined], ['internet-banking', 'big-bank-plc']]);
  });

  it('reads Rel variants with their technology as protocol hints', () => {
    const calls = flow(model, 'spa', 'backend');
    assert.deepEqual([calls.protocol, calls.encrypted, calls.authenticated], ['https', true, true]);
    assert.equal(flow(model, 'backend', 'db').protocol, 'sql', 'Rel_Back reverses the arrow; JDBC is SQL');
    assert.equal(flow(model, 'backend', 'events').bidirectional, true);
    assert.equal(flow(model, 'backend', 'events').encrypted, true);
    assert.equal(flow(model, 'backend', 'mail').protocol, 'smtp');
    assert.equal(notes.filter((n) => n.level === 'warning').length, 0);
  });
});
