// Test helpers: parse Terraform from memory or from fixture directories and evaluate it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HclFile } from '../../src/parse/hcl/ast.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { evaluate } from '../../src/evaluate/terraform/expr.js';
import { evaluateProject, type ModuleSource } from '../../src/evaluate/terraform/index.js';
import type { TfProject, TfResource } from '../../src/evaluate/terraform/view.js';
import { EvalError, type Value } from '../../src/evaluate/terraform/values/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/terraform/', import.meta.url));

/** A ModuleSource over an in-memory tree: `{ 'main.tf': '...', 'modules/x/main.tf': '...' }`. */
export function memorySource(files: Record<string, string>): ModuleSource {
  return {
    readModule(dir) {
      const parsed: HclFile[] = [];
      for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.tf') || posix.dirname(path) !== (dir === '' ? '.' : dir)) continue;
        parsed.push(parseHcl(text, path));
      }
      return parsed.length ? parsed : undefined;
    },
  };
}

/** A ModuleSource over a fixture directory on disk. */
export function fixtureSource(fixture: string): ModuleSource {
  const base = join(FIXTURES, fixture);
  return {
    readModule(dir) {
      const abs = join(base, dir);
      let names: string[];
      try {
        if (!statSync(abs).isDirectory()) return undefined;
        names = readdirSync(abs).filter((n) => n.endsWith('.tf')).sort();
      } catch {
        return undefined;
      }
      const parsed = names.map((n) => parseHcl(readFileSync(join(abs, n), 'utf8'), posix.join(dir, n)));
      return parsed.length ? parsed : undefined;
    },
  };
}

export function parseFixtureFile(fixture: string, path: string): HclFile {
  return parseHcl(readFileSync(join(FIXTURES, fixture, path), 'utf8'), path);
}

export function evaluateMemory(files: Record<string, string>, vars?: Record<string, string>, varFiles: HclFile[] = []) {
  return evaluateProject({ root: '', modules: memorySource(files), varFiles, ...(vars ? { vars } : {}) });
}

export function byAddress(project: TfProject, address: string): TfResource {
  const r = project.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no resource ${address}; have ${project.resources.map((x) => x.address).join(', ')}`);
  return r;
}

/** Evaluates a standalone expression (no references available). */
export function evalExpr(text: string): Value {
  const file = parseHcl(`v = ${text}\n`, 'expr.tf');
  if (file.errors.length) throw new Error(`parse error in ${text}: ${file.errors[0]!.message}`);
  const attr = file.body.attributes[0]!;
  return evaluate(attr.expr, {
    resolver: {
      resolve(root) {
        throw new EvalError(`no reference ${root.name} in a standalone expression`);
      },
    },
    refs: [],
    budget: { steps: 0, limit: 2_000_000 },
  });
}
