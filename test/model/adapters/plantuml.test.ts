import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { element, flow, ids } from './helpers.js';

const DEPLOYMENT = `@startuml
title Ticketing deployment
skinparam node {
  BackgroundColor #eeeeee
}
/' a block comment
   spanning lines '/
actor "Event goer" as fan
cloud "Internet" {
  node "Cloudflare" as cf <<CDN>>
}
node "AWS account" as aws {
  frame "EKS cluster" as eks {
    package "tickets namespace" {
      component [Ticket API] as api <<Spring Boot>>
      collections "Seat workers" as seats
    }
  }
  database "Tickets DB" as db <<MySQL>>
  queue "Seat requests" as sq <<RabbitMQ>>
  storage "Ticket PDFs" as pdfs <<S3>>
}
interface "Public API" as pub
note bottom of db
  PII: names and e-mail addresses
end note
fan --> cf : HTTPS
cf -[#green]-> api : HTTPS
api -down-> db : JDBC/TLS
api ..> sq : AMQP
sq --> seats
seats --> pdfs
[Ticket API] <-- seats : callbacks over HTTP
api --> pub
@enduml
`;

describe('PlantUML deployment diagram', () => {
  const { model, notes } = readArchitecture(DEPLOYMENT, { fileName: 'tickets.puml' });

  it('reads declarations with aliases, stereotypes and element keywords', () => {
    assert.equal(model.name, 'Ticketing deployment');
    assert.deepEqual(ids(model.elements), ['api', 'cf', 'db', 'fan', 'pdfs', 'seats', 'sq'], 'aliases, not labels');
    assert.equal(element(model, 'fan').kind, 'actor');
    assert.equal(element(model, 'cf').kind, 'gateway');
    assert.equal(element(model, 'api').technology, 'Java');
    assert.equal(element(model, 'db').kind, 'datastore');
    assert.equal(element(model, 'db').technology, 'MySQL');
    assert.equal(element(model, 'sq').kind, 'queue');
    assert.equal(element(model, 'pdfs').kind, 'bucket');
    assert.equal(element(model, 'api').location?.line, 15);
  });

  it('turns containers with braces into nested, typed boundaries', () => {
    assert.deepEqual(
      model.boundaries.map((b) => [b.id, b.type, b.parent]),
      [
        ['internet', 'internet', undefined],
        ['aws-account', 'cloud-account', undefined],
        ['eks-cluster', 'cluster', 'aws-account'],
        ['tickets-namespace', 'cluster', 'eks-cluster'],
      ],
    );
    assert.equal(element(model, 'api').boundary, 'tickets-namespace');
    assert.equal(element(model, 'db').boundary, 'aws-account');
    assert.equal(element(model, 'cf').boundary, 'internet');
    assert.equal(element(model, 'fan').boundary, undefined);
  });

  it('reads arrows of every form with their labels and direction', () => {
    assert.equal(flow(model, 'fan', 'cf').protocol, 'https');
    assert.equal(flow(model, 'cf', 'api').encrypted, true, 'coloured arrow');
    const jdbc = flow(model, 'api', 'db');
    assert.deepEqual([jdbc.protocol, jdbc.encrypted], ['sql', true]);
    assert.equal(flow(model, 'api', 'sq').protocol, 'amqp');
    assert.ok(flow(model, 'sq', 'seats'));
    assert.ok(flow(model, 'seats', 'pdfs'));
    const back = flow(model, 'seats', 'api');
    assert.deepEqual([back.protocol, back.encrypted], ['http', false], '`A <-- B` flows from B to A');
    assert.equal(model.flows.length, 7, 'the arrow to an interface is not a flow');
  });

  it('skips notes, skinparams, interfaces and arrows to interfaces, saying so', () => {
    assert.deepEqual(notes.filter((n) => n.level === 'warning'), []);
    assert.ok(notes.some((n) => n.line === 34 && /not a data flow/.test(n.message)));
    assert.ok(notes.some((n) => n.line === 23 && /interface/.test(n.message)));
  });
});

const C4_CONTAINER = `@startuml
!include <C4/C4_Container>
LAYOUT_WITH_LEGEND()
title Ride sharing - containers

Person(rider, "Rider", "Books rides")
Person_Ext(driver, "Driver")
System_Ext(maps, "Maps API", "Routing", $tags="external")
System_Boundary(platform, "Ride platform") {
  Container(app, "Mobile backend", "Go service", "Serves the apps")
  Container(auth, "Identity", "Keycloak", "OIDC provider")
  ContainerDb(trips, "Trips", "DynamoDB")
  ContainerDb(geo, "Live positions", "Redis")
  ContainerQueue(dispatch, "Dispatch", "SQS")
  Container_Boundary(payments, "Payments") {
    Component(charger, "Charger", "Lambda", "Charges cards")
  }
}
Rel(rider, app, "Requests rides", "HTTPS, OAuth2")
Rel(driver, app, "Streams position", $techn="WSS")
Rel(app, auth, "Validates tokens", "OIDC over HTTPS")
Rel_R(app, trips, "Stores trips")
Rel(app, geo, "Updates positions", "RESP")
Rel_D(app, dispatch, "Queues dispatch jobs", "AWS SDK")
Rel(dispatch, charger, "Triggers")
Rel(charger, maps, "Prices routes", "HTTPS + API key")
SHOW_LEGEND()
@enduml
`;

describe('C4-PlantUML container diagram', () => {
  const { model, notes } = readArchitecture(C4_CONTAINER, { fileName: 'rides.puml' });

  it('reads C4 macros into kinds and technologies', () => {
    assert.equal(element(model, 'rider').kind, 'actor');
    assert.equal(element(model, 'driver').kind, 'actor');
    assert.equal(element(model, 'maps').kind, 'external-system');
    assert.equal(element(model, 'app').kind, 'process');
    assert.equal(element(model, 'auth').kind, 'identity-provider');
    assert.equal(element(model, 'trips').technology, 'AWS DynamoDB');
    assert.equal(element(model, 'geo').kind, 'cache', 'Redis beats the Db macro');
    assert.equal(element(model, 'dispatch').kind, 'queue');
    assert.equal(element(model, 'charger').kind, 'function');
    assert.equal(element(model, 'charger').boundary, 'payments');
    assert.equal(model.boundaries.find((b) => b.id === 'payments')?.parent, 'ride-platform');
  });

  it('reads Rel technologies as flow properties', () => {
    const rides = flow(model, 'rider', 'app');
    assert.deepEqual([rides.protocol, rides.encrypted, rides.authenticated], ['https', true, true]);
    assert.deepEqual([flow(model, 'driver', 'app').protocol, flow(model, 'driver', 'app').encrypted], ['wss', true]);
    assert.equal(flow(model, 'app', 'trips').protocol, undefined, 'unstated stays unstated');
    assert.equal(flow(model, 'app', 'geo').encrypted, undefined);
    assert.equal(flow(model, 'charger', 'maps').authenticated, true);
    assert.equal(model.flows.length, 8);
    assert.equal(notes.filter((n) => n.level === 'warning').length, 0);
    assert.equal(element(model, 'app').props.internetFacing, true);
  });
});

describe('PlantUML details', () => {
  it('skips multi-line component descriptions and keeps reading', () => {
    const r = readArchitecture('@startuml\ncomponent api [\n  Order API\n  handles orders\n]\ndatabase db\napi --> db : SQL\n@enduml\n', { format: 'plantuml' });
    assert.deepEqual(ids(r.model.elements), ['api', 'db']);
    assert.equal(flow(r.model, 'api', 'db').protocol, 'sql');
    assert.deepEqual(r.notes, []);
  });
});
