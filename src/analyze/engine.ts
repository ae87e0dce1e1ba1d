// Runs rules over an evaluated Terraform project: Terraform checks on the resources they name, and
// AWS state checks on the state items the Terraform adapter reads from those resources. Both are
// indexed by resource type, so the cost per resource stays flat as the rule count grows.

import { TERRAFORM_AWS_ADAPTERS, type TerraformCollectionAdapter } from '../adapt/terraform/aws/index.js';
import { addressInModule, fingerprint } from '../core/fingerprint.js';
import type { DataClass, SafeDefaults } from '../core/safe-defaults.js';
import { attachRisk } from './risk-evidence.js';
import type { Finding } from '../core/types.js';
import { partPath } from '../evaluate/terraform/part-path.js';
import { ProjectLookups, resourceKey } from '../evaluate/terraform/lookups.js';
import type { TfProject, TfResource } from '../evaluate/terraform/view.js';
import type { AwsCollection } from '../state/aws/index.js';
import type { Spot } from '../state/source.js';
import type { Rule, StateRuleContext, TerraformReport, TerraformRuleContext } from './rule.js';

export { resourceKey };

/** State rules of one collection, with the adapter that reads its items from a resource. */
interface StateGroup {
  adapter: TerraformCollectionAdapter<AwsCollection>;
  rules: Rule[];
}

export interface RuleIndex {
  /** Terraform checks by resource key (`aws_s3_bucket`, `data.aws_iam_policy_document`). */
  readonly terraform: ReadonlyMap<string, readonly Rule[]>;
  /** AWS state checks by the resource key their collection is read from. */
  readonly state: ReadonlyMap<string, readonly StateGroup[]>;
  /** Some rule judges provider blocks or variable declarations. */
  readonly judgesConfiguration: boolean;
  /** The policy's safe defaults, which rules read through their context. */
  readonly defaults: Readonly<SafeDefaults>;
  /** Every rule indexed, by id (fix proposals look their rule up). */
  readonly byId: ReadonlyMap<string, Rule>;
  /** The policy's data classes, for the risk score's data sensitivity. */
  readonly dataClasses: readonly DataClass[];
}

export function indexTerraformRules(rules: readonly Rule[], defaults: Readonly<SafeDefaults> = {}, dataClasses: readonly DataClass[] = []): RuleIndex {
  // A rule that judges against a policy value the policy does not set has nothing to judge: it does not run.
  rules = rules.filter((r) => (r.meta.requires ?? []).every((name) => defaults[name] !== undefined));
  const terraform = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const type of rule.terraform?.resourceTypes ?? []) {
      const list = terraform.get(type) ?? [];
      list.push(rule);
      terraform.set(type, list);
    }
  }
  const groups = new Map<AwsCollection, StateGroup>();
  for (const rule of rules) {
    if (!rule.aws) continue;
    const collection = rule.aws.collection;
    let group = groups.get(collection);
    if (!group) groups.set(collection, (group = { adapter: TERRAFORM_AWS_ADAPTERS[collection] as TerraformCollectionAdapter<AwsCollection>, rules: [] }));
    group.rules.push(rule);
  }
  const state = new Map<string, StateGroup[]>();
  for (const group of groups.values()) {
    for (const type of group.adapter.resourceTypes) state.set(type, [...(state.get(type) ?? []), group]);
  }
  const judgesConfiguration = [...terraform.keys()].some((k) => k === 'variable' || k.startsWith('provider.'));
  return { terraform, state, judgesConfiguration, defaults, byId: new Map(rules.map((r) => [r.meta.id, r])), dataClasses };
}

/**
 * The context a rule sees, one per rule per project; `current` is the resource being checked. A class
 * rather than an object of closures: its methods are shared by every project instead of made afresh.
 */
class RuleContext implements TerraformRuleContext {
  current: TfResource | undefined = undefined;
  constructor(
    readonly project: TfProject,
    readonly defaults: Readonly<SafeDefaults>,
    private readonly rule: Rule,
    private readonly lookups: ProjectLookups,
    private readonly findings: Finding[],
  ) {}

  ofType(type: string): readonly TfResource[] {
    return this.lookups.ofType(type);
  }

  referencing(target: TfResource, type: string, attribute: string, matchValues?: readonly string[]): TfResource[] {
    return this.lookups.referencing(target, type, attribute, matchValues);
  }

  report(report: TerraformReport): void {
    this.findings.push(toFinding(this.rule, this.current!, report));
  }

  memo<T>(key: symbol, create: () => T): T {
    return this.lookups.memo(key, create);
  }
}

/** The context a state check sees, one per rule per project. */
class StateContext implements StateRuleContext {
  constructor(
    readonly defaults: Readonly<SafeDefaults>,
    private readonly rule: Rule,
    private readonly lookups: ProjectLookups,
    private readonly findings: Finding[],
  ) {}

  report(report: { at: Spot; message: string }): void {
    this.findings.push(spotFinding(this.rule, report.at, report.message));
  }

  memo<T>(key: symbol, create: () => T): T {
    return this.lookups.memo(key, create);
  }
}

/** Findings, and the resource types the rules read besides those they were indexed on (settings resources, keys). */
export interface TerraformRun {
  findings: Finding[];
  consulted: ReadonlySet<string>;
  /** Rules that had at least one resource to check. */
  applied: ReadonlySet<string>;
}

/** A rule that checked a resource and found nothing wrong with it (`--show-passed`). */
export interface PassedCheck {
  ruleId: string;
  resource: string;
  file: string;
  line: number;
}

/** `passed`: when given, every check that found nothing is recorded there. */
export function runTerraformRules(project: TfProject, index: RuleIndex, passed?: PassedCheck[]): TerraformRun {
  const findings: Finding[] = [];
  const lookups = new ProjectLookups(project);
  // One context per rule per project: building one per resource and rule was a measurable share of allocations.
  const contexts = new Map<Rule, RuleContext>();
  const applied = new Set<string>();
  const stateContexts = new Map<Rule, StateContext>();
  // Provider blocks and variables are built and judged only when some rule names them.
  const judged = project.configuration && index.judgesConfiguration
    ? [...project.resources, ...project.configuration().filter((c) => index.terraform.has(resourceKey(c)))]
    : project.resources;
  for (const resource of judged) {
    const key = resourceKey(resource);
    for (const rule of index.terraform.get(key) ?? []) {
      let ctx = contexts.get(rule);
      if (!ctx) contexts.set(rule, (ctx = new RuleContext(project, index.defaults, rule, lookups, findings)));
      ctx.current = resource;
      applied.add(rule.meta.id);
      const before = findings.length;
      rule.terraform!.check(resource, ctx);
      if (passed && findings.length === before) passed.push(passedCheck(rule, resource));
    }
    for (const group of index.state.get(key) ?? []) {
      const items = group.adapter.adapt(resource, lookups);
      for (const rule of group.rules) {
        let ctx = stateContexts.get(rule);
        if (!ctx) stateContexts.set(rule, (ctx = new StateContext(index.defaults, rule, lookups, findings)));
        if (items.length) applied.add(rule.meta.id);
        // Each rule's check takes the item type of its own collection, which is the group's.
        const before = findings.length;
        for (const item of items) (rule.aws!.check as (item: unknown, ctx: StateRuleContext) => void)(item, ctx);
        if (passed && items.length && findings.length === before) passed.push(passedCheck(rule, resource));
      }
    }
  }
  attachRisk(findings, judged, index);
  return { findings, consulted: lookups.consulted, applied };
}

function passedCheck(rule: Rule, resource: TfResource): PassedCheck {
  return { ruleId: rule.meta.id, resource: resource.address, file: resource.file, line: resource.body.range.start.line };
}

function spotFinding(rule: Rule, at: Spot, message: string): Finding {
  const { source } = at;
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    title: rule.meta.problem,
    message,
    location: { file: at.file, range: at.range },
    resource: source.address,
    resourceLocation: { file: source.file, range: source.range },
    ...(source.callPath?.length ? { callPath: [...source.callPath] } : {}),
    fingerprint: fingerprint({ ruleId: rule.meta.id, file: at.file, resource: source.localAddress, part: at.part }),
    remediation: rule.meta.remediation,
  };
}

function toFinding(rule: Rule, checked: TfResource, report: TerraformReport): Finding {
  const resource = report.resource ?? checked;
  const range = report.at?.range ?? resource.body.range;
  const file = report.at && 'file' in report.at ? report.at.file : resource.file;
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    title: rule.meta.problem,
    message: report.message,
    location: { file, range },
    resource: resource.address,
    resourceLocation: { file: resource.file, range: resource.body.range },
    ...(resource.callPath.length ? { callPath: resource.callPath } : {}),
    fingerprint: fingerprint({
      ruleId: rule.meta.id,
      file,
      resource: addressInModule(resource.address, resource.module),
      part: report.part ?? partPath(resource.body, report.at),
    }),
    remediation: rule.meta.remediation,
  };
}
