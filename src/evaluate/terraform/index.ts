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
}

export function evaluateProject(input: EvaluateInput): { project: TfProject; diagnostics: Diagnostic[] } {
  const root = input.root === '.' ? '' : input.root;
  const ctx = new ProjectContext(root, input.modules);
  const decl = ctx.moduleDecl(root);
  const resources: TfResource[] = [];
  if (decl) {
    const inputs = rootInputs(ctx, decl, input.varFiles, input.vars);
    new ModuleInstance(ctx, decl, '', [], inputs, [root]).collect(resources);
  }
  return { project: { root: input.root, resources }, diagnostics: ctx.diagnostics };
}
