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
  constructor(private readonly project: TfProject) {}

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

export function runTerraformRules(project: TfProject, index: RuleIndex): Finding[] {
  const findings: Finding[] = [];
  const lookups = new ProjectLookups(project);
  // One context per rule per project; `current` is the resource being checked. Building a context
  // (and its closures) per resource and rule was a measurable share of the scan's allocations.
  const contexts = new Map<Rule, { ctx: TerraformRuleContext; current: TfResource | undefined }>();
  const contextFor = (rule: Rule) => {
    let entry = contexts.get(rule);
    if (!entry) {
      const state: { ctx: TerraformRuleContext; current: TfResource | undefined } = { ctx: undefined!, current: undefined };
      state.ctx = {
        project,
        ofType: (type) => lookups.ofType(type),
        referencing: (target, type, attribute, matchValues) => lookups.referencing(target, type, attribute, matchValues),
        report: (report) => findings.push(toFinding(rule, state.current!, report)),
      };
      contexts.set(rule, state);
      entry = state;
    }
    return entry;
  };
  for (const resource of project.resources) {
    const rules = index.get(resourceKey(resource));
    if (!rules) continue;
    for (const rule of rules) {
      const entry = contextFor(rule);
      entry.current = resource;
      rule.terraform!.check(resource, entry.ctx);
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
