// State shared by one project evaluation: the module reader, parsed-module cache, diagnostics and budget.

import type { Expr, HclFile } from '../../parse/hcl/ast.js';
import type { Diagnostic, Range } from '../../core/types.js';
import { evaluate, renderTemplateWithMarks, type Budget, type Env } from './expr.js';
import { indexModule, type ModuleDecl } from './module-decl.js';
import { UNKNOWN_MARK } from '../../core/value.js';
import { BudgetError, EvalError, isUnknown, LIMITS, UNKNOWN, type Value } from './values/index.js';

export interface ModuleSource {
  /** Parsed .tf files of a module directory (POSIX, relative to the project root, '' = root), or undefined if the
   *  directory holds no Terraform or lies outside the project. */
  readModule(dir: string): HclFile[] | undefined;
  /**
   * Where `terraform init` installed the registry or git module with this key (`vpc`, `vpc.subnets`) for the
   * root module `root`: a directory relative to the project root, or undefined when it is not installed.
   */
  installedModule?(root: string, key: string): string | undefined;
}

/** A value with the addresses its expression referred to. */
export interface Computed {
  value: Value;
  refs: readonly string[];
}

const NO_REFS: readonly string[] = Object.freeze([]);
export const UNKNOWN_COMPUTED: Computed = Object.freeze({ value: UNKNOWN, refs: NO_REFS });

export class ProjectContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Text of sensitive variables' values (strings and numbers, 4 characters or more), masked in every output. */
  readonly sensitiveValues = new Set<string>();
  /** Steps spent by finished top-level evaluations. */
  private totalSteps = 0;
  /** The budget of the top-level evaluation in progress; nested evaluations (locals it reads) share it. */
  private active: Budget | undefined;
  private readonly decls = new Map<string, ModuleDecl | undefined>();
  private readonly reported = new Set<string>();
  private budgetReported = false;
  /** Evaluations in progress, each waiting for the next (a local reading a resource reading a local...). */
  private depth = 0;
  /** Resource and module instances this root module may still create (LIMITS.maxInstancesPerRoot). */
  private instancesLeft: number = LIMITS.maxInstancesPerRoot;
  /** Instances beyond the first of each block this root may still create: its share of LIMITS.maxExpansionsPerScan. */
  private expansionsLeft: number;
  /** Resources and module calls that got fewer instances than they asked for, in the order they asked. */
  private readonly cut: { address: string; file: string; range: Range; wanted: number; skipped: number }[] = [];

  constructor(
    readonly root: string,
    private readonly modules: ModuleSource,
    /** Root modules in the scan, which share LIMITS.maxExpansionsPerScan evenly. */
    private readonly rootsInScan = 1,
  ) {
    this.expansionsLeft = expansionShare(rootsInScan);
  }

  /** Declarations of a module directory, read and indexed once per project. */
  moduleDecl(dir: string): ModuleDecl | undefined {
    if (!this.decls.has(dir)) {
      let files: HclFile[] | undefined;
      try {
        files = this.modules.readModule(dir);
      } catch {
        files = undefined;
      }
      // Indexed per project, not cached across projects: a module-level WeakMap keyed by parsed files made
      // V8's young-generation collector keep whole projects alive; indexing is cheap next to evaluating.
      this.decls.set(dir, files && files.length ? indexModule(dir, files) : undefined);
    }
    return this.decls.get(dir);
  }

  /**
   * Remembers the text a sensitive value holds, so reports can mask it wherever a rule or message quotes it.
   * Each object is visited once: values share structure, and walking every path could take exponential time.
   */
  noteSensitive(value: Value, depth = 0, visited = new Set<object>()): void {
    if (depth > 32 || this.sensitiveValues.size > 10_000) return;
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value);
      if (text.length >= 4) this.sensitiveValues.add(text);
      return;
    }
    if (value === null || typeof value !== 'object' || isUnknown(value) || visited.has(value)) return;
    visited.add(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) this.noteSensitive(v, depth + 1, visited);
  }

  /** The installed directory of a remote module (see ModuleSource.installedModule). */
  installedModule(key: string): string | undefined {
    try {
      return this.modules.installedModule?.(this.root, key);
    } catch {
      return undefined;
    }
  }

  /** A warning about the input, reported once per place and message. `code` names its kind (docs/json-output.md). */
  warn(message: string, file: string, range: Range, code = 'evaluation'): void {
    const key = `${file}:${range.start.offset}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({ severity: 'warning', code, message, location: { file, range }, format: 'terraform' });
  }

  /**
   * How many of the `wanted` instances of a resource or module call (`address`, declared at `range`) may be
   * created: all of them while the root module's instance limit lasts, then none. A module fanned out on every
   * level multiplies its instances (ten calls of ten calls, six levels down, is a million).
   */
  grantInstances(wanted: number, address: string, file: string, range: Range): number {
    const granted = Math.min(wanted, this.instancesLeft, wanted > 0 ? 1 + this.expansionsLeft : 0);
    this.instancesLeft -= granted;
    if (granted > 1) this.expansionsLeft -= granted - 1;
    if (granted < wanted) this.cut.push({ address, file, range, wanted, skipped: wanted - granted });
    return granted;
  }

  /** One warning naming what the instance limit left out, at the first place it applied; nothing if it never did. */
  reportInstanceLimit(): void {
    const first = this.cut[0];
    if (!first) return;
    const count = (n: number) => n.toLocaleString('en-US');
    const skipped = this.cut.reduce((n, c) => n + c.skipped, 0);
    const listed = this.cut.slice(0, 5).map((c) => `${c.address} (${count(c.skipped)} of ${count(c.wanted)})`);
    if (this.cut.length > 5) listed.push(`${count(this.cut.length - 5)} more resources and module calls`);
    const root = this.root === '' ? 'The root module' : `Root module "${this.root}"`;
    const share = expansionShare(this.rootsInScan);
    const limit =
      share < LIMITS.maxInstancesPerRoot
        ? `its share of the scan's limit: ${count(share)} of the ${count(LIMITS.maxExpansionsPerScan)} instances made by count and for_each that ${count(this.rootsInScan)} root modules share`
        : `the limit of ${count(LIMITS.maxInstancesPerRoot)}`;
    this.warn(
      `${root} has more resource and module instances than ${limit}: ` +
        `${count(skipped)} instances were not evaluated or checked, nor anything inside the module instances among them: ${listed.join(', ')}`,
      first.file,
      first.range,
      'instance-limit',
    );
  }

  /** Counts work done outside expressions (expanded blocks); false once the project budget is spent. */
  spend(steps: number): boolean {
    this.totalSteps += steps;
    return this.totalSteps <= LIMITS.maxSteps;
  }

  /** Evaluates an expression, never throwing: errors become UNKNOWN, runaway evaluation a diagnostic. */
  compute(expr: Expr, env: Omit<Env, 'refs' | 'budget'>, file: string): Computed {
    const refs: string[] = [];
    const outer = this.active;
    const budget: Budget = outer ?? { steps: 0, limit: Math.min(LIMITS.maxStepsPerExpression, Math.max(0, LIMITS.maxSteps - this.totalSteps)) };
    this.active = budget;
    let value: Value;
    try {
      // A chain of references (each resource reading the next) recurses once per link: stop at a fixed
      // depth, well before the stack runs out, so the result does not depend on the thread's stack size.
      if (++this.depth > LIMITS.maxReferenceDepth) throw new BudgetError(`references nest more than ${LIMITS.maxReferenceDepth} levels deep`);
      value = evaluate(expr, { resolver: env.resolver, bindings: env.bindings, refs, budget });
    } catch (e) {
      value = UNKNOWN;
      if (e instanceof BudgetError) {
        // Reported where it happened, once per project when the project budget runs out.
        const projectBudget = budget.limit < LIMITS.maxStepsPerExpression;
        if (!projectBudget || !this.budgetReported) {
          this.budgetReported ||= projectBudget;
          this.warn(`Evaluation stopped: ${e.message}; the value is treated as unknown`, file, expr.range, 'evaluation-limit');
        }
      } else if (e instanceof RangeError) {
        // The stack or a string ran out all the same (an expression nested very deeply).
        this.warn(`Evaluation stopped: ${e.message}; the value is treated as unknown`, file, expr.range, 'evaluation-limit');
      } else if (!(e instanceof EvalError)) {
        // An unexpected shape: the value stays unknown, the scan goes on.
        this.warn(`Could not evaluate expression: ${(e as Error).message ?? String(e)}`, file, expr.range);
      }
    } finally {
      this.depth--;
      this.active = outer;
      if (!outer) this.totalSteps += budget.steps;
    }
    return { value, refs: refs.length ? refs : NO_REFS };
  }

  /** The unknown template rendered with its unknown parts marked (see renderTemplateWithMarks); never throws. */
  markedTemplate(expr: Expr, env: Omit<Env, 'refs' | 'budget'>): string | undefined {
    if (expr.kind !== 'Template') return undefined;
    const budget: Budget = { steps: 0, limit: Math.min(LIMITS.maxStepsPerExpression, Math.max(0, LIMITS.maxSteps - this.totalSteps)) };
    try {
      return renderTemplateWithMarks(expr, { resolver: env.resolver, bindings: env.bindings, refs: [], budget }, UNKNOWN_MARK);
    } catch {
      return undefined;
    } finally {
      this.totalSteps += budget.steps;
    }
  }
}

/** A root module's share of the scan's expansions, never more than the per-root instance limit. */
export function expansionShare(rootsInScan: number): number {
  return Math.min(LIMITS.maxInstancesPerRoot, Math.floor(LIMITS.maxExpansionsPerScan / Math.max(1, rootsInScan)));
}
