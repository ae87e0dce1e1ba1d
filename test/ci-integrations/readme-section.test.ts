// The README's "GitHub Action and pre-commit" section agrees with action.yml and .pre-commit-hooks.yaml: its
// workflow and pre-commit snippets parse, use the action's inputs and the hooks' ids, and the inputs, defaults
// and hook arguments it names exist. (action-run.test.ts runs the action's steps; pre-commit-hooks.test.ts
// runs the hooks.)

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parse, parseDocument } from 'yaml';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const section = /^## GitHub Action and pre-commit\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };
const hooks = parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];

function yamlBlocks(): unknown[] {
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => {
    const doc = parseDocument(m[1]!);
    assert.deepEqual(doc.errors, [], m[1]);
    return doc.toJS() as unknown;
  });
}

type Workflow = { permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
type PreCommitConfig = { repos: { repo: string; rev: string; hooks: { id: string; args?: string[] }[] }[] };

describe('README: GitHub Action and pre-commit', () => {
  it('comes right before the MCP server section', () => {
    assert.notEqual(section, '', 'README.md has no "## GitHub Action and pre-commit" section');
    assert.match(readme, /## GitHub Action and pre-commit\n[\s\S]*?\n## MCP server\n/);
    assert.doesNotMatch(readme.slice(readme.indexOf('## GitHub Action and pre-commit') + 5, readme.indexOf('## MCP server')), /^## /m);
  });

  it('has a workflow that uses the action with inputs it declares, and the permission the upload needs', () => {
    const [workflow] = yamlBlocks() as [Workflow];
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    assert.match(steps[0]!.uses ?? '', /^actions\/checkout@/, 'the workspace is checked out before the scan');
    const bulwark = steps.find((s) => s.uses === 'OWNER/bulwark@REF');
    assert.ok(bulwark, 'the snippet uses OWNER/bulwark@REF');
    for (const input of Object.keys(bulwark.with ?? {})) assert.ok(input in action.inputs, `input ${input} is not in action.yml`);
    assert.deepEqual(bulwark.with, { paths: 'infra', 'fail-on': 'high', baseline: 'bulwark-baseline.json' });
  });

  it('names every input with its default, and the outputs', () => {
    for (const [id, input] of Object.entries(action.inputs)) {
      assert.match(section, new RegExp('`' + id + '`'), `input ${id} is not documented`);
      // The README wraps lines, so a space may be a new line.
      if (input.default) assert.ok(new RegExp('`' + id + '`\\s+\\(default\\s+`' + input.default.replace('.', '\\.') + '`').test(section), `default of ${id}`);
    }
    for (const id of Object.keys(action.outputs)) assert.match(section, new RegExp('`' + id + '`'), `output ${id} is not documented`);
  });

  it('has a pre-commit configuration naming a hook this repository declares, with arguments bulwark scan takes', () => {
    const [, config] = yamlBlocks() as [unknown, PreCommitConfig];
    const [entry] = config.repos;
    assert.ok(entry?.repo && entry.rev, 'repo and rev');
    const ids = hooks.map((h) => h.id);
    for (const hook of entry.hooks) {
      assert.ok(ids.includes(hook.id), `${hook.id} is not in .pre-commit-hooks.yaml`);
      const declared = hooks.find((h) => h.id === hook.id)!;
      const [, ...entryArgs] = declared.entry.split(/\s+/);
      // The entry with the snippet's args, on an empty .tf file: bulwark accepts them.
      const r = spawnSync(process.execPath, [join(repo, 'bin', 'bulwark.js'), ...entryArgs, ...(hook.args ?? []), join(repo, 'test/ci-integrations/fixtures/terraform/storage.tf')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    for (const id of ids) assert.match(section, new RegExp('`' + id + '`'), `hook ${id} is not described`);
  });
});
