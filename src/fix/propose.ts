// From findings to proposed fixes: each finding whose rule has a fix for its format is located in the
// syntax tree (its resource block, and the attribute or block it points at) and the rule's fix is asked
// for edits. Findings of one block asking for the same change (every instance of a `count`) share one
// proposal. Nothing is applied here.

import { isDeclined, type FixProposal, type ModuleBlock } from '../analyze/fix.js';
import type { Rule } from '../analyze/rule.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { Finding, Range } from '../core/types.js';
import { EditDeclined } from '../edit/hcl-edit.js';
import { sameEdit } from '../edit/text-edit.js';
import type { Attribute, Block, Body, HclFile } from '../parse/hcl/ast.js';
import { parseHcl } from '../parse/hcl/parser.js';
import { dirOf } from '../pipeline/terraform-plan.js';

/** A proposed change to one file, for one or more findings. */
export interface ProposedFix extends FixProposal {
  rule: Rule;
  file: string;
  findings: Finding[];
  /** Range of the resource block in the original text (to tell later findings in it apart). */
  resourceRange: Range;
}

/** A finding no fix is proposed for, and why. */
export interface Unfixed {
  finding: Finding;
  reason: string;
}

export interface Proposals {
  fixes: ProposedFix[];
  unfixed: Unfixed[];
}

export interface ProposeInput {
  findings: readonly Finding[];
  rules: readonly Rule[];
  /** Text of a project-relative file; undefined when it cannot be read. */
  read: (rel: string) => string | undefined;
  /** Every project-relative file of the scan (to find a module directory's other files). */
  files: readonly string[];
  defaults: SafeDefaults;
}

export function proposeFixes(input: ProposeInput): Proposals {
  const rules = new Map(input.rules.map((r) => [r.meta.id, r]));
  const parsed = new Map<string, HclFile | undefined>();
  const parse = (rel: string): HclFile | undefined => {
    if (!parsed.has(rel)) {
      const text = input.read(rel);
      parsed.set(rel, text === undefined ? undefined : parseHcl(text, rel));
    }
    return parsed.get(rel);
  };
  const tfByDir = new Map<string, string[]>();
  for (const rel of input.files) {
    if (!rel.endsWith('.tf')) continue;
    const dir = dirOf(rel);
    tfByDir.set(dir, [...(tfByDir.get(dir) ?? []), rel]);
  }
  const moduleBlocks = new Map<string, ModuleBlock[]>();
  const blocksOf = (dir: string): ModuleBlock[] => {
    let list = moduleBlocks.get(dir);
    if (!list) {
      list = [];
      for (const rel of tfByDir.get(dir) ?? []) {
        const file = parse(rel);
        if (file) for (const block of file.body.blocks) list.push({ file, block });
      }
      moduleBlocks.set(dir, list);
    }
    return list;
  };

  const fixes: ProposedFix[] = [];
  const unfixed: Unfixed[] = [];
  for (const finding of input.findings) {
    if (finding.suppression) continue;
    const rule = rules.get(finding.ruleId);
    if (!rule) continue;
    const fixer = rule.fix?.terraform;
    if (!fixer) {
      unfixed.push({ finding, reason: rule.noFix ?? 'this rule has no automatic fix' });
      continue;
    }
    const where = finding.resourceLocation ?? finding.location;
    if (!where.file.endsWith('.tf')) {
      unfixed.push({ finding, reason: `${where.file} is not a Terraform file Bulwark edits` });
      continue;
    }
    const file = parse(where.file);
    const resource = file?.body.blocks.find((b) => b.range.start.offset === where.range.start.offset);
    if (!file || !resource) {
      unfixed.push({ finding, reason: `the resource could not be found in ${where.file} as it is now` });
      continue;
    }
    const at = finding.location.file === where.file ? nodeAt(resource.body, finding.location.range) : undefined;
    let outcome;
    try {
      outcome = fixer({ finding, file, resource, ...(at ? { at } : {}), defaults: input.defaults, moduleBlocks: blocksOf(dirOf(where.file)) });
    } catch (error) {
      if (!(error instanceof EditDeclined)) throw error;
      outcome = { declined: error.message };
    }
    if (isDeclined(outcome)) {
      unfixed.push({ finding, reason: outcome.declined });
      continue;
    }
    const same = fixes.find((f) => f.file === where.file && f.rule === rule && sameEdits(f.edits, outcome.edits));
    if (same) {
      same.findings.push(finding);
      continue;
    }
    fixes.push({ ...outcome, rule, file: where.file, findings: [finding], resourceRange: resource.range });
  }
  return { fixes, unfixed };
}

function sameEdits(a: FixProposal['edits'], b: FixProposal['edits']): boolean {
  return a.length === b.length && a.every((edit, i) => sameEdit(edit, b[i]!));
}

/** The attribute or nested block spanning exactly `range`, searched depth first. */
function nodeAt(body: Body, range: Range): Attribute | Block | undefined {
  for (const item of body.items) {
    if (item.range.start.offset === range.start.offset && item.range.end.offset === range.end.offset) return item;
    if (item.kind === 'Block' && item.range.start.offset <= range.start.offset && range.end.offset <= item.range.end.offset) {
      const inner = nodeAt(item.body, range);
      if (inner) return inner;
    }
  }
  return undefined;
}
