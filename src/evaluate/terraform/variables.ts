// Root module inputs: tfvars files (lowest precedence first) and `-var` overrides (highest), as Terraform applies them.
// Defaults and type conversion are applied later, by the module instance.

import type { HclFile } from '../../parse/hcl/ast.js';
import { parseHcl } from '../../parse/hcl/parser.js';
import type { Computed, ProjectContext } from './context.js';
import type { Resolver } from './expr.js';
import type { ModuleDecl } from './module-decl.js';
import { isPrimitiveType } from './type-constraints.js';
import { EvalError } from './values/index.js';

/** tfvars may hold only constants: any reference is an error (the value becomes unknown). */
const NO_REFERENCES: Resolver = {
  resolve(root) {
    throw new EvalError(`variables files cannot refer to "${root.name}"`);
  },
};

export function rootInputs(ctx: ProjectContext, decl: ModuleDecl, varFiles: readonly HclFile[], vars: Readonly<Record<string, string>> = {}): (name: string) => Computed | undefined {
  const values = new Map<string, Computed>();
  for (const file of varFiles) {
    for (const attr of file.body.attributes) values.set(attr.name, ctx.compute(attr.expr, { resolver: NO_REFERENCES }, file.path));
  }
  for (const [name, text] of Object.entries(vars)) {
    const type = decl.variables.get(name)?.type;
    values.set(name, type && !isPrimitiveType(type) ? parseVarValue(ctx, name, text) : { value: text, refs: [] });
  }
  return (name) => values.get(name);
}

/** `-var 'tags={a="b"}'`: complex values are HCL expressions; unparsable text stays a string. */
function parseVarValue(ctx: ProjectContext, name: string, text: string): Computed {
  const file = parseHcl(`v = ${text}\n`, `-var ${name}`);
  const attr = file.body.attributes[0];
  if (file.errors.length || !attr || file.body.attributes.length !== 1) return { value: text, refs: [] };
  return ctx.compute(attr.expr, { resolver: NO_REFERENCES }, file.path);
}
