// Moving a literal secret out of a compose file also lists its name (never its value) in .env.example beside
// it: the file is created when missing, appended to when it lacks the name, and left alone when it has it.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';

let base: string;
before(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'bulwark-env-example-')));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});

const COMPOSE = `services:
  db:
    image: mariadb:11.4
    environment:
      MARIADB_DATABASE: orders
      MARIADB_ROOT_PASSWORD: "Zq7wT2mK9vLx"
  api:
    build: ./api
    environment:
      - DB_HOST=db
      - DB_PASSWORD=Zq7wT2mK9vLx
      - STRIPE_SECRET_KEY=sk_live_51HxQ2mK9vLxZq7wT2mK9vLxZq7w
`;

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(base, name);
  await mkdir(join(dir, 'deploy'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) await writeFile(join(dir, rel), text);
  return dir;
}

describe('compose secret fixes and .env.example', () => {
  it('creates deploy/.env.example with the names the fixes introduce, and shows it as a new file', async () => {
    const dir = await project('create', { 'deploy/docker-compose.yml': COMPOSE });
    const preview = await runCli(dir, ['fix', '.', '--no-color']);
    assert.match(preview.out, /^--- \/dev\/null$/m);
    assert.match(preview.out, /^\+\+\+ b\/deploy\/\.env\.example$/m);
    assert.match(preview.out, /lists .*DB_PASSWORD.* in deploy\/\.env\.example \(a new file\)/);
    await assert.rejects(readFile(join(dir, 'deploy', '.env.example')), 'nothing is written without --write');

    const written = await runCli(dir, ['fix', '.', '--write', '--no-color']);
    assert.equal(written.code, 0, written.err);
    const example = await readFile(join(dir, 'deploy', '.env.example'), 'utf8');
    assert.deepEqual(example.trimEnd().split('\n').sort(), ['DB_PASSWORD=', 'MARIADB_ROOT_PASSWORD=', 'STRIPE_SECRET_KEY='].sort());
    assert.ok(!example.includes('Zq7wT2mK9vLx') && !example.includes('sk_live'), 'values never reach .env.example');
    const compose = await readFile(join(dir, 'deploy', 'docker-compose.yml'), 'utf8');
    assert.match(compose, /MARIADB_ROOT_PASSWORD: "\$\{MARIADB_ROOT_PASSWORD:\?set MARIADB_ROOT_PASSWORD in \.env\}"/);
    assert.ok(!compose.includes('Zq7wT2mK9vLx'));
  });

  it('appends only the names an existing .env.example lacks, keeping what it holds', async () => {
    const dir = await project('append', {
      'deploy/docker-compose.yml': COMPOSE,
      'deploy/.env.example': '# Copy to .env and fill in\nDB_HOST=db\nexport DB_PASSWORD=',
    });
    const written = await runCli(dir, ['fix', '.', '--write', '--no-color']);
    assert.equal(written.code, 0, written.err);
    const example = await readFile(join(dir, 'deploy', '.env.example'), 'utf8');
    assert.equal(example, '# Copy to .env and fill in\nDB_HOST=db\nexport DB_PASSWORD=\nMARIADB_ROOT_PASSWORD=\nSTRIPE_SECRET_KEY=\n');
  });

  it('never writes through a .env.example that is a symlink', async () => {
    const dir = await project('linked', { 'deploy/docker-compose.yml': COMPOSE, 'outside.txt': 'KEEP\n' });
    await symlink(join(dir, 'outside.txt'), join(dir, 'deploy', '.env.example'));
    const written = await runCli(dir, ['fix', '.', '--write', '--no-color']);
    assert.equal(written.code, 0, written.err);
    assert.equal(await readFile(join(dir, 'outside.txt'), 'utf8'), 'KEEP\n');
    // The compose fix itself still applies; its description says what to list.
    assert.ok(!(await readFile(join(dir, 'deploy', 'docker-compose.yml'), 'utf8')).includes('Zq7wT2mK9vLx'));
  });
});
