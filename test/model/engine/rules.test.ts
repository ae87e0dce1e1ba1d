// Each knowledge-base rule fires on its condition and is removed (or downgraded) by its control.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/index.js';
import { model } from './helpers.js';

type Input = Parameters<typeof model>[0] & Record<string, unknown>;

function ids(input: Input): string[] {
  return analyze(model(input)).threats.map((t) => t.id);
}

function suppressed(input: Input): Map<string, string[]> {
  return new Map(analyze(model(input)).mitigatedByDesign.map((t) => [t.id, t.suppressedBy]));
}

/** Element overrides: `data`/`description` go on the element, everything else into `props`. */
function split(overrides: object = {}): Record<string, unknown> {
  const { data, description, ...props } = overrides as { data?: string[]; description?: string };
  return { ...(data ? { data } : {}), ...(description ? { description } : {}), props };
}

/** User on the internet → API in a VPC boundary → a given target, with overrides. */
function twoTier(opts: { api?: object; target?: object; flowIn?: object; flowOut?: object; data?: object[] } = {}): Input {
  return {
    boundaries: [{ id: 'vpc', name: 'VPC', type: 'cloud-account' }],
    elements: [
      { id: 'user', name: 'User', kind: 'actor' },
      { id: 'api', name: 'Orders API', kind: 'process', boundary: 'vpc', props: { ...opts.api } },
      { id: 'db', name: 'Orders DB', kind: 'datastore', technology: 'PostgreSQL', boundary: 'vpc', ...split(opts.target) },
    ],
    flows: [
      { id: 'f1', source: 'user', target: 'api', label: 'place order', ...opts.flowIn },
      { id: 'f2', source: 'api', target: 'db', label: 'insert order', ...opts.flowOut },
    ],
    dataAssets: opts.data ?? [],
  };
}

describe('transport rules', () => {
  it('reports tampering in transit on a plaintext flow across a boundary, and not once it is encrypted', () => {
    const plain = twoTier({ flowIn: { protocol: 'http' }, api: { authenticatesCallers: true, rateLimited: true, validatesInput: true } });
    assert.ok(ids(plain).includes('TM-FLOW-002@user->api'));
    const tls = twoTier({ flowIn: { protocol: 'http', encrypted: true }, api: { authenticatesCallers: true, rateLimited: true, validatesInput: true } });
    assert.ok(!ids(tls).includes('TM-FLOW-002@user->api'));
    assert.deepEqual(suppressed(tls).get('TM-FLOW-002@user->api'), ['flow User → Orders API is encrypted (TLS)']);
  });

  it('treats https as encrypted and unknown encryption of non-sensitive data as no threat', () => {
    assert.ok(!ids(twoTier({ flowIn: { protocol: 'https' } })).some((id) => id.startsWith('TM-FLOW-002')));
    assert.ok(!ids(twoTier()).some((id) => id.startsWith('TM-FLOW-00')));
  });

  it('reports PII crossing a boundary without TLS, and removes it when the flow is encrypted', () => {
    const data = [{ id: 'pii', name: 'Customer address', classification: 'pii' }];
    const open = analyze(model(twoTier({ flowIn: { data: ['pii'] }, data })));
    const leak = open.threats.find((t) => t.id === 'TM-FLOW-001@user->api');
    assert.ok(leak);
    assert.match(leak.title, /personal data \(PII\) leak in transit on User → Orders API/i);
    assert.equal(leak.likelihood, 'high', 'internet exposure raises likelihood');
    const closed = analyze(model(twoTier({ flowIn: { data: ['pii'], encrypted: true }, data })));
    assert.ok(!closed.threats.some((t) => t.ruleId === 'TM-FLOW-001'));
    assert.ok(closed.mitigatedByDesign.some((t) => t.id === 'TM-FLOW-001@user->api'));
  });

  it('reports service-to-service spoofing across a boundary, removed by an authenticated flow', () => {
    const input = (flowOut: object): Input => ({
      boundaries: [
        { id: 'app', name: 'App subnet', type: 'network-zone' },
        { id: 'data', name: 'Data subnet', type: 'network-zone' },
      ],
      elements: [
        { id: 'api', name: 'API', kind: 'process', boundary: 'app' },
        { id: 'db', name: 'DB', kind: 'datastore', boundary: 'data' },
      ],
      flows: [{ id: 'f', source: 'api', target: 'db', ...flowOut }],
    });
    const open = analyze(model(input({})));
    const threat = open.threats.find((t) => t.id === 'TM-FLOW-003@api->db');
    assert.ok(threat);
    assert.match(threat.title, /Anything in App subnet can impersonate API towards DB/);
    assert.ok(!ids(input({ authenticated: true })).includes('TM-FLOW-003@api->db'));
    assert.deepEqual(suppressed(input({ authenticated: true })).get('TM-FLOW-003@api->db'), ['flow API → DB is authenticated']);
  });

  it('does not report flows inside one zone', () => {
    const input: Input = {
      boundaries: [{ id: 'vpc', name: 'VPC', type: 'network-zone' }],
      elements: [
        { id: 'a', name: 'A', kind: 'process', boundary: 'vpc' },
        { id: 'b', name: 'B', kind: 'datastore', boundary: 'vpc' },
      ],
      flows: [{ id: 'f', source: 'a', target: 'b', protocol: 'http' }],
    };
    assert.deepEqual(ids(input), []);
  });
});

describe('web API rules', () => {
  it('reports unauthenticated access to an internet-facing API and removes it when callers are authenticated', () => {
    assert.ok(ids(twoTier()).includes('TM-API-001@api'));
    assert.ok(!ids(twoTier({ api: { authenticatesCallers: true } })).includes('TM-API-001@api'));
    assert.ok(!ids(twoTier({ flowIn: { authenticated: true } })).includes('TM-API-001@api'));
    assert.match(suppressed(twoTier({ flowIn: { authenticated: true } })).get('TM-API-001@api')?.[0] ?? '', /every flow from the internet into Orders API is authenticated/);
  });

  it('does not treat an internal-only service as internet-facing', () => {
    assert.ok(!ids(twoTier({ api: { internetFacing: false } })).includes('TM-API-001@api'));
  });

  it('reports request flooding unless rate-limited', () => {
    assert.ok(ids(twoTier()).includes('TM-API-003@api'));
    assert.ok(!ids(twoTier({ api: { rateLimited: true } })).includes('TM-API-003@api'));
  });

  it('upload DoS is downgraded by rate limiting, not by a size limit alone, and removed by both', () => {
    const upload = (api: object): Input => twoTier({ flowIn: { label: 'upload files' }, api });
    const sev = (api: object) => analyze(model(upload(api))).threats.find((t) => t.ruleId === 'TM-API-002')?.severity;
    assert.equal(sev({}), 'medium');
    assert.equal(sev({ sizeLimits: true }), 'medium', 'storage still fills by volume');
    assert.equal(sev({ rateLimited: true }), 'low');
    assert.equal(sev({ sizeLimits: true, rateLimited: true }), undefined);
    assert.ok(!ids(upload({})).includes('TM-API-003@api'), 'the upload threat replaces generic flooding');
    assert.ok(!ids(upload({ rateLimited: true })).includes('TM-API-003@api'), 'no generic flooding either');
  });
});

describe('audit logging of sensitive writes', () => {
  const data = [{ id: 'pii', name: 'Customer address', classification: 'pii' }];
  it('reports untraceable changes when an internet-facing API writes PII, and not with audit logging', () => {
    const t = analyze(model(twoTier({ flowOut: { data: ['pii'] }, data }))).threats.find((x) => x.id === 'TM-API-004@api');
    assert.equal(t?.stride, 'repudiation');
    assert.match(t?.description ?? '', /writes personal data \(PII\) to Orders DB/);
    assert.ok(!ids(twoTier({ flowOut: { data: ['pii'] }, data, api: { auditLogging: true } })).includes('TM-API-004@api'));
  });
  it('does not report it for non-sensitive writes', () => {
    assert.ok(!ids(twoTier()).includes('TM-API-004@api'));
  });
});

describe('database rules', () => {
  it('reports injection when an internet-facing writer does not validate input', () => {
    const threat = analyze(model(twoTier())).threats.find((t) => t.id === 'TM-DB-001@db');
    assert.ok(threat);
    assert.equal(threat.title, 'SQL injection into Orders DB via Orders API');
    assert.ok(!ids(twoTier({ api: { validatesInput: true } })).includes('TM-DB-001@db'));
  });

  it('reports PII at rest without encryption at high severity, and not when encrypted', () => {
    const data = [{ id: 'pii', name: 'Customers', classification: 'pii' }];
    const open = analyze(model(twoTier({ target: { data: ['pii'] }, data }))).threats.find((t) => t.id === 'TM-DB-002@db');
    assert.equal(open?.severity, 'high');
    assert.ok(open?.adjustments.some((a) => a.includes('personal data')));
    assert.ok(!ids(twoTier({ target: { data: ['pii'], encryptedAtRest: true }, data })).includes('TM-DB-002@db'));
  });

  it('reports an internet-reachable database as critical when it holds credentials', () => {
    const data = [{ id: 'c', name: 'Password hashes', classification: 'credentials' }];
    const threat = analyze(model(twoTier({ target: { internetFacing: true, data: ['c'] }, data }))).threats.find((t) => t.id === 'TM-DB-003@db');
    assert.equal(threat?.severity, 'critical');
    assert.equal(threat?.riskScore, 10);
  });

  it('reports missing backups only when the design says so', () => {
    assert.ok(!ids(twoTier()).includes('TM-DB-004@db'));
    assert.ok(ids(twoTier({ target: { backups: false } })).includes('TM-DB-004@db'));
  });
});

describe('object storage and serverless rules', () => {
  const storage = (bucket: object, fn: object = {}): Input => ({
    elements: [
      { id: 'svc', name: 'Svc', kind: 'process' },
      { id: 'b', name: 'Reports bucket', kind: 'bucket', ...split(bucket) },
      { id: 'fn', name: 'Thumbnailer', kind: 'function', ...split(fn) },
    ],
    flows: [
      { id: 'f1', source: 'svc', target: 'b' },
      { id: 'f2', source: 'b', target: 'fn' },
    ],
  });

  it('public access, versioning: reported until the bucket states the control', () => {
    assert.deepEqual(ids(storage({})).filter((id) => id.startsWith('TM-STORAGE')).sort(), ['TM-STORAGE-001@b', 'TM-STORAGE-002@b']);
    assert.ok(!ids(storage({ publicAccess: false })).includes('TM-STORAGE-001@b'));
    assert.equal(suppressed(storage({ publicAccess: false })).get('TM-STORAGE-001@b')?.[0], 'Reports bucket blocks public access');
    assert.ok(!ids(storage({ versioning: true })).includes('TM-STORAGE-002@b'));
    assert.ok(!ids(storage({ objectLock: true })).includes('TM-STORAGE-002@b'));
  });

  it('a bucket stated to be public is titled as such', () => {
    const t = analyze(model(storage({ publicAccess: true }))).threats.find((x) => x.id === 'TM-STORAGE-001@b');
    assert.equal(t?.title, 'Reports bucket is publicly accessible');
  });

  it('names what a function reaches in the broad-IAM threat, removed by least privilege', () => {
    const t = analyze(model(storage({}))).threats.find((x) => x.id === 'TM-SERVERLESS-001@fn');
    assert.match(t?.description ?? '', /only Reports bucket/);
    assert.ok(!ids(storage({}, { leastPrivilege: true })).includes('TM-SERVERLESS-001@fn'));
  });

  it('signed-URL expiry applies only where signed URLs are issued', () => {
    assert.ok(!ids(storage({})).some((id) => id.startsWith('TM-STORAGE-003')));
    assert.ok(ids(storage({}, { description: 'returns pre-signed URLs' })).includes('TM-STORAGE-003@fn'));
    assert.ok(!ids(storage({}, { description: 'returns pre-signed URLs', signedUrlExpiry: true })).includes('TM-STORAGE-003@fn'));
  });
});

describe('authentication and token rules', () => {
  const login = (web: object = {}, auth: object = {}): Input => ({
    elements: [
      { id: 'u', name: 'Customer', kind: 'actor' },
      { id: 'web', name: 'Shop', kind: 'web-app', ...split(web) },
      { id: 'auth', name: 'Auth Service', kind: 'process', ...split(auth) },
    ],
    flows: [
      { id: 'f1', source: 'u', target: 'web', label: 'login with password', encrypted: true },
      { id: 'f2', source: 'web', target: 'auth', label: 'check credentials' },
      { id: 'f3', source: 'auth', target: 'u', label: 'access token (JWT)', encrypted: true },
    ],
  });

  it('credential stuffing: downgraded by MFA alone, removed by MFA plus rate limiting', () => {
    const sev = (web: object) => analyze(model(login(web))).threats.find((t) => t.id === 'TM-AUTH-001@web')?.severity;
    assert.equal(sev({}), 'high');
    assert.equal(sev({ mfa: true }), 'medium');
    assert.equal(sev({ mfa: true, rateLimited: true }), undefined);
  });

  it('login flooding is removed by rate limiting; unlogged logins by audit logging', () => {
    assert.ok(ids(login()).includes('TM-AUTH-003@web'));
    assert.ok(!ids(login({ rateLimited: true })).includes('TM-AUTH-003@web'));
    assert.ok(ids(login()).includes('TM-AUTH-002@auth'));
    assert.ok(!ids(login({}, { auditLogging: true })).includes('TM-AUTH-002@auth'));
  });

  it('a token returned to the user is verified by the services the user calls', () => {
    const report = analyze(model(login()));
    const t = report.threats.find((x) => x.id === 'TM-TOKEN-001@web');
    assert.ok(t, 'the shop verifies the token the customer brings back');
    assert.match(t.description, /issued by Auth Service/);
    assert.ok(report.threats.some((x) => x.id === 'TM-TOKEN-002@auth'));
    assert.ok(report.threats.some((x) => x.id === 'TM-TOKEN-003@web'));
    const hardened = ids(login({ tokenValidation: true, authorizesRequests: true }, { shortLivedTokens: true }));
    assert.ok(!hardened.some((id) => id.startsWith('TM-TOKEN')));
  });

  it('encrypted credential flows do not leak in transit', () => {
    assert.ok(!ids(login()).some((id) => id.startsWith('TM-FLOW-001')));
  });
});

describe('queue, cache, kubernetes, secrets and third-party rules', () => {
  it('queue: DLQ threat for consumed queues, encryption threat only with sensitive data', () => {
    const input = (queue: object, classification = 'internal'): Input => ({
      elements: [
        { id: 'p', name: 'API', kind: 'process' },
        { id: 'q', name: 'Orders queue', kind: 'queue', technology: 'SQS', data: ['o'], ...split(queue) },
        { id: 'w', name: 'Worker', kind: 'process' },
      ],
      flows: [
        { id: 'f1', source: 'p', target: 'q' },
        { id: 'f2', source: 'q', target: 'w' },
      ],
      dataAssets: [{ id: 'o', name: 'Orders', classification }],
    });
    assert.deepEqual(ids(input({})), ['TM-QUEUE-002@q']);
    assert.deepEqual(ids(input({ deadLetterQueue: true })), []);
    assert.ok(ids(input({ deadLetterQueue: true }, 'payment')).includes('TM-QUEUE-001@q'));
    assert.deepEqual(ids(input({ deadLetterQueue: true, encryptedAtRest: true }, 'payment')), []);
  });

  it('cache holding sessions without auth', () => {
    const input = (cache: object): Input => ({
      elements: [
        { id: 'p', name: 'API', kind: 'process' },
        { id: 'c', name: 'Sessions', kind: 'cache', technology: 'Redis', ...split(cache) },
      ],
      flows: [{ id: 'f', source: 'p', target: 'c', label: 'store session token' }],
    });
    assert.deepEqual(ids(input({})), ['TM-CACHE-001@c']);
    assert.deepEqual(ids(input({ authenticatesCallers: true })), []);
  });

  it('kubernetes root containers and limits only when stated', () => {
    const input = (pod: object): Input => ({
      boundaries: [{ id: 'k', name: 'prod cluster', type: 'cluster' }],
      elements: [{ id: 'pod', name: 'payments pod', kind: 'process', boundary: 'k', ...split(pod) }],
    });
    assert.deepEqual(ids(input({})), []);
    assert.deepEqual(ids(input({ runsAsRoot: true, resourceLimits: false })).sort(), ['TM-K8S-001@pod', 'TM-K8S-002@pod']);
  });

  it('credentials held outside a secret store, removed by reading them from one', () => {
    const input = (withVault: boolean): Input => ({
      elements: [
        { id: 'w', name: 'Worker', kind: 'process', props: { storesCredentials: true } },
        ...(withVault ? [{ id: 'v', name: 'Vault', kind: 'secret-store' }] : []),
      ],
      flows: withVault ? [{ id: 'f', source: 'w', target: 'v', label: 'read DB password', authenticated: true }] : [],
    });
    assert.deepEqual(ids(input(false)), ['TM-SECRET-001@w']);
    assert.ok(!ids(input(true)).includes('TM-SECRET-001@w'));
  });

  it('forged webhooks from a third party, removed by an authenticated flow', () => {
    const input = (flow: object): Input => ({
      elements: [
        { id: 'stripe', name: 'Stripe', kind: 'external-system' },
        { id: 'hook', name: 'Payment webhook', kind: 'process', props: { rateLimited: true, authenticatesCallers: false } },
      ],
      flows: [{ id: 'f', source: 'stripe', target: 'hook', label: 'payment succeeded event', encrypted: true, ...flow }],
    });
    assert.ok(ids(input({})).includes('TM-3P-001@stripe->hook'));
    assert.ok(!ids(input({ authenticated: true })).includes('TM-3P-001@stripe->hook'));
  });
});
