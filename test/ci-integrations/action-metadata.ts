// Checks a composite action's metadata (action.yml) against the documented GitHub Actions metadata syntax:
// the keys each level may hold, the required ones, composite steps (`run` with `shell`, or `uses`), step ids,
// and every `${{ }}` expression's references to inputs and earlier steps. Returns the problems found.

const TOP_KEYS = new Set(['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding']);
const INPUT_KEYS = new Set(['description', 'required', 'default', 'deprecationMessage']);
const OUTPUT_KEYS = new Set(['description', 'value']);
const RUNS_KEYS = new Set(['using', 'steps']);
const STEP_KEYS = new Set(['id', 'name', 'if', 'run', 'shell', 'uses', 'with', 'env', 'working-directory', 'continue-on-error']);
const SHELLS = new Set(['bash', 'sh', 'pwsh', 'python', 'cmd', 'powershell']);
const BRANDING_COLORS = new Set(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']);
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Contexts a composite action's expressions can read (no `secrets`: a composite action gets none). */
const CONTEXTS = new Set(['inputs', 'steps', 'github', 'env', 'runner', 'job', 'strategy', 'matrix']);
const FUNCTIONS = new Set(['always', 'success', 'failure', 'cancelled', 'contains', 'startsWith', 'endsWith', 'format', 'join', 'toJSON', 'fromJSON', 'hashFiles']);
/** `uses:` of a published action: owner/repo[/path]@ref, or a local path, or a docker image. */
const USES = /^([\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+|\.\/[\w./-]*|docker:\/\/\S+)$/;

type Json = Record<string, unknown>;

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function unknownKeys(value: Json, allowed: Set<string>, where: string, problems: string[]): void {
  for (const key of Object.keys(value)) if (!allowed.has(key)) problems.push(`${where}: unknown key "${key}"`);
}

/** The `${{ … }}` expressions of a string (each body without the braces). */
export function expressionsIn(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!.trim());
}

/** Checks one expression's context references: known contexts, existing inputs, steps declared earlier. */
function checkExpression(expression: string, where: string, inputs: Set<string>, earlierSteps: Set<string>, problems: string[]): void {
  // Drop string literals first so their words are not read as references.
  const code = expression.replace(/'(?:[^']|'')*'/g, "''");
  for (const m of code.matchAll(/([A-Za-z_][\w-]*)\s*\(/g)) {
    if (!FUNCTIONS.has(m[1]!)) problems.push(`${where}: unknown function ${m[1]}() in \${{ ${expression} }}`);
  }
  for (const m of code.matchAll(/(?<![\w.-])([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*)*)(?![\w-]*\s*\()/g)) {
    const [, head, rest] = m as unknown as [string, string, string];
    if (['true', 'false', 'null'].includes(head)) continue;
    if (!CONTEXTS.has(head)) {
      problems.push(`${where}: unknown context "${head}" in \${{ ${expression} }}`);
      continue;
    }
    const parts = rest.split('.').filter(Boolean);
    if (head === 'inputs' && parts[0] !== undefined && !inputs.has(parts[0])) problems.push(`${where}: no input "${parts[0]}" (\${{ ${expression} }})`);
    if (head === 'steps') {
      if (parts[0] === undefined || !earlierSteps.has(parts[0])) problems.push(`${where}: no earlier step with id "${parts[0] ?? ''}" (\${{ ${expression} }})`);
      else if (!['outputs', 'outcome', 'conclusion'].includes(parts[1] ?? '')) problems.push(`${where}: steps.${parts[0]} has no "${parts[1] ?? ''}" (\${{ ${expression} }})`);
    }
  }
}

function checkStrings(value: unknown, where: string, inputs: Set<string>, steps: Set<string>, problems: string[]): void {
  if (typeof value === 'string') for (const e of expressionsIn(value)) checkExpression(e, where, inputs, steps, problems);
  else if (isMap(value)) for (const [k, v] of Object.entries(value)) checkStrings(v, `${where}.${k}`, inputs, steps, problems);
}

function checkSteps(steps: unknown, inputs: Set<string>, problems: string[]): Set<string> {
  const seen = new Set<string>();
  if (!Array.isArray(steps) || steps.length === 0) {
    problems.push('runs.steps: a composite action needs a non-empty list of steps');
    return seen;
  }
  steps.forEach((step: unknown, index) => {
    const where = `runs.steps[${index}]`;
    if (!isMap(step)) return void problems.push(`${where}: not a mapping`);
    unknownKeys(step, STEP_KEYS, where, problems);
    const hasRun = 'run' in step;
    const hasUses = 'uses' in step;
    if (hasRun === hasUses) problems.push(`${where}: needs exactly one of "run" and "uses"`);
    if (hasRun) {
      if (!isText(step.run)) problems.push(`${where}.run: not a non-empty string`);
      if (!('shell' in step)) problems.push(`${where}: a composite "run" step needs "shell"`);
      else if (typeof step.shell !== 'string' || !(SHELLS.has(step.shell) || step.shell.includes('{0}'))) problems.push(`${where}.shell: "${String(step.shell)}" is not a known shell nor a command with {0}`);
      if ('with' in step) problems.push(`${where}: "with" belongs to "uses" steps`);
    }
    if (hasUses && (typeof step.uses !== 'string' || !USES.test(step.uses))) problems.push(`${where}.uses: "${String(step.uses)}" is not owner/repo@ref, ./path or docker://image`);
    if (hasUses && ('shell' in step || 'working-directory' in step)) problems.push(`${where}: "shell" and "working-directory" belong to "run" steps`);
    for (const key of ['with', 'env'] as const) {
      if (key in step && !isMap(step[key])) problems.push(`${where}.${key}: not a mapping`);
    }
    if (typeof step.if === 'string') {
      const condition = step.if.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
      checkExpression(condition, `${where}.if`, inputs, seen, problems);
    } else if ('if' in step && typeof step.if !== 'boolean') problems.push(`${where}.if: not an expression`);
    for (const key of ['run', 'with', 'env', 'working-directory', 'name', 'continue-on-error'] as const) {
      if (key in step) checkStrings(step[key], `${where}.${key}`, inputs, seen, problems);
    }
    if ('id' in step) {
      if (typeof step.id !== 'string' || !ID.test(step.id)) problems.push(`${where}.id: "${String(step.id)}" is not a valid id`);
      else if (seen.has(step.id)) problems.push(`${where}.id: "${step.id}" is used twice`);
      else seen.add(step.id);
    }
  });
  return seen;
}

/** Every way `action` (the parsed action.yml) departs from the metadata syntax of a composite action. */
export function compositeActionProblems(action: unknown): string[] {
  const problems: string[] = [];
  if (!isMap(action)) return ['the file is not a mapping'];
  unknownKeys(action, TOP_KEYS, 'action', problems);
  for (const key of ['name', 'description'] as const) if (!isText(action[key])) problems.push(`${key}: required, a non-empty string`);

  const inputs = new Set<string>();
  if (action.inputs !== undefined) {
    if (!isMap(action.inputs)) problems.push('inputs: not a mapping');
    else
      for (const [id, input] of Object.entries(action.inputs)) {
        if (!ID.test(id)) problems.push(`inputs.${id}: not a valid input id`);
        inputs.add(id);
        if (!isMap(input)) {
          problems.push(`inputs.${id}: not a mapping`);
          continue;
        }
        unknownKeys(input, INPUT_KEYS, `inputs.${id}`, problems);
        if (!isText(input.description)) problems.push(`inputs.${id}.description: required, a non-empty string`);
        if ('required' in input && typeof input.required !== 'boolean') problems.push(`inputs.${id}.required: not a boolean`);
        if ('default' in input && typeof input.default !== 'string') problems.push(`inputs.${id}.default: not a string (quote it)`);
      }
  }

  const runs = action.runs;
  let stepIds = new Set<string>();
  if (!isMap(runs)) problems.push('runs: required, a mapping');
  else {
    unknownKeys(runs, RUNS_KEYS, 'runs', problems);
    if (runs.using !== 'composite') problems.push(`runs.using: "${String(runs.using)}", expected "composite"`);
    stepIds = checkSteps(runs.steps, inputs, problems);
  }

  if (action.outputs !== undefined) {
    if (!isMap(action.outputs)) problems.push('outputs: not a mapping');
    else
      for (const [id, output] of Object.entries(action.outputs)) {
        if (!ID.test(id)) problems.push(`outputs.${id}: not a valid output id`);
        if (!isMap(output)) {
          problems.push(`outputs.${id}: not a mapping`);
          continue;
        }
        unknownKeys(output, OUTPUT_KEYS, `outputs.${id}`, problems);
        if (!isText(output.value)) problems.push(`outputs.${id}.value: required in a composite action`);
        else checkStrings(output.value, `outputs.${id}.value`, inputs, stepIds, problems);
      }
  }

  if (action.branding !== undefined) {
    if (!isMap(action.branding)) problems.push('branding: not a mapping');
    else {
      unknownKeys(action.branding, new Set(['icon', 'color']), 'branding', problems);
      if ('color' in action.branding && !BRANDING_COLORS.has(String(action.branding.color))) problems.push(`branding.color: "${String(action.branding.color)}" is not a badge colour`);
      if ('icon' in action.branding && !/^[a-z0-9-]+$/.test(String(action.branding.icon))) problems.push('branding.icon: not a Feather icon name');
    }
  }
  return problems;
}
