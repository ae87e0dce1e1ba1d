// Runs a composite action's `run:` steps on this machine the way the Actions runner does: `${{ }}` expressions
// replaced from the inputs (defaults applied), `github` values and earlier steps' outputs; each step's `if:`
// evaluated (an implicit success() unless it calls a status function); bash started as
// `bash --noprofile --norc -eo pipefail <script>`; outputs read back from $GITHUB_OUTPUT. `uses:` steps are not
// run: the result says whether their condition would have let them run, and with which `with:` values.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ActionStep {
  id?: string;
  name?: string;
  if?: string | boolean;
  run?: string;
  shell?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
}

export interface ActionMetadata {
  inputs?: Record<string, { default?: string }>;
  runs: { steps: ActionStep[] };
}

export interface StepResult {
  name: string;
  /** `uses` steps are never run here; `ran` then says whether their condition held. */
  kind: 'run' | 'uses';
  ran: boolean;
  status?: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** A `uses` step's `with:` after expression substitution. */
  with?: Record<string, string>;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** The `github` context values the steps read (action_path, workspace). */
  github: { action_path: string; workspace: string };
  env?: NodeJS.ProcessEnv;
  /** Steps to leave out altogether (neither run nor counted), by name. */
  skip?: readonly string[];
}

interface State {
  inputs: Record<string, string>;
  github: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
  failed: boolean;
}

/** Runs the steps in order; returns what each did and whether the job would have failed. */
export function runCompositeAction(action: ActionMetadata, options: RunOptions): { steps: StepResult[]; failed: boolean } {
  const inputs: Record<string, string> = {};
  for (const [id, input] of Object.entries(action.inputs ?? {})) inputs[id] = input.default ?? '';
  Object.assign(inputs, options.inputs);
  const state: State = { inputs, github: { ...options.github }, steps: {}, failed: false };
  const results: StepResult[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'bulwark-action-step-'));
  try {
    action.runs.steps.forEach((step, index) => {
      const name = step.name ?? step.id ?? `step ${index + 1}`;
      if (options.skip?.includes(name)) return;
      const allowed = condition(step.if, state);
      if (step.uses !== undefined) {
        const withValues = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), state)]));
        results.push({ name, kind: 'uses', ran: allowed, stdout: '', stderr: '', outputs: {}, with: withValues });
        return;
      }
      if (!allowed) {
        results.push({ name, kind: 'run', ran: false, stdout: '', stderr: '', outputs: {} });
        if (step.id) state.steps[step.id] = { outputs: {}, outcome: 'skipped' };
        return;
      }
      const result = runStep(step, name, state, options, join(scratch, String(index)));
      results.push(result);
      if (result.status !== 0) state.failed = true;
      if (step.id) state.steps[step.id] = { outputs: result.outputs, outcome: result.status === 0 ? 'success' : 'failure' };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { steps: results, failed: state.failed };
}

function runStep(step: ActionStep, name: string, state: State, options: RunOptions, scratch: string): StepResult {
  if (step.shell !== 'bash') throw new Error(`${name}: only bash steps run locally, not ${String(step.shell)}`);
  const script = `${scratch}.sh`;
  const outputFile = `${scratch}.out`;
  writeFileSync(script, substitute(step.run ?? '', state));
  writeFileSync(outputFile, '');
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), state)]));
  const cwd = step['working-directory'] ? substitute(step['working-directory'], state) : options.github.workspace;
  const env = { ...process.env, ...options.env, GITHUB_WORKSPACE: options.github.workspace, GITHUB_ACTION_PATH: options.github.action_path, GITHUB_OUTPUT: outputFile, ...stepEnv };
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { name, kind: 'run', ran: true, status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')) };
}

/** $GITHUB_OUTPUT lines: `name=value`, or `name<<DELIMITER` … `DELIMITER` for several lines. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([\w-]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`unterminated output ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return outputs;
}

function substitute(text: string, state: State): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => String(evaluate(expression, state)));
}

function condition(value: string | boolean | undefined, state: State): boolean {
  if (value === undefined) return !state.failed;
  if (typeof value === 'boolean') return value && !state.failed;
  const expression = value.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const callsStatus = /\b(always|success|failure|cancelled)\s*\(/.test(expression);
  const result = truthy(evaluate(expression, state));
  return callsStatus ? result : result && !state.failed;
}

type Value = string | boolean | number;

const truthy = (v: Value): boolean => (typeof v === 'string' ? v !== '' : typeof v === 'number' ? v !== 0 : v);

/** The expression subset the action uses: context paths, string literals, ==, !=, &&, ||, !, () and status functions. */
function evaluate(expression: string, state: State): Value {
  const tokens = expression.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[()!]|[A-Za-z_][\w.-]*(?:\(\))?|\d+(?:\.\d+)?|\S/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++]!;
  const or = (): Value => {
    let left = and();
    while (peek() === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): Value => {
    let left = compare();
    while (peek() === '&&') {
      take();
      const right = compare();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const compare = (): Value => {
    const left = unary();
    if (peek() !== '==' && peek() !== '!=') return left;
    const op = take();
    const right = unary();
    const same = String(left).toLowerCase() === String(right).toLowerCase();
    return op === '==' ? same : !same;
  };
  const unary = (): Value => {
    if (peek() === '!') {
      take();
      return !truthy(unary());
    }
    return primary();
  };
  const primary = (): Value => {
    const token = take();
    if (token === undefined) throw new Error(`incomplete expression: ${expression}`);
    if (token === '(') {
      const value = or();
      if (take() !== ')') throw new Error(`missing ) in ${expression}`);
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'always()') return true;
    if (token === 'success()') return !state.failed;
    if (token === 'failure()') return state.failed;
    if (token === 'cancelled()') return false;
    return lookup(token, state);
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`cannot evaluate ${expression} locally`);
  return value;
}

function lookup(path: string, state: State): string {
  const [context, ...rest] = path.split('.');
  if (context === 'inputs' && rest.length === 1) {
    if (!(rest[0]! in state.inputs)) throw new Error(`no input ${rest[0]}`);
    return state.inputs[rest[0]!]!;
  }
  if (context === 'github' && rest.length === 1) {
    if (!(rest[0]! in state.github)) throw new Error(`github.${rest[0]} is not set for the local run`);
    return state.github[rest[0]!]!;
  }
  if (context === 'steps' && rest.length >= 2) {
    const step = state.steps[rest[0]!];
    if (rest[1] === 'outputs' && rest.length === 3) return step?.outputs[rest[2]!] ?? '';
    if (rest[1] === 'outcome' || rest[1] === 'conclusion') return step?.outcome ?? '';
  }
  throw new Error(`cannot resolve ${path} locally`);
}
