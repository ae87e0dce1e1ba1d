// Terraform as the auditor reads it, for the repository model: the root modules of the repository planned
// the way `bulwark scan` plans them, each evaluated (with its tfvars and the local modules it calls) into the
// resources rules see. Nothing runs terraform or touches the network; registry and git modules are not read.

import { posix } from 'node:path';
import type { HclFile } from '../../parse/hcl/ast.js';
import { autoVarFileNames, evaluateProject } from '../../evaluate/terraform/index.js';
import type { TfProject } from '../../evaluate/terraform/view.js';
import { parseConfig } from '../../pipeline/file-parser.js';
import { planTerraform } from '../../pipeline/terraform-plan.js';
import type { RepositoryFile, SourceInput } from './types.js';

/** Root modules evaluated at most: a repository of thousands of stacks is modelled by its first ones (noted). */
export const MAX_TERRAFORM_ROOTS = 200;

export interface EvaluatedRoot {
  project: TfProject;
  /** Files the root read, its modules' included. */
  files: string[];
}

export function evaluateRoots(files: readonly RepositoryFile[], input: Pick<SourceInput, 'read' | 'note'>): EvaluatedRoot[] {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const texts = new Map<string, string>();
  const textOf = (rel: string): string => {
    let text = texts.get(rel);
    if (text === undefined) {
      const file = byRel.get(rel);
      text = (file ? input.read(file) : undefined) ?? '';
      texts.set(rel, text);
    }
    return text;
  };
  const plan = planTerraform(
    files.map((f) => f.rel),
    textOf,
  );
  const noted = new Set<string>();
  const parse = (rel: string): HclFile => {
    const parsed = parseConfig(textOf(rel), rel);
    if (parsed.errors.length && !noted.has(rel)) {
      noted.add(rel);
      const first = parsed.errors[0]!;
      input.note({ level: 'warning', file: rel, line: first.range.start.line, message: `Terraform not fully read: ${first.message}` });
    }
    return parsed;
  };
  const roots = plan.roots.slice(0, MAX_TERRAFORM_ROOTS);
  if (plan.roots.length > roots.length) input.note({ level: 'warning', message: `${plan.roots.length} Terraform root modules: only the first ${roots.length} are modelled` });
  const out: EvaluatedRoot[] = [];
  for (const root of roots) {
    const read = new Set<string>();
    const modules = {
      readModule: (dir: string): HclFile[] | undefined => {
        const paths = plan.tfByDir.get(dir);
        if (!paths) return undefined;
        for (const p of paths) read.add(p);
        return paths.map(parse);
      },
    };
    const varNames = autoVarFileNames((plan.varsByDir.get(root) ?? []).map((p) => posix.basename(p)));
    const varFiles = varNames.map((name) => parse(root ? `${root}/${name}` : name));
    const { project } = evaluateProject({ root, modules, varFiles, rootsInScan: roots.length });
    if (project.resources.length) out.push({ project, files: [...read] });
  }
  return out;
}
