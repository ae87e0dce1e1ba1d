import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { element, flow, ids } from './helpers.js';

const EXAMPLE_A =
  "We're building a web API that: accepts user uploads (images, up to 10MB); stores uploads in S3; processes images using a Lambda function; updates metadata in PostgreSQL; returns signed URLs for download.";
const EXAMPLE_B = 'User submits credentials → Web App validates → Auth Service checks against Database → returns JWT.';

describe('prose: mission Example A', () => {
  const { model, notes } = readArchitecture(EXAMPLE_A, { format: 'prose' });

  it('finds exactly the five components and the user', () => {
    assert.deepEqual(ids(model.elements), ['lambda-function', 'postgresql', 's3-bucket', 'signed-url-generator', 'user', 'web-api']);
    assert.equal(element(model, 'web-api').kind, 'process');
    assert.equal(element(model, 's3-bucket').kind, 'bucket');
    assert.equal(element(model, 's3-bucket').technology, 'AWS S3');
    assert.equal(element(model, 'lambda-function').kind, 'function');
    assert.equal(element(model, 'lambda-function').technology, 'AWS Lambda');
    assert.equal(element(model, 'postgresql').kind, 'datastore');
    assert.equal(element(model, 'postgresql').technology, 'PostgreSQL');
    assert.equal(element(model, 'signed-url-generator').kind, 'process');
    assert.equal(element(model, 'user').kind, 'actor');
  });

  it('makes the Web API the internet-facing entry point with a size limit', () => {
    const api = element(model, 'web-api');
    assert.equal(api.props.internetFacing, true);
    assert.equal(api.props.sizeLimits, true);
    assert.ok(notes.some((n) => n.message.includes('sizeLimits') && n.message.includes('up to 10MB')));
  });

  it('reads the flows the verbs describe, with the data they carry', () => {
    assert.deepEqual(flow(model, 'user', 'web-api').data, ['user-uploads']);
    assert.deepEqual(flow(model, 'web-api', 's3-bucket').data, ['user-uploads']);
    assert.ok(flow(model, 's3-bucket', 'lambda-function'), 'the function processes what S3 stored');
    assert.deepEqual(flow(model, 'lambda-function', 'postgresql').data, ['metadata']);
    assert.deepEqual(flow(model, 'web-api', 'signed-url-generator').data, ['signed-urls']);
    assert.ok(flow(model, 'signed-url-generator', 'user'), 'the URLs go back to the uploader');
    assert.equal(model.flows.length, 6);
    const uploads = model.dataAssets.find((a) => a.id === 'user-uploads');
    assert.equal(uploads?.classification, 'confidential');
  });

  it('says where every inferred element and flow came from', () => {
    for (const e of model.elements) assert.ok(e.inferredFrom, `${e.id} has inferredFrom`);
    for (const f of model.flows) assert.ok(f.inferredFrom, `${f.id} has inferredFrom`);
    assert.match(element(model, 's3-bucket').inferredFrom!, /stores uploads in S3/);
    assert.match(element(model, 'web-api').inferredFrom!, /web API/);
    assert.equal(element(model, 'web-api').location?.line, 1);
  });

  it('claims no control the text does not state', () => {
    for (const f of model.flows) {
      assert.equal(f.encrypted, undefined, f.id);
      assert.equal(f.authenticated, undefined, f.id);
    }
    assert.equal(element(model, 's3-bucket').props.publicAccess, undefined);
    assert.equal(element(model, 'signed-url-generator').props.signedUrlExpiry, undefined);
  });
});

describe('prose: mission Example B', () => {
  const { model } = readArchitecture(EXAMPLE_B, { fileName: 'login.txt' });

  it('finds the user, web app, auth service and database', () => {
    assert.deepEqual(ids(model.elements), ['auth-service', 'database', 'user', 'web-app']);
    assert.equal(element(model, 'user').kind, 'actor');
    assert.equal(element(model, 'database').kind, 'datastore');
  });

  it('follows the arrows with credentials and returns the JWT back along the chain', () => {
    assert.deepEqual(flow(model, 'user', 'web-app').data, ['credentials']);
    assert.deepEqual(flow(model, 'web-app', 'auth-service').data, ['credentials'], 'credentials carried forward');
    assert.deepEqual(flow(model, 'auth-service', 'database').data, ['credentials']);
    assert.deepEqual(flow(model, 'auth-service', 'web-app').data, ['auth-tokens']);
    assert.deepEqual(flow(model, 'web-app', 'user').data, ['auth-tokens']);
    assert.equal(model.flows.length, 5);
    const classes = Object.fromEntries(model.dataAssets.map((a) => [a.id, a.classification]));
    assert.deepEqual(classes, { credentials: 'credentials', 'auth-tokens': 'credentials' });
    assert.equal(flow(model, 'auth-service', 'web-app').authenticated, undefined, 'a returned JWT is data, not a control');
  });
});

describe('prose: controls and structure', () => {
  const TEXT = `# Orders

Customers use a React frontend served through CloudFront.
The frontend calls the Order API over HTTPS, authenticated with JWT from Cognito.
The Order API is rate-limited. It writes orders to PostgreSQL, encrypted at rest, and publishes order events to SQS.

A worker:
- consumes order events from SQS
- charges cards with Stripe over HTTPS
- stores receipts in an S3 bucket that blocks public access
`;
  const { model, notes } = readArchitecture(TEXT, { fileName: 'orders.md' });

  it('takes the heading as the name and resolves "the frontend" and "It"', () => {
    assert.equal(model.name, 'Orders');
    assert.equal(model.origin?.format, 'prose');
    assert.equal(element(model, 'react-frontend').kind, 'web-app');
    assert.ok(flow(model, 'react-frontend', 'order-api'));
    assert.ok(flow(model, 'order-api', 'postgresql'), '"It writes" is the Order API');
  });

  it('sets stated controls on the right element or flow', () => {
    const call = flow(model, 'react-frontend', 'order-api');
    assert.deepEqual([call.protocol, call.encrypted, call.authenticated], ['https', true, true]);
    assert.equal(element(model, 'order-api').props.authenticatesCallers, true);
    assert.equal(element(model, 'order-api').props.rateLimited, true);
    assert.equal(element(model, 'postgresql').props.encryptedAtRest, true);
    assert.equal(flow(model, 'order-api', 'postgresql').encrypted, undefined, 'at rest is not in transit');
    assert.equal(element(model, 's3-bucket').props.publicAccess, false);
    assert.ok(notes.some((n) => n.message.includes('rateLimited') && n.line === 5));
  });

  it('reads "that:"-style bullet lists under their subject, with line numbers', () => {
    assert.ok(flow(model, 'sqs-queue', 'worker'), 'consumes: data moves from the queue');
    const charge = flow(model, 'worker', 'stripe');
    assert.deepEqual([charge.protocol, charge.data], ['https', ['payment-data']]);
    assert.equal(charge.location?.line, 9);
    assert.ok(flow(model, 'worker', 's3-bucket'));
  });
});

describe('prose: example files', () => {
  it('reads the shipped Example A and B files', () => {
    const a = readArchitecture(readFileSync('examples/models/photo-upload.txt', 'utf8'), { fileName: 'photo-upload.txt' });
    assert.equal(a.model.elements.length, 6);
    const b = readArchitecture(readFileSync('examples/models/login-flow.md', 'utf8'), { fileName: 'login-flow.md' });
    assert.equal(b.model.name, 'Login flow');
    assert.equal(b.model.elements.length, 4);
    assert.equal(element(b.model, 'user').location?.line, 3);
  });
});

describe('prose: relative clauses', () => {
  it('reads Example A without the colon the same way', () => {
    const withColon = readArchitecture(EXAMPLE_A, { format: 'prose' }).model;
    const without = readArchitecture(EXAMPLE_A.replace('that:', 'that'), { format: 'prose' }).model;
    assert.deepEqual(without.flows.map((f) => f.id), withColon.flows.map((f) => f.id));
    assert.deepEqual(ids(without.elements), ids(withColon.elements));
  });

  it('takes "that" to mean the noun just before it', () => {
    const { model } = readArchitecture('The API writes orders to an SQS queue that triggers a Lambda function.', { format: 'prose' });
    assert.deepEqual(flow(model, 'api', 'sqs-queue').data, ['orders']);
    assert.ok(flow(model, 'sqs-queue', 'lambda-function'));
    assert.equal(model.flows.length, 2);
  });
});

describe('prose: the ordering-system scenario', () => {
  it('routes "through" a gateway and takes runtimes used as adjectives as technologies', () => {
    const { model } = readArchitecture(
      'A React frontend places orders through an Express API gateway into an SQS queue. A Node worker reads the queue and inserts rows into MariaDB.',
      { format: 'prose' },
    );
    assert.deepEqual(ids(model.elements), ['api-gateway', 'mariadb', 'node-worker', 'react-frontend', 'sqs-queue']);
    assert.deepEqual([element(model, 'api-gateway').kind, element(model, 'api-gateway').technology], ['gateway', 'Node.js']);
    assert.equal(element(model, 'node-worker').technology, 'Node.js');
    assert.deepEqual(flow(model, 'react-frontend', 'api-gateway').data, ['orders']);
    assert.deepEqual(flow(model, 'api-gateway', 'sqs-queue').data, ['orders']);
    assert.ok(flow(model, 'sqs-queue', 'node-worker'), '"reads the queue" resolves to the SQS queue');
    assert.ok(flow(model, 'node-worker', 'mariadb'));
    assert.equal(model.flows.length, 4);
  });
});

describe('prose: everyday wording', () => {
  const { model } = readArchitecture(
    'Our mobile app talks to a GraphQL API behind an nginx reverse proxy over HTTPS. The API reads product data from MongoDB and caches sessions in Redis. Payments are handled by Stripe. Admins log in through Okta.',
    { format: 'prose' },
  );

  it('merges "nginx reverse proxy", resolves "The API", and reads "caches" as a verb', () => {
    assert.deepEqual(ids(model.elements), ['admin', 'graphql-api', 'mobile-app', 'mongodb', 'nginx', 'okta', 'redis', 'stripe']);
    assert.equal(element(model, 'nginx').kind, 'gateway');
    assert.equal(element(model, 'okta').kind, 'identity-provider');
  });

  it('reads "behind", passive voice and "log in"', () => {
    assert.equal(flow(model, 'mobile-app', 'nginx').protocol, 'https');
    assert.equal(flow(model, 'nginx', 'graphql-api').encrypted, true);
    assert.ok(flow(model, 'mongodb', 'graphql-api'));
    assert.ok(flow(model, 'graphql-api', 'redis'));
    assert.deepEqual(flow(model, 'graphql-api', 'stripe').data, ['payment-data'], 'handed to Stripe by the API');
    assert.deepEqual(flow(model, 'admin', 'okta').data, ['credentials']);
    assert.equal(model.flows.length, 6);
  });
});

describe('line breaks inside a sentence', () => {
  it('reads a list sentence broken by a carriage return or a newline like the unbroken one', () => {
    const flows = (text: string) => readArchitecture(text, { format: 'prose', fileName: 'design.md' }).model.flows.map((f) => `${f.source}->${f.target}`);
    const unbroken = flows("We're building a web API that: accepts user uploads; stores uploads in S3.");
    assert.ok(unbroken.includes('web-api->s3-bucket'), unbroken.join(', '));
    for (const br of ['\r', '\n', '\u2028']) assert.deepEqual(flows(`We're building a web API that: accepts user uploads;${br}stores uploads in S3.`), unbroken, JSON.stringify(br));
  });
});

describe('prose: components named as code', () => {
  it('reads `kebab-case` names in backticks as components, and settings, headers and env vars as nothing', () => {
    const { model } = readArchitecture(
      'The API runs as two containers, `photo-server` and `photo-jobs`. The `photo-server` calls `face-recognition` over HTTP and stores albums in Postgres. Set `max-age`, `x-request-id` and `DB_PASSWORD` in the environment.',
      { format: 'prose' },
    );
    const names = model.elements.map((e) => e.name);
    for (const n of ['photo-server', 'photo-jobs', 'face-recognition']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    for (const n of ['max-age', 'x-request-id', 'DB_PASSWORD']) assert.ok(!names.includes(n), n);
    assert.equal(flow(model, 'photo-server', 'face-recognition').protocol, 'http');
    assert.ok(flow(model, 'photo-server', 'postgresql'));
  });
});
