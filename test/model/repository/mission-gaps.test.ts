// The ordering system as first generated, modelled through the CLI: each of the gaps its description lists is
// an open threat the repository confirms at a file:line, and the five boundaries it names are each rated.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import type { ThreatReport } from '../../../src/model/engine/types.js';
import { threatReportJsonSchema } from '../../../src/model/report/index.js';
import { runCli } from '../../helpers/cli.js';
import { errorsOf, sarifValidator } from '../../report/validators.js';

const ROOT = join(import.meta.dirname, '../../..');
const ORDERING = 'examples/ordering-system';
const QUEUE = 'terraform/aws_sqs_queue.orders';

/** Each gap of the description, with the threat that states it and a file it must be shown in. */
const GAPS: [gap: string, threat: string, file: string][] = [
  ['no user authentication', 'TM-API-001@api', 'api/src/server.js'],
  ['no HTTPS', 'TM-FLOW-002@user->api', 'api/src/server.js'],
  ['credentials hard-coded in compose and as code fallbacks', 'TM-SECRET-001@api', 'api/src/server.js'],
  ['CORS allowing every origin', 'TM-API-005@api', 'api/src/server.js'],
  ['no rate limiting', 'TM-API-003@api', 'api/src/server.js'],
  ['no request size limits', 'TM-API-006@api', 'api/src/server.js'],
  ['no input sanitisation', 'TM-DB-001@mariadb', 'api/src/server.js'],
  ['no message encryption on the queue', `TM-QUEUE-001@${QUEUE}`, 'terraform/main.tf'],
  ['no database encryption at rest', 'TM-DB-002@mariadb', 'docker-compose.yml'],
  ['no audit logging', 'TM-API-004@api', 'api/src/server.js'],
  ['no dead-letter redrive', `TM-QUEUE-002@${QUEUE}`, 'terraform/main.tf'],
  ['weak database passwords', 'TM-DB-005@mariadb', 'docker-compose.yml'],
  ['database port published to the host', 'TM-DB-003@mariadb', 'docker-compose.yml'],
  ['emulator port published to the host', `TM-DB-003@${QUEUE}`, 'docker-compose.yml'],
];

describe('the gaps and boundaries of the ordering system, from its repository', async () => {
  const json = await runCli(ROOT, ['model', ORDERING, '--format', 'json', '--fail-on', 'none']);
  const markdown = await runCli(ROOT, ['model', ORDERING, '--fail-on', 'none']);
  const report = JSON.parse(json.out) as ThreatReport;
  const open = new Map(report.threats.map((t) => [t.id, t]));

  it('writes a JSON report that validates against the exported schema (verification, audit, boundary ratings)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(threatReportJsonSchema());
    assert.equal(validate(JSON.parse(json.out)), true, JSON.stringify(validate.errors?.slice(0, 3)));
    assert.ok(report.sources?.audit && report.boundaryRatings && report.threats.every((t) => t.verification));
  });

  it('writes valid SARIF that says which findings confirm each threat', async () => {
    const sarif = await runCli(ROOT, ['model', ORDERING, '--format', 'sarif', '--fail-on', 'none']);
    const log = JSON.parse(sarif.out) as { runs: { results: { properties: { threatId: string; verification?: string; findings?: string[] } }[] }[] };
    const validate = sarifValidator();
    assert.equal(validate(log), true, errorsOf(validate));
    const db = log.runs[0]!.results.find((r) => r.properties.threatId === 'TM-DB-003@mariadb')!;
    assert.deepEqual([db.properties.verification, db.properties.findings], ['confirmed', ['BW-COMPOSE-NET-001']]);
  });

  it('reports every gap as an open threat the repository confirms, with file:line evidence', () => {
    assert.equal(json.code, 0, json.err);
    for (const [gap, id, file] of GAPS) {
      const threat = open.get(id);
      assert.ok(threat, `${gap}: ${id} is open`);
      assert.equal(threat.verification?.status, 'confirmed', `${gap}: confirmed`);
      const lines = threat.verification!.evidence.filter((e) => e.file.endsWith(file) && e.line > 0);
      assert.ok(lines.length, `${gap}: evidence in ${file}: ${JSON.stringify(threat.verification!.evidence)}`);
    }
  });

  it('groups the gaps by severity, each with its evidence and the change to make in this stack', () => {
    const gaps = markdown.out.slice(markdown.out.indexOf('## Gaps and remediation'), markdown.out.indexOf('## Threats by STRIDE category'));
    assert.ok(gaps.indexOf('### High') < gaps.indexOf('### Medium') && gaps.indexOf('### Medium') < gaps.indexOf('### Low'));
    const entry = (id: string) => {
      const start = gaps.indexOf(`\`${id}\``);
      assert.ok(start > 0, id);
      return gaps.slice(start, gaps.indexOf('\n- **', start) === -1 ? undefined : gaps.indexOf('\n- **', start));
    };
    assert.match(entry('TM-API-005@api'), /Evidence: api\/src\/server\.js:7[\s\S]*Fix: Name the origins: `app\.use\(cors\(\{ origin: \['https:/);
    assert.match(entry('TM-DB-003@mariadb'), /Evidence: docker-compose\.yml:46[\s\S]*Fix: Remove the `ports:` entry/);
    assert.match(entry(`TM-QUEUE-001@${QUEUE}`), /Evidence: terraform\/main\.tf:12[\s\S]*Fix: Set `kms_master_key_id/);
    assert.match(entry('TM-DB-001@mariadb'), /Fix: Validate each body against a schema/);
  });

  it('lists each component’s attack surface: its exposure, entry points, routes and threats', () => {
    const surfaces = markdown.out.slice(markdown.out.indexOf('## Attack surfaces'), markdown.out.indexOf('## Data-flow diagram'));
    const api = surfaces.slice(surfaces.indexOf('- **api**'), surfaces.indexOf('- **worker**'));
    assert.match(api, /internet-facing \(docker-compose\.yml:14: ports: 8080:8080/);
    assert.match(api, /Entry points: .*User \(http:8080\)/);
    assert.match(api, /Routes: POST \/orders \(open\), GET \/orders\/:id \(open\)/);
    assert.match(api, /Threats: Unauthenticated callers use api as any user \(high\)/);
    for (const component of ['frontend', 'worker', 'mariadb', 'orders']) assert.match(surfaces, new RegExp(`- \\*\\*${component}\\*\\* \\(`));
  });

  it('rates the five boundaries the description names, each with its reason', () => {
    assert.equal(markdown.code, 0, markdown.err);
    const rated = (label: string) => new RegExp(`\\*\\*${label}\\*\\*[^\\n]* — \\*\\*(CRITICAL|HIGH|MEDIUM)\\*\\*: \\S`).exec(markdown.out)?.[1];
    // External network ↔ container network: the compose network, entered from the internet.
    assert.equal(rated('default network'), 'CRITICAL');
    for (const pair of ['frontend ↔ api', 'api ↔ orders', 'worker ↔ orders', 'worker ↔ mariadb']) assert.ok(rated(pair), `${pair} is rated`);
    // The JSON report carries the same ratings.
    const ratings = report.boundaryRatings!;
    assert.equal(ratings.zones.find((z) => z.boundary === 'network:default')?.rating, 'critical');
    const pair = (a: string, b: string) => ratings.components.find((c) => c.between.includes(a) && c.between.includes(b));
    assert.equal(pair('worker', 'mariadb')?.rating, 'high');
    assert.match(pair('worker', 'mariadb')!.reasons.join(' '), /no TLS/);
    assert.ok(pair('api', QUEUE) && pair('frontend', 'api'));
  });
});
