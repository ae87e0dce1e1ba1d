// The mission's ordering system (examples/ordering-system): React, Express, SQS on LocalStack, a worker and
// MariaDB in docker-compose, with Dockerfiles. Each of its problems is found at its file and line, and the
// secret values never appear in any output format.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import type { ScanResult } from '../../src/core/result.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = 'examples/ordering-system';
/** The secrets the fixture holds (fake, but written as a developer would). */
const SECRETS = ['rootpassword', 'orders123'];

async function scanAs(format: string): Promise<string> {
  const run = await runCli(ROOT, ['scan', DIR, '--format', format, '--fail-on', 'none', '--project-root', '.']);
  assert.equal(run.code, 0, run.err);
  return run.out;
}

describe('the ordering system', () => {
  it('has a finding for each of its problems, with file and line', async () => {
    const result = JSON.parse(await scanAs('json')) as ScanResult;
    const at = (ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.location.file}:${f.location.range.start.line}`).sort();
    // Hard-coded database credentials in compose (the root password is a weak one) ...
    assert.deepEqual(at('BW-COMPOSE-SECRET-002'), [`${DIR}/docker-compose.yml:18`, `${DIR}/docker-compose.yml:30`, `${DIR}/docker-compose.yml:48`, `${DIR}/docker-compose.yml:51`]);
    // ... and in code, as a fallback and inside a connection string.
    assert.deepEqual(at('BW-SECRET-GENERIC-001'), [`${DIR}/api/src/server.js:13`]);
    assert.deepEqual(at('BW-SECRET-CONN-001'), [`${DIR}/worker/src/worker.js:4`]);
    // The database port published on every interface.
    assert.deepEqual(at('BW-COMPOSE-NET-001'), [`${DIR}/docker-compose.yml:46`]);
    // Every image runs as root.
    assert.deepEqual(at('BW-DOCKER-USER-001'), [`${DIR}/api/Dockerfile:1`, `${DIR}/frontend/Dockerfile:1`, `${DIR}/worker/Dockerfile:1`]);
    // An unpinned image, and the unencrypted queue in Terraform.
    assert.deepEqual(at('BW-COMPOSE-IMAGE-001'), [`${DIR}/docker-compose.yml:37`]);
    assert.deepEqual(at('BW-AWS-SQS-001'), [`${DIR}/terraform/main.tf:12`]);
    for (const format of ['terraform', 'dockerfile', 'compose', 'secrets']) assert.ok((result.stats.formats[format]?.checked ?? 0) > 0, `${format} was checked`);
  });

  for (const format of ['text', 'json', 'sarif', 'markdown']) {
    it(`masks the secret values in ${format} output`, async () => {
      const out = await scanAs(format);
      assert.ok(out.includes('BW-COMPOSE-SECRET-002'), 'the secrets are reported');
      for (const secret of SECRETS) assert.ok(!out.includes(secret), `${secret} appears in the ${format} output`);
    });
  }
});
