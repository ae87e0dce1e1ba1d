// Fix proposals, made where the syntax trees already are: right after a root module's rules have run
// (in its worker thread), each finding whose rule has a Terraform fix is located in the tree (its
// resource block, and the attribute or block it points at) and the rule's fix is asked for edits. The
// result is plain data keyed by the finding's fingerprint, so it crosses threads; nothing is applied.

import { dirOf } from '../core/dir-of.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { Finding, Range } from '../core/types.js';
import type { TextEdit } from '../edit/text-edit.js';
import { EditDeclined } from '../edit/hcl-edit.js';
import type { Attribute, Block, Body, HclFile } from '../parse/hcl/ast.js';
import { isDeclined, type CompanionLine, type FixOutcome, type ModuleBlock } from './fix.js';
import type { Rule } from './rule.js';

/** A rule's answer for one finding: edits to propose, or why not. */
export interface FixProposalData {
  ruleId: string;
  /** The file every edit applies to (the resource's). */
  file: string;
  /** The resource block, in the text as scanned. */
  resourceRange: Range;
  kind?: 'automatic' | 'needs-input';
  description?: string;
  edits?: TextEdit[];
  question?: string;
  companions?: CompanionLine[];
  /** Set instead of the above when no fix applies here. */
  declined?: string;
}

export interface ProposeContext {
  rules: ReadonlyMap<string, Rule>;
  /** The syntax tree of a scanned file (undefined when it was not read). */
  parse: (rel: string) => HclFile | undefined;
  /** The `.tf` files of a module directory. */
  dirFiles: (dir: string) => readonly string[];
  defaults: Readonly<SafeDefaults>;
  /** Only these findings (by fingerprint); all when absent. */
  only?: ReadonlySet<string>;
}

/** Proposals for the findings whose rules have a Terraform fix, as [fingerprint, proposal] pairs. */
export function proposeFixes(findings: readonly Finding[], ctx: ProposeContext): [string, FixProposalData][] {
  const out: [string, FixProposalData][] = [];
  const blocksByDir = new Map<string, ModuleBlock[]>();
  const memos = new Map<string, Map<symbol, unknown>>();
  const memoIn = (dir: string) => <T>(key: symbol, create: () => T): T => {
    let table = memos.get(dir);
    if (!table) memos.set(dir, (table = new Map()));
    if (!table.has(key)) table.set(key, create());
    return table.get(key) as T;
  };
  const moduleBlocks = (dir: string): ModuleBlock[] => {
    let list = blocksByDir.get(dir);
    if (!list) {
      list = [];
      for (const rel of ctx.dirFiles(dir)) {
        const file = ctx.parse(rel);
        if (file) for (const block of file.body.blocks) list.push({ file, block });
      }
      blocksByDir.set(dir, list);
    }
    return list;
  };
  for (const finding of findings) {
    const rule = ctx.rules.get(finding.ruleId);
    const fixer = rule?.fix?.terraform;
    if (!fixer || (ctx.only && !ctx.only.has(finding.fingerprint))) continue;
    const where = finding.resourceLocation ?? finding.location;
    const base = { ruleId: finding.ruleId, file: where.file, resourceRange: where.range };
    const file = where.file.endsWith('.tf') ? ctx.parse(where.file) : undefined;
    const resource = file?.body.blocks.find((b) => b.range.start.offset === where.range.start.offset);
    if (!file || !resource) {
      out.push([finding.fingerprint, { ...base, declined: `the resource could not be found in ${where.file} as a Terraform block Bulwark edits` }]);
      continue;
    }
    const at = finding.location.file === where.file ? nodeAt(resource.body, finding.location.range) : undefined;
    let outcome: FixOutcome;
    try {
      const dir = dirOf(where.file);
      outcome = fixer({ finding, file, resource, ...(at ? { at } : {}), defaults: ctx.defaults, moduleBlocks: moduleBlocks(dir), memo: memoIn(dir) });
    } catch (error) {
      if (!(error instanceof EditDeclined)) throw error;
      outcome = { declined: error.message };
    }
    out.push([finding.fingerprint, isDeclined(outcome) ? { ...base, declined: outcome.declined } : { ...base, ...outcome }]);
  }
  return out;
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
