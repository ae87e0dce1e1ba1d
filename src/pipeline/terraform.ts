// Terraform from parsed files to findings: group files into module directories, find the root
// modules, evaluate each root (with its tfvars and the local modules it calls), run the rules.
// Pure over its inputs: file reading happens in the caller.

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '../core/types.js';
import type { HclFile } from '../parse/hcl/ast.js';
import { autoVarFileNames, evaluateProject, findRootModules, type ModuleSource } from '../evaluate/terraform/index.js';
import { runTerraformRules, type RuleIndex } from '../analyze/engine.js';
import { PARSE_ERROR_RULE_ID } from '../analyze/rules/parse-error.js';
import parseErrorRule from '../analyze/rules/parse-error.js';

export interface TerraformSource {
  /** POSIX paths, relative to the scan root, of every `.tf` and `.tfvars` file found. */
  paths: readonly string[];
  /** Parses one file on demand (the caller may cache or stream). */
  parse(path: string): HclFile;
}

export interface TerraformOptions {
  /** Extra var files (already parsed), applied after the automatic ones, in order. */
  varFiles?: readonly HclFile[];
  vars?: Readonly<Record<string, string>>;
}

export interface TerraformOutcome {
  findings: Finding[];
  diagnostics: Diagnostic[];
  resources: number;
  rootModules: number;
}

export function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

export function analyzeTerraform(source: TerraformSource, index: RuleIndex, options: TerraformOptions = {}): TerraformOutcome {
  const tfByDir = new Map<string, string[]>();
  const varsByDir = new Map<string, string[]>();
  for (const path of source.paths) {
    const target = path.endsWith('.tf') ? tfByDir : path.endsWith('.tfvars') ? varsByDir : undefined;
    if (!target) continue;
    const dir = dirOf(path);
    const list = target.get(dir) ?? [];
    list.push(path);
    target.set(dir, list);
  }

  const findings: Finding[] = [];
  const parsed = new Map<string, HclFile>();
  const parseOnce = (path: string): HclFile => {
    let file = parsed.get(path);
    if (!file) {
      file = source.parse(path);
      parsed.set(path, file);
      if (file.errors.length) findings.push(parseErrorFinding(file));
    }
    return file;
  };
  const modules: ModuleSource = {
    readModule: (dir) => tfByDir.get(dir)?.map(parseOnce),
  };

  const diagnostics: Diagnostic[] = [];
  const roots = findRootModules([...tfByDir.keys()].sort(), modules);
  let resources = 0;
  for (const root of roots) {
    const dirVarFiles = varsByDir.get(root) ?? [];
    const names = autoVarFileNames(dirVarFiles.map((p) => posix.basename(p)));
    const varFiles = [...names.map((name) => parseOnce(root ? `${root}/${name}` : name)), ...(options.varFiles ?? [])];
    const result = evaluateProject({ root, modules, varFiles, ...(options.vars ? { vars: { ...options.vars } } : {}) });
    diagnostics.push(...result.diagnostics);
    resources += result.project.resources.length;
    findings.push(...runTerraformRules(result.project, index));
  }
  // tfvars files that no root picked up still get their syntax checked.
  for (const paths of varsByDir.values()) for (const p of paths) parseOnce(p);
  return { findings, diagnostics, resources, rootModules: roots.length };
}

function parseErrorFinding(file: HclFile): Finding {
  const first = file.errors[0]!;
  const more = file.errors.length > 1 ? ` (and ${file.errors.length - 1} more syntax error${file.errors.length > 2 ? 's' : ''})` : '';
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    severity: parseErrorRule.meta.severity,
    title: parseErrorRule.meta.title,
    message: `${file.path} could not be parsed: ${first.message}${more}. The blocks that did parse were still scanned.`,
    location: { file: file.path, range: first.range },
    remediation: parseErrorRule.meta.remediation,
  };
}
