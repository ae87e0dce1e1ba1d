// State shared by one project evaluation: the module reader, parsed-module cache, diagnostics and budget.

import type { Expr, HclFile } from '../../parse/hcl/ast.js';
import type { Diagnostic, Range } from '../../core/types.js';
import { evaluate, type Budget, type Env } from './expr.js';
import { indexModule, type ModuleDecl } from './module-decl.js';
import { BudgetError, EvalError, UNKNOWN, type Value } from './values.js';

export interface ModuleSource {
  /** Parsed .tf files of a module directory (POSIX, relative to the scan root, '' = root), or undefined if the
   *  directory holds no Terraform or lies outside the scan root. */
  readModule(dir: string): HclFile[] | undefined;
}

/** A value with the addresses its expression referred to. */
export interface Computed {
  value: Value;
  refs: readonly string[];
}

export const UNKNOWN_COMPUTED: Computed = Object.freeze({ value: UNKNOWN, refs: [] });

export class ProjectContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly budget: Budget = { steps: 0 };
  private readonly decls = new Map<string, ModuleDecl | undefined>();
  private readonly reported = new Set<string>();
  private budgetReported = false;

  constructor(
    readonly root: string,
    private readonly modules: ModuleSource,
  ) {}

  /** Declarations of a module directory, read and indexed once per project. */
  moduleDecl(dir: string): ModuleDecl | undefined {
    if (!this.decls.has(dir)) {
      let files: HclFile[] | undefined;
      try {
        files = this.modules.readModule(dir);
      } catch {
        files = undefined;
      }
      this.decls.set(dir, files && files.length ? indexModule(dir, files) : undefined);
    }
    return this.decls.get(dir);
  }

  warn(message: string, file: string, range: Range): void {
    const key = `${file}:${range.start.offset}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({ severity: 'warning', message, location: { file, range } });
  }

  /** Evaluates an expression, never throwing: errors become UNKNOWN, runaway evaluation a diagnostic. */
  compute(expr: Expr, env: Omit<Env, 'refs' | 'budget'>, file: string): Computed {
    const refs = new Set<string>();
    let value: Value;
    try {
      value = evaluate(expr, { ...env, refs, budget: this.budget });
    } catch (e) {
      value = UNKNOWN;
      if (e instanceof BudgetError) {
        if (!this.budgetReported) {
          this.budgetReported = true;
          this.warn(`Evaluation stopped: ${e.message}; affected values are treated as unknown`, file, expr.range);
        }
      } else if (!(e instanceof EvalError)) {
        // Deep recursion or an unexpected shape: the value stays unknown, the scan goes on.
        this.warn(`Could not evaluate expression: ${(e as Error).message ?? String(e)}`, file, expr.range);
      }
    }
    return { value, refs: [...refs] };
  }
}
