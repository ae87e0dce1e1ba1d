// The shape of a rule: metadata, per-format checks, and its own good/bad examples.
// One security concept is one rule; each IaC format reaches it through its own `check` entry,
// so a later CloudFormation check joins the same rule (same id, docs, compliance mapping).

import type { FormatId } from '../core/formats.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { RuleFix } from './fix.js';
import type { RuleMeta } from '../core/rule-meta.js';

export type { ComplianceFramework, ComplianceRef, PeerIds, RuleMeta } from '../core/rule-meta.js';
import type { TfLookups } from '../evaluate/terraform/lookups.js';
import type { AwsCollection, AwsCollections } from '../state/aws/index.js';
import type { Spot } from '../state/source.js';
import type { TfAttribute, TfBody, TfProject, TfResource } from '../evaluate/terraform/view.js';
import type { ComposeCheck, KubernetesCheck } from './yaml-rule.js';
import type { DockerfileCheck } from './dockerfile-rule.js';
import type { SecretsCheck } from './secrets-rule.js';

export interface TerraformReport {
  message: string;
  /** Where to point: an attribute, a nested block, or (default) the resource block. */
  at?: TfAttribute | TfBody;
  /** Override the resource the finding is about (default: the resource being checked). */
  resource?: TfResource;
  /** The part's path when `at` alone cannot name it (an element of an attribute list, `ingress[1]`). */
  part?: string;
}

export interface TerraformRuleContext extends TfLookups {
  project: TfProject;
  /** The policy's safe defaults; a rule reads only those its metadata names in `uses`. */
  defaults: Readonly<SafeDefaults>;
  report(report: TerraformReport): void;
}

/** What a check over the shared provider state sees besides the item: where to report, and per-project memos. */
export interface StateRuleContext {
  /** The policy's safe defaults; a rule reads only those its metadata names in `uses`. */
  defaults: Readonly<SafeDefaults>;
  /** Reports a finding at `at`; the resource it names is the one holding that spot. */
  report(report: { at: Spot; message: string }): void;
  memo<T>(key: symbol, create: () => T): T;
}

/**
 * A check written once over the normalised AWS state (see docs/architecture.md): every format whose adapter
 * fills `collection` (Terraform today, CloudFormation next) is checked by the same logic.
 */
export type AwsCheck = {
  [K in AwsCollection]: { collection: K; check(item: AwsCollections[K], ctx: StateRuleContext): void };
}[AwsCollection];

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
  /** The file name it is scanned as, when the format's example file name will not do (an `.env` file). */
  file?: string;
  errors: readonly ExpectedFinding[];
  /**
   * For a rule with a fix, like ESLint's `output`: the file after `bulwark fix --write` (with `defaults`). The
   * rule tester checks it byte for byte, that it scans clean of automatic fixes' findings, and that a second
   * fix changes nothing. `null`: no fix applies to this example (the reason is in `noFix`).
   */
  output?: string | null;
  /** Safe defaults the example is fixed with. */
  defaults?: SafeDefaults;
}

export interface RuleExamples {
  /** Safe defaults every example is checked with (a rule that compares with the policy needs them). */
  defaults?: SafeDefaults;
  /** Complete files of the format; no good one may be flagged by this rule. */
  good: readonly string[];
  /** Complete files of the format, each with the findings this rule must give on it, and no others. */
  bad: readonly BadExample[];
}

export interface Rule {
  meta: RuleMeta;
  /** A check over Terraform's own view (resources, attributes, blocks), for what only Terraform expresses. */
  terraform?: TerraformCheck;
  /** A check over the AWS state, shared by every format with an AWS adapter. */
  aws?: AwsCheck;
  /** A check over Kubernetes objects (workloads through their pod spec, RBAC, Services, ...). */
  kubernetes?: KubernetesCheck;
  /** A check over a Dockerfile: its stages, the user the image runs as, its RUN commands. */
  dockerfile?: DockerfileCheck;
  /** A check over a docker-compose service (values interpolated from the project's .env). */
  compose?: ComposeCheck;
  /** A check over any text file and the secrets found in it. */
  secrets?: SecretsCheck;
  /** How to fix a finding, per format: text edits from the source, verified before they are written. */
  fix?: RuleFix;
  /** Why the rule has no automatic fix (a decision only a person can make); shown in its docs and fix reports. */
  noFix?: string;
  /** For a rule built from data (a policy's custom rule): that data, from which a worker thread builds it again. */
  portable?: { customRule: unknown };
  /** Good and bad examples per format: they are the rule's tests and its docs. */
  examples: Partial<Record<FormatId, RuleExamples>>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
