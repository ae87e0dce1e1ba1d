// action.yml follows the GitHub Actions metadata syntax for a composite action, with the inputs Bulwark
// documents; and the checker finds the mistakes it is there to find.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parse, parseDocument } from 'yaml';
import { compositeActionProblems } from './action-metadata.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const text = readFileSync(join(repo, 'action.yml'), 'utf8');

type Step = { name?: string; id?: string; if?: string; run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string> };
type Action = { inputs: Record<string, { default?: string; required?: boolean }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };

describe('action.yml', () => {
  it('parses as YAML without warnings', () => {
    const doc = parseDocument(text);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(doc.warnings, []);
  });

  it('follows the metadata syntax of a composite action', () => {
    assert.deepEqual(compositeActionProblems(parse(text)), []);
  });

  it('has the inputs and defaults the README documents', () => {
    const action = parse(text) as Action;
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([id, input]) => [id, input.default]));
    assert.deepEqual(defaults, { paths: '.', 'fail-on': 'critical', config: '', baseline: '', 'sarif-file': 'bulwark.sarif', upload: 'true', category: 'bulwark', 'node-version': '20' });
    for (const input of Object.values(action.inputs)) assert.equal(input.required, false);
  });

  it('sets up Node, uploads with codeql-action even after failing findings, and fails last', () => {
    const steps = (parse(text) as Action).runs.steps;
    assert.match(steps[0]!.uses ?? '', /^actions\/setup-node@v\d+$/);
    const upload = steps.findIndex((s) => /^github\/codeql-action\/upload-sarif@v\d+$/.test(s.uses ?? ''));
    assert.ok(upload > 0, 'an upload-sarif step');
    assert.match(steps[upload]!.if ?? '', /^always\(\) && inputs\.upload == 'true'/);
    const verdict = steps.at(-1)!;
    assert.ok(upload < steps.length - 1, 'the upload comes before the failing step');
    assert.match(verdict.if ?? '', /always\(\) && steps\.scan\.outputs\.exit-code == '1'/);
  });

  it('passes inputs to scripts through the environment, never into the script text', () => {
    for (const step of (parse(text) as Action).runs.steps) {
      if (step.run !== undefined) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: an expression in run`);
    }
  });
});

describe('the composite action checker', () => {
  const valid = {
    name: 'x',
    description: 'y',
    inputs: { 'fail-on': { description: 'd', default: 'high' } },
    runs: { using: 'composite', steps: [{ id: 'a', run: 'echo "$X"', shell: 'bash', env: { X: '${{ inputs.fail-on }}' } }] },
  };

  it('accepts a minimal composite action', () => {
    assert.deepEqual(compositeActionProblems(valid), []);
  });

  it('finds a missing description, another runtime, a run step without shell and a both-kinds step', () => {
    const problems = compositeActionProblems({
      name: 'x',
      runs: { using: 'node20', steps: [{ run: 'echo hi' }, { run: 'echo', uses: 'actions/checkout@v4', shell: 'bash' }] },
    });
    assert.ok(problems.includes('description: required, a non-empty string'), problems.join('\n'));
    assert.ok(problems.includes('runs.using: "node20", expected "composite"'));
    assert.ok(problems.includes('runs.steps[0]: a composite "run" step needs "shell"'));
    assert.ok(problems.includes('runs.steps[1]: needs exactly one of "run" and "uses"'));
  });

  it('finds references to inputs that do not exist, later steps, secrets and unknown keys', () => {
    const problems = compositeActionProblems({
      ...valid,
      outputs: { code: { description: 'c', value: '${{ steps.b.outputs.code }}' } },
      runs: {
        using: 'composite',
        steps: [
          { id: 'a', if: "inputs.failon == 'x'", run: 'true', shell: 'bash', env: { T: '${{ secrets.TOKEN }}', S: '${{ steps.b.outputs.x }}' } },
          { id: 'b', uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: '${{ inputs.sarif }}' }, 'timeout-minutes': 5 },
          { id: 'b', run: 'true', shell: 'zsh' },
        ],
      },
    });
    for (const expected of [
      'runs.steps[0].if: no input "failon" (${{ inputs.failon == \'x\' }})',
      'runs.steps[0].env.T: unknown context "secrets" in ${{ secrets.TOKEN }}',
      'runs.steps[0].env.S: no earlier step with id "b" (${{ steps.b.outputs.x }})',
      'runs.steps[1]: unknown key "timeout-minutes"',
      'runs.steps[1].with.sarif_file: no input "sarif" (${{ inputs.sarif }})',
      'runs.steps[2].shell: "zsh" is not a known shell nor a command with {0}',
      'runs.steps[2].id: "b" is used twice',
    ]) {
      assert.ok(problems.includes(expected), `${expected}\nnot in:\n${problems.join('\n')}`);
    }
    assert.ok(!problems.some((p) => p.startsWith('outputs.code')), 'an output may read any step');
  });
});
