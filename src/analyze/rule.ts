// The shape of a rule: metadata, per-format checks, and its own good/bad examples.
// One security concept is one rule; each IaC format reaches it through its own `check` entry,
// so a later CloudFormation check joins the same rule (same id, docs, compliance mapping).

import type { FormatId } from '../core/formats.js';
import type { RuleMeta } from '../core/rule-meta.js';

export type { ComplianceFramework, ComplianceRef, PeerIds, RuleMeta } from '../core/rule-meta.js';
import type { TfAttribute, TfBody, TfProject, TfResource } from '../evaluate/terraform/view.js';

export interface TerraformReport {
  message: string;
  /** Where to point: an attribute, a nested block, or (default) the resource block. */
  at?: TfAttribute | TfBody;
  /** Override the resource the finding is about (default: the resource being checked). */
  resource?: TfResource;
}

export interface TerraformRuleContext {
  project: TfProject;
  /** All resources (managed and data) of a type in this project, across modules. */
  ofType(type: string): readonly TfResource[];
  /**
   * Resources of `type` in the same module as `target` whose attribute `attribute` points at `target`:
   * by reference (`aws_s3_bucket.data.id`) or, for literal values, by equality with one of `matchValues`
   * (e.g. the bucket's literal name).
   */
  referencing(target: TfResource, type: string, attribute: string, matchValues?: readonly string[]): TfResource[];
  report(report: TerraformReport): void;
  /**
   * A value shared by every rule run on this project (indexes, parsed policies), made on first use and
   * dropped with the project. Use it rather than a module-level WeakMap keyed by project objects: V8's
   * young-generation collector keeps such WeakMap values alive, and with them whole evaluated projects,
   * which made garbage collection the largest cost of a scan.
   */
  memo<T>(key: symbol, create: () => T): T;
}

export interface TerraformCheck {
  /** Resource types (managed `aws_x` or data `data.aws_x`) this check runs on; the engine indexes rules by these. */
  resourceTypes: readonly string[];
  check(resource: TfResource, ctx: TerraformRuleContext): void;
}

/** What a bad example must produce, like ESLint's `errors`: one entry per finding, in line order. */
export interface ExpectedFinding {
  /** 1-based line the finding points at. */
  line: number;
}

export interface BadExample {
  code: string;
  errors: readonly ExpectedFinding[];
}

export interface RuleExamples {
  /** Complete files of the format; no good one may be flagged by this rule. */
  good: readonly string[];
  /** Complete files of the format, each with the findings this rule must give on it, and no others. */
  bad: readonly BadExample[];
}

export interface Rule {
  meta: RuleMeta;
  terraform?: TerraformCheck;
  /** Good and bad examples per format: they are the rule's tests and its docs. */
  examples: Partial<Record<FormatId, RuleExamples>>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
