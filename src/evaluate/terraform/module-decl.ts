// The declarations of one module directory, indexed once and shared by every instance of the module.

import type { Attribute, Block, Expr, HclFile } from '../../parse/hcl/ast.js';
import { findAttribute } from './expand.js';
import { parseType, type TypeSpec } from './type-constraints.js';

export interface VariableDecl {
  name: string;
  file: string;
  block: Block;
  type: TypeSpec;
  default?: Attribute;
  nullable: boolean;
  /** `sensitive = true`: its value, and everything derived from it, is never printed. */
  sensitive: boolean;
}

export interface LocalDecl {
  name: string;
  file: string;
  attr: Attribute;
  /** Declared locals its expression names (see local-order.ts), filled on first use. */
  references?: readonly string[];
}

export interface OutputDecl {
  name: string;
  file: string;
  block: Block;
  value?: Attribute;
}

export interface ResourceDecl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `aws_s3_bucket.b` or `data.aws_iam_policy_document.p` */
  key: string;
  file: string;
  block: Block;
}

/** A `provider "aws" { ... }` block (configuration, not a resource). */
export interface ProviderDecl {
  /** `aws` */
  name: string;
  /** `alias = "west"`, when given as a literal. */
  alias?: string;
  file: string;
  block: Block;
}

export interface ModuleCallDecl {
  name: string;
  file: string;
  block: Block;
  source?: Attribute;
}

export interface ModuleDecl {
  dir: string;
  variables: Map<string, VariableDecl>;
  locals: Map<string, LocalDecl>;
  outputs: Map<string, OutputDecl>;
  /** In source order (files sorted by path). */
  resources: Map<string, ResourceDecl>;
  moduleCalls: Map<string, ModuleCallDecl>;
  /** In source order. */
  providers: ProviderDecl[];
}

/** A string literal expression's text, or undefined when the expression is anything else. */
export function literalString(expr: Expr | undefined): string | undefined {
  if (expr?.kind !== 'Template') return undefined;
  if (expr.parts.length === 0) return '';
  const only = expr.parts.length === 1 ? expr.parts[0] : undefined;
  return only?.kind === 'TemplateLiteral' ? only.value : undefined;
}

export function indexModule(dir: string, files: readonly HclFile[]): ModuleDecl {
  const decl: ModuleDecl = { dir, variables: new Map(), locals: new Map(), outputs: new Map(), resources: new Map(), moduleCalls: new Map(), providers: [] };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    for (const block of file.body.blocks) addBlock(decl, file.path, block);
  }
  return decl;
}

function addBlock(decl: ModuleDecl, file: string, block: Block): void {
  const [first, second] = block.labels;
  switch (block.type) {
    case 'variable':
      if (first !== undefined && !decl.variables.has(first)) {
        const nullable = findAttribute(block, 'nullable');
        const sensitive = findAttribute(block, 'sensitive');
        decl.variables.set(first, {
          name: first,
          file,
          block,
          type: parseType(findAttribute(block, 'type')?.expr),
          ...(findAttribute(block, 'default') ? { default: findAttribute(block, 'default')! } : {}),
          nullable: !(nullable?.expr.kind === 'Literal' && nullable.expr.value === false),
          sensitive: sensitive?.expr.kind === 'Literal' && sensitive.expr.value === true,
        });
      }
      break;
    case 'locals':
      for (const attr of block.body.attributes) if (!decl.locals.has(attr.name)) decl.locals.set(attr.name, { name: attr.name, file, attr });
      break;
    case 'output':
      if (first !== undefined && !decl.outputs.has(first)) {
        const value = findAttribute(block, 'value');
        decl.outputs.set(first, { name: first, file, block, ...(value ? { value } : {}) });
      }
      break;
    case 'resource':
    case 'data':
      if (first !== undefined && second !== undefined) {
        const mode = block.type === 'data' ? 'data' : 'managed';
        const key = mode === 'data' ? `data.${first}.${second}` : `${first}.${second}`;
        if (!decl.resources.has(key)) decl.resources.set(key, { mode, type: first, name: second, key, file, block });
      }
      break;
    case 'provider':
      if (first !== undefined) {
        const alias = literalString(findAttribute(block, 'alias')?.expr);
        decl.providers.push({ name: first, file, block, ...(alias ? { alias } : {}) });
      }
      break;
    case 'module':
      if (first !== undefined && !decl.moduleCalls.has(first)) {
        const source = findAttribute(block, 'source');
        decl.moduleCalls.set(first, { name: first, file, block, ...(source ? { source } : {}) });
      }
      break;
  }
}
