import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analyseNodeApps, type NodeApp } from '../../../src/model/repository/node-app.js';

const FIXTURES = 'test/model/repository/fixtures/node-apps';

function readTree(root: string): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ rel: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out;
}

const report = analyseNodeApps(readTree(FIXTURES));
const app = (dir: string): NodeApp => {
  const found = report.apps.find((a) => a.dir === dir);
  assert.ok(found, `no application in ${dir}`);
  return found;
};
const at = (e: { file: string; line: number }) => `${e.file}:${e.line}`;

describe('Node.js application reader', () => {
  it('finds one application per package, with its framework and entry', () => {
    assert.deepEqual(report.notes, []);
    assert.deepEqual(
      report.apps.map((a) => [a.dir, a.kind, a.framework]),
      [
        ['aliased-cjs', 'server', 'express'],
        ['aliased-esm', 'server', 'express'],
        ['constant-options', 'server', 'express'],
        ['hardened-api', 'server', 'express'],
        ['insecure-api', 'server', 'express'],
        ['middleware-module', 'server', 'express'],
        ['ts-fastify', 'server', 'fastify'],
      ],
    );
    assert.deepEqual(app('insecure-api').entries, ['insecure-api/src/server.js']);
  });

  it('reads the gaps of an insecure Express API, each with its line', () => {
    const a = app('insecure-api');
    assert.deepEqual(a.ports.map((p) => [p.port, p.tls, at(p.evidence)]), [[3000, false, 'insecure-api/src/server.js:46']]);
    assert.deepEqual(a.routes.map((r) => [r.method, r.path, r.authenticated]), [['GET', '/orders/:id', false], ['GET', '/orders', false], ['POST', '/orders', false]]);
    assert.deepEqual(a.auth, []);
    assert.deepEqual(a.cors.map((c) => [c.origin, at(c.evidence), c.evidence.says]), [['any', 'insecure-api/src/server.js:11', 'cors()']]);
    assert.deepEqual(a.bodyLimits.map((b) => [b.parser, b.limit]), [['express.json', undefined]]);
    assert.deepEqual(a.sql.map((q) => [q.kind, q.requestData, q.evidence.line]), [['concatenated', true, 25], ['concatenated', true, 32], ['concatenated', false, 38]]);
    assert.deepEqual(a.secrets.map((s) => [s.masked, at(s.evidence)]), [['Sup3****', 'insecure-api/src/server.js:17']]);
    const clients = a.clients.map((c) => [c.kind, c.target, c.thirdParty, c.tls, c.operations]);
    assert.deepEqual(clients, [
      ['mysql', 'mariadb', false, undefined, undefined],
      ['sqs', 'http://localstack:4566', false, false, undefined],
      ['sqs', 'http://localstack:4566/000000000000/orders', false, false, ['sendMessage']],
      ['http', 'http://worker:4000/notify', false, false, undefined],
      ['http', 'https://api.stripe.com/v1/charges', true, true, undefined],
    ]);
    assert.deepEqual(a.summary, {
      authentication: false, unauthenticatedRoutes: 3, tls: false, cors: 'any', helmet: false, rateLimit: false, bodyLimit: 'default',
      validation: false, sqlConcatenation: true, hardcodedSecrets: 1, logging: false, audit: false,
    });
  });

  it('reads the controls of the hardened API: JWT before the API routes, TLS, allow-list, rate limit, parameterised SQL, secrets from Secrets Manager', () => {
    const a = app('hardened-api');
    assert.deepEqual(a.routes.map((r) => [r.method, r.path, r.authenticated]), [['GET', '/api/orders/:id', true], ['POST', '/api/orders', true], ['GET', '/health', false]]);
    assert.deepEqual(a.auth.map((x) => [x.kind, x.library, at(x.evidence)]), [['jwt', 'jsonwebtoken', 'hardened-api/src/middleware/auth.js:10']]);
    assert.ok(a.ports.some((p) => p.port === 8443 && p.env === 'PORT' && p.tls));
    assert.deepEqual(a.cors.map((c) => [c.origin, c.origins, c.credentials]), [['restricted', ['https://shop.example.com', 'https://admin.example.com'], true]]);
    assert.deepEqual(a.rateLimits.map((r) => r.library), ['express-rate-limit']);
    assert.ok(a.securityHeaders.some((h) => h.library === 'helmet'));
    assert.deepEqual(a.bodyLimits.map((b) => b.limit), ['10kb']);
    assert.deepEqual(a.sql.map((q) => q.kind), ['parameterised', 'parameterised']);
    assert.ok(a.clients.some((c) => c.kind === 'secrets-manager' && c.operations?.includes('getSecretValue') && c.env?.includes('DB_SECRET_ARN')));
    assert.ok(a.clients.some((c) => c.kind === 'mysql' && c.tls === true && c.env?.includes('DB_HOST')));
    assert.deepEqual(a.secrets, []);
    assert.deepEqual(a.validation.map((v) => v.library), ['zod']);
    assert.deepEqual(a.logging.map((v) => v.library), ['winston']);
    assert.deepEqual(a.audit.map(at), ['hardened-api/src/routes/orders.js:21']);
    assert.equal(a.summary.tls, true);
    assert.equal(a.summary.sqlConcatenation, false);
    assert.equal(a.summary.unauthenticatedRoutes, 1);
  });

  it('knows packages under aliased imports: default, named, namespace and destructured require', () => {
    const esm = app('aliased-esm');
    assert.deepEqual(esm.cors.map((c) => [c.origin, c.origins, c.evidence.line]), [['restricted', ['https://shop.example'], 8]]);
    assert.deepEqual(esm.rateLimits.map((r) => [r.library, r.evidence.line]), [['express-rate-limit', 9]]);
    assert.deepEqual(esm.securityHeaders.map((r) => [r.library, r.evidence.line]), [['helmet', 7]]);
    assert.deepEqual(esm.bodyLimits.map((b) => [b.parser, b.limit]), [['express.json', '1mb']]);
    assert.deepEqual(esm.ports.map((p) => [p.port, p.env]), [[5000, 'PORT']]);
    assert.deepEqual(esm.routes.map((r) => r.path), ['/catalogue']);
    const cjs = app('aliased-cjs');
    assert.deepEqual(cjs.cors.map((c) => [c.origin, c.credentials]), [['reflect', true]]);
    assert.deepEqual(cjs.bodyLimits.map((b) => [b.parser, b.limit]), [['express.json', undefined], ['body-parser.urlencoded', '20kb']]);
    assert.deepEqual(cjs.routes.map((r) => [r.path, r.authenticated]), [['/v1/profile', false]]);
    assert.deepEqual(cjs.ports.map((p) => [p.port, p.host]), [[4000, '127.0.0.1']]);
  });

  it('follows middleware registered from another module, and authentication mounted with a router', () => {
    const a = app('middleware-module');
    assert.deepEqual(a.securityHeaders.map((h) => [h.library, at(h.evidence)]), [['helmet', 'middleware-module/src/middleware/security.js:12']]);
    assert.deepEqual(a.cors.map((c) => [c.origin, c.origins, at(c.evidence)]), [['restricted', ['https://orders.example.org'], 'middleware-module/src/middleware/security.js:12']]);
    assert.deepEqual(a.rateLimits.map((r) => at(r.evidence)), ['middleware-module/src/middleware/security.js:10']);
    assert.deepEqual(a.routes.map((r) => [r.method, r.path, r.authenticated]), [['GET', '/status', false], ['GET', '/api/orders', true], ['DELETE', '/api/orders/:id', true]]);
    assert.deepEqual(a.ports.map((p) => [p.port, p.evidence.file]), [[8080, 'middleware-module/src/main.js']]);
    assert.ok(a.auth.some((x) => x.kind === 'passport' && x.library === 'passport'));
  });

  it('takes options from constants, in the same file and imported from a configuration module', () => {
    const a = app('constant-options');
    assert.deepEqual(a.cors.map((c) => [c.origin, c.origins, c.credentials]), [['restricted', ['https://shop.example', '/\\.shop\\.example$/'], true]]);
    assert.deepEqual(a.bodyLimits.map((b) => b.limit), ['50kb']);
    assert.deepEqual(a.ports.map((p) => p.port), [7000]);
  });

  it('reads TypeScript: type arguments on route calls, Fastify plugins and options, interpolated SQL', () => {
    const a = app('ts-fastify');
    assert.deepEqual(a.routes.map((r) => [r.method, r.path]), [['GET', '/items/:id'], ['POST', '/items']]);
    assert.deepEqual(a.cors.map((c) => c.origin), ['reflect']);
    assert.deepEqual(a.bodyLimits.map((b) => [b.parser, b.limit]), [['fastify', '1048576']]);
    assert.deepEqual(a.ports.map((p) => [p.port, p.env, p.host]), [[8080, 'PORT', '0.0.0.0']]);
    assert.deepEqual(a.sql.map((q) => [q.kind, q.requestData ?? null, q.evidence.line]), [['concatenated', true, 19], ['parameterised', null, 26]]);
    assert.deepEqual(a.clients.map((c) => [c.kind, c.target, c.env]), [['postgres', 'postgres://postgres:5432/inventory', ['DATABASE_URL']]]);
    assert.ok(a.logging.length > 0);
  });

  it('reads the ordering-system example: the API, its worker and the frontend', () => {
    const files = readTree('examples/ordering-system').filter((f) => /\.(js|jsx|json)$/.test(f.rel));
    const apps = analyseNodeApps(files).apps;
    assert.deepEqual(apps.map((a) => [a.dir, a.kind]), [['api', 'server'], ['frontend', 'frontend'], ['worker', 'worker']]);
    const api = apps[0]!;
    assert.deepEqual(api.cors.map((c) => [c.origin, at(c.evidence)]), [['any', 'api/src/server.js:7']]);
    assert.deepEqual(api.ports.map((p) => p.port), [8080]);
    assert.equal(api.summary.unauthenticatedRoutes, 2);
    assert.deepEqual(api.secrets.map((s) => [s.kind, at(s.evidence)]), [['fallback for DB_PASSWORD', 'api/src/server.js:13']]);
    const worker = apps[2]!;
    assert.ok(worker.clients.some((c) => c.kind === 'sqs' && c.operations?.includes('receiveMessage') && c.target === 'http://localstack:4566/000000000000/orders'));
    assert.ok(worker.clients.some((c) => c.kind === 'mysql' && c.target === 'mysql://mariadb:3306/orders'));
    assert.equal(worker.secrets.length, 1);
    assert.ok(apps[1]!.clients.some((c) => c.kind === 'http' && c.env?.includes('REACT_APP_API_URL')));
  });

  it('never shows a secret in clear, not in evidence nor in environment fallbacks', () => {
    const files = [
      { rel: 'package.json', text: '{"name":"svc","dependencies":{"express":"4"}}' },
      { rel: 'index.js', text: "const db = require('mysql2').createPool({ host: 'db', password: 'Zq8vPp2LmW4nRt' });\nconst url = process.env.DB_URL || 'postgres://app:Xk93hdPq2@pg:5432/app';\n" },
    ];
    const json = JSON.stringify(analyseNodeApps(files));
    assert.ok(!json.includes('Zq8vPp2LmW4nRt') && !json.includes('Xk93hdPq2'), json);
  });

  it('leaves out tests, dependencies and bundles, and reports a broken package.json as a note', () => {
    const files = [
      { rel: 'package.json', text: '{ "name": ' },
      { rel: 'server.js', text: "const express = require('express');\nexpress().listen(80);\n" },
      { rel: 'test/server.test.js', text: "const express = require('express');\nexpress().get('/x', h);\n" },
      { rel: 'node_modules/cors/index.js', text: "module.exports = function cors() {}; require('express')().listen(1);" },
    ];
    const result = analyseNodeApps(files);
    assert.deepEqual(result.notes.map((n) => n.file), ['package.json']);
    assert.deepEqual(result.apps.map((a) => [a.dir, a.framework, a.ports.map((p) => p.port), a.routes.length]), [['', 'express', [80], 0]]);
  });

  it('survives malformed source: unterminated strings, templates, comments and regular expressions', () => {
    const broken = ["app.get('/x", 'const a = `${req.params.id', '/* never closed', 'x = /[/ + 1', 'app.use(cors({ origin: [', 'import { a as } from', 'const { json: } = require(', 'app.listen(', "`SELECT * FROM t WHERE a = ${", ')))}}}]]]', 'new new new (', '<div>don\'t</div>'];
    for (const text of broken) {
      const result = analyseNodeApps([{ rel: 'a.js', text: `const express = require('express'); const app = express();\n${text}` }]);
      assert.equal(result.apps.length, 1, text);
    }
  });

  it('reads a few megabytes of generated services quickly', () => {
    const files: { rel: string; text: string }[] = [];
    const source = readFileSync(`${FIXTURES}/insecure-api/src/server.js`, 'utf8');
    for (let s = 0; s < 20; s++) {
      files.push({ rel: `svc${s}/package.json`, text: '{"name":"svc","dependencies":{"express":"4"}}' });
      for (let f = 0; f < 100; f++) files.push({ rel: `svc${s}/src/file${f}.js`, text: source.repeat(2) });
    }
    const size = files.reduce((n, f) => n + f.text.length, 0);
    const started = performance.now();
    const result = analyseNodeApps(files);
    const ms = performance.now() - started;
    assert.equal(result.apps.length, 20);
    assert.ok(size > 5_000_000);
    assert.ok(ms < 5000, `${size} characters in ${ms.toFixed(0)} ms`);
  });
});
