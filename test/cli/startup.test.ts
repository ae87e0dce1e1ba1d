// Start-up cost: each command loads only what it runs. These tests run the real CLI as a process with a
// module-load tracer preloaded and check which of Bulwark's modules and which packages were loaded.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRACKING_FILE as CLI_TRACKING_FILE } from '../../src/cli/commands/model-options.js';
import { INPUT_FORMATS as FORMATS_MODULE_INPUT_FORMATS } from '../../src/model/adapters/formats.js';
import { detectFormat, INPUT_FORMATS } from '../../src/model/adapters/index.js';
import { DEFAULT_TRACKING_FILE } from '../../src/model/tracking/tracking.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'bin', 'bulwark.js');
const tracer = join(repo, 'test', 'cli', 'fixtures', 'trace-loads.mjs');
const example = join(repo, 'examples', 'terraform', 'example-c');
const shopModel = join(repo, 'examples', 'models', 'shop.mmd');
/** The source checkout's TypeScript runner, not part of Bulwark. */
const RUNNER_PACKAGES = new Set(['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps']);

const work = mkdtempSync(join(tmpdir(), 'bulwark-startup-'));
after(() => rmSync(work, { recursive: true, force: true }));
let runs = 0;

interface Traced {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Bulwark's own modules, as paths relative to src/ (e.g. `cli/main.ts`). */
  modules: string[];
  /** Packages loaded from node_modules, the source runner left out. */
  packages: string[];
}

/** Runs `bulwark <args>` in a fresh process (cwd: an empty directory) and lists what it loaded. */
function traced(args: string[]): Traced {
  const log = join(work, `loads-${++runs}.txt`);
  const child = spawnSync(process.execPath, ['--import', tracer, bin, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, BULWARK_TRACE_LOADS: log, NO_COLOR: '1' },
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const src = new URL('../../src/', import.meta.url).href;
  const modules = [...new Set(urls.filter((u) => u.startsWith(src)).map((u) => u.slice(src.length)))].sort();
  const packages = [
    ...new Set(
      urls.flatMap((u) => {
        const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
        return m && !RUNNER_PACKAGES.has(m[1]!) ? [m[1]!] : [];
      }),
    ),
  ].sort();
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, modules, packages };
}

/** What every start loads to register the commands: the CLI shell, the version (found through the package root), severities and input-format names. */
const REGISTRATION_OUTSIDE_CLI = ['core/compliance.ts', 'core/package-root.ts', 'core/types.ts', 'model/adapters/formats.ts', 'version.ts'];

function outsideCli(modules: readonly string[]): string[] {
  return modules.filter((m) => !m.startsWith('cli/'));
}

describe('CLI start-up', () => {
  for (const args of [['--version'], ['--help'], ['scan', '--help'], ['model', '--help'], ['rules', '--help']]) {
    it(`\`bulwark ${args.join(' ')}\` loads only the command registrations`, () => {
      const run = traced(args);
      assert.equal(run.status, 0, run.stderr);
      assert.notEqual(run.stdout, '');
      assert.deepEqual(outsideCli(run.modules), REGISTRATION_OUTSIDE_CLI);
      assert.deepEqual(run.packages, ['commander']);
      // The implementations of the commands stay unloaded.
      for (const lazy of ['cli/commands/model-run.ts', 'cli/commands/rules-list.ts', 'cli/support/write-file.ts']) assert.ok(!run.modules.includes(lazy), lazy);
    });
  }

  it('`bulwark scan --format json` loads the JSON renderer only, and nothing of the modeller or the rule listing', () => {
    const output = join(work, 'scan.json');
    const run = traced(['scan', example, '--format', 'json', '--output', output, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(Array.isArray((JSON.parse(readFileSync(output, 'utf8')) as { findings: unknown[] }).findings));
    assert.ok(run.modules.includes('report/json.ts'));
    for (const other of ['report/sarif.ts', 'report/markdown.ts', 'report/text.ts', 'cli/commands/model-run.ts', 'cli/commands/rules-list.ts']) {
      assert.ok(!run.modules.includes(other), `${other} should not load`);
    }
    assert.deepEqual(
      run.modules.filter((m) => m.startsWith('model/')),
      ['model/adapters/formats.ts'],
    );
    assert.ok(!run.packages.includes('zod') && !run.packages.includes('picocolors'), run.packages.join(' '));
  });

  it('`bulwark scan` with the default text format loads the text renderer only', () => {
    const run = traced(['scan', example, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\bfindings?\b/);
    assert.ok(run.modules.includes('report/text.ts'));
    for (const other of ['report/json.ts', 'report/sarif.ts', 'report/markdown.ts']) assert.ok(!run.modules.includes(other), `${other} should not load`);
  });

  it('`bulwark model --format markdown` loads its renderer only, no scanner, and no tracking when there is no tracking file', () => {
    const run = traced(['model', shopModel, '--format', 'markdown']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# /m);
    assert.ok(run.modules.includes('cli/commands/model-run.ts'));
    assert.ok(run.modules.includes('model/report/markdown.ts'));
    for (const other of ['model/report/sarif.ts', 'model/report/json.ts', 'model/report/diff.ts', 'model/engine/diff.ts', 'model/tracking/tracking.ts', 'scan.ts']) {
      assert.ok(!run.modules.includes(other), `${other} should not load`);
    }
    assert.ok(!run.modules.some((m) => m.startsWith('analyze/') || m.startsWith('discover/') || m.startsWith('report/text')), run.modules.join(' '));
  });
});

describe('start-up constants kept apart from the heavy modules', () => {
  it('the CLI names the same default tracking file as the tracking module', () => {
    assert.equal(CLI_TRACKING_FILE, DEFAULT_TRACKING_FILE);
  });

  it('the adapters re-export the input formats, and detection only ever answers one of them', () => {
    assert.equal(INPUT_FORMATS, FORMATS_MODULE_INPUT_FORMATS);
    const detected = [
      detectFormat('a.mmd', 'flowchart LR\n  a --> b'),
      detectFormat('a.puml', '@startuml\n@enduml'),
      detectFormat('a.txt', 'The web app calls the API.'),
      detectFormat('a.yaml', 'elements: []\nflows: []'),
      detectFormat('a.json', '{"elements": []}'),
      detectFormat('a.json', '{"version": "2.0", "summary": {}, "detail": {"diagrams": []}}'),
    ];
    for (const format of detected) assert.ok(INPUT_FORMATS.includes(format), format);
  });
});
