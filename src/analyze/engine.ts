// Runs Terraform rules over an evaluated project. Rules are indexed by resource type,
// so the cost per resource stays flat as the rule count grows.

import type { Finding } from '../core/types.js';
import type { TfProject, TfResource } from '../evaluate/terraform/view.js';
import type { Rule, TerraformReport, TerraformRuleContext } from './rule.js';

export type RuleIndex = ReadonlyMap<string, readonly Rule[]>;

export function resourceKey(resource: Pick<TfResource, 'mode' | 'type'>): string {
  return resource.mode === 'data' ? `data.${resource.type}` : resource.type;
}

export function indexTerraformRules(rules: readonly Rule[]): RuleIndex {
  const index = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const type of rule.terraform?.resourceTypes ?? []) {
      const list = index.get(type) ?? [];
      list.push(rule);
      index.set(type, list);
    }
  }
  return index;
}

/** Lazily built lookups shared by every rule run on one project. */
class ProjectLookups {
  private byType?: Map<string, TfResource[]>;
  private readonly memos = new Map<symbol, unknown>();
  constructor(private readonly project: TfProject) {}

  memo<T>(key: symbol, create: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = create();
    this.memos.set(key, value);
    return value;
  }

  ofType(type: string): readonly TfResource[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const r of this.project.resources) {
        const key = resourceKey(r);
        const list = this.byType.get(key) ?? [];
        list.push(r);
        this.byType.set(key, list);
      }
    }
    return this.byType.get(type) ?? [];
  }

  referencing(target: TfResource, type: string, attribute: string, matchValues: readonly string[] = []): TfResource[] {
    return this.ofType(type).filter((candidate) => {
      if (candidate.module !== target.module) return false;
      const a = candidate.body.attributes.get(attribute);
      if (!a) return false;
      // refs are module-qualified like addresses, so they compare directly.
      if (a.refs.some((ref) => ref === target.address || ref === target.baseAddress)) return true;
      return typeof a.value === 'string' && matchValues.includes(a.value);
    });
  }
}

/**
 * The context a rule sees, one per rule per project; `current` is the resource being checked. A class
 * rather than an object of closures: its methods are shared by every project instead of made afresh.
 */
class RuleContext implements TerraformRuleContext {
  current: TfResource | undefined = undefined;
  constructor(
    readonly project: TfProject,
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

export function runTerraformRules(project: TfProject, index: RuleIndex): Finding[] {
  const findings: Finding[] = [];
  const lookups = new ProjectLookups(project);
  // One context per rule per project: building one per resource and rule was a measurable share of allocations.
  const contexts = new Map<Rule, RuleContext>();
  for (const resource of project.resources) {
    const rules = index.get(resourceKey(resource));
    if (!rules) continue;
    for (const rule of rules) {
      let ctx = contexts.get(rule);
      if (!ctx) contexts.set(rule, (ctx = new RuleContext(project, rule, lookups, findings)));
      ctx.current = resource;
      rule.terraform!.check(resource, ctx);
    }
  }
  return findings;
}

function toFinding(rule: Rule, checked: TfResource, report: TerraformReport): Finding {
  const resource = report.resource ?? checked;
  const range = report.at?.range ?? resource.body.range;
  const file = report.at && 'file' in report.at ? report.at.file : resource.file;
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    title: rule.meta.title,
    message: report.message,
    location: { file, range },
    resource: resource.address,
    ...(resource.callPath.length ? { callPath: resource.callPath } : {}),
    remediation: rule.meta.remediation,
  };
}
