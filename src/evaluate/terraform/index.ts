// The Terraform evaluator: parsed HCL of a root module (and the local modules it calls) → the evaluated view rules
// read. Pure: module files come in through ModuleSource, nothing here touches the file system or the network.

import type { HclFile } from '../../parse/hcl/ast.js';
import type { Diagnostic } from '../../core/types.js';
import type { TfProject, TfResource } from './view.js';
import { ProjectContext, type ModuleSource } from './context.js';
import { ModuleInstance } from './module-instance.js';
import { rootInputs } from './variables.js';

export type { ModuleSource } from './context.js';
export { autoVarFileNames, findRootModules } from './roots.js';

export interface EvaluateInput {
  /** Root module dir (POSIX, relative to scan root; '' for the scan root itself). */
  root: string;
  modules: ModuleSource;
  /** Parsed tfvars in precedence order, lowest first. */
  varFiles: HclFile[];
  /** `-var` style overrides, highest precedence. */
  vars?: Record<string, string>;
  /**
   * Module directories whose provider blocks and variable declarations were already handed out (by an earlier
   * root in the same scan): they are the same text whichever root reaches them, so they are judged once.
   */
  configurationSeen?: Set<string>;
  /** Root modules in the whole scan: they share the scan's limit on instances made by count and for_each. */
  rootsInScan?: number;
}

export function evaluateProject(input: EvaluateInput): { project: TfProject; diagnostics: Diagnostic[] } {
  const root = input.root === '.' ? '' : input.root;
  const ctx = new ProjectContext(root, input.modules, input.rootsInScan);
  const decl = ctx.moduleDecl(root);
  const resources: TfResource[] = [];
  let instance: ModuleInstance | undefined;
  if (decl) {
    const inputs = rootInputs(ctx, decl, input.varFiles, input.vars);
    instance = new ModuleInstance(ctx, decl, '', [], inputs, [root]);
    instance.collect(resources);
    // Collecting expanded every resource and module call there is: the limit's toll is known now.
    ctx.reportInstanceLimit();
  }
  let built: TfResource[] | undefined;
  const configuration = (): readonly TfResource[] => {
    if (!built) instance?.collectConfiguration((built = []), input.configurationSeen);
    return built ?? [];
  };
  // Both fill up as rules read attributes (evaluation is lazy): read them after the rules ran.
  return { project: { root: input.root, resources, configuration, sensitiveValues: ctx.sensitiveValues }, diagnostics: ctx.diagnostics };
}

/** `text` with every occurrence of a sensitive value replaced by `(sensitive)`, longest values first. */
export function maskSensitive(text: string, values: Iterable<string>): string {
  let out = text;
  for (const v of [...values].sort((a, b) => b.length - a.length)) if (out.includes(v)) out = out.split(v).join('(sensitive)');
  return out;
}
