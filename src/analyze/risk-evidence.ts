// The evidence the risk score reads from an evaluated Terraform project: which resources are exposed
// to the internet (a finding of an exposure rule on them), and what each resource's tags and names say
// about its data.

import type { Finding } from '../core/types.js';
import type { DataClass } from '../core/safe-defaults.js';
import { isUnknown, type TfResource } from '../evaluate/terraform/view.js';
import { dataSensitivity, exploitability, rating, SEVERITY_WEIGHT, type DataEvidence, type Factor } from './risk.js';
import type { Rule } from './rule.js';

/** Attributes that name what a resource holds (`bucket = "acme-customer-pii"`). */
const NAME_ATTRIBUTES = ['bucket', 'bucket_prefix', 'name', 'name_prefix', 'identifier', 'db_name', 'function_name', 'cluster_identifier', 'table_name'];

export function attachRisk(findings: Finding[], resources: readonly TfResource[], index: { byId: ReadonlyMap<string, Rule>; dataClasses: readonly DataClass[] }): void {
  if (!findings.length) return;
  const byAddress = new Map<string, TfResource>();
  for (const r of resources) byAddress.set(r.address, r);
  const exposedBy = new Map<string, string>();
  for (const f of findings) {
    const meta = index.byId.get(f.ruleId)?.meta;
    if (meta?.risk === 'exposure' && f.resource && !exposedBy.has(f.resource)) exposedBy.set(f.resource, f.ruleId);
  }
  // One sensitivity per resource: a resource has many findings, and reading its names is not cheap.
  const sensitivity = new Map<string, Factor>();
  for (const f of findings) {
    const meta = index.byId.get(f.ruleId)?.meta;
    if (!meta) continue;
    const address = f.resource ?? '';
    let d = sensitivity.get(address);
    if (!d) sensitivity.set(address, (d = dataSensitivity(evidenceOf(byAddress.get(address), address, f.resourceLocation?.file ?? f.location.file, byAddress), index.dataClasses)));
    const exposure = f.resource ? exposedBy.get(f.resource) : undefined;
    const e = exploitability(meta, exposure && exposure !== f.ruleId ? `${exposure} on the same resource` : undefined);
    const score = Math.round(SEVERITY_WEIGHT[f.severity] * e.factor * d.factor * 10) / 10;
    f.risk = { score, rating: rating(score), severityWeight: SEVERITY_WEIGHT[f.severity], exploitability: e, dataSensitivity: d };
  }
}

/**
 * Tags and names of the resource, and of the resources it names in its name attributes (a bucket's ACL or
 * policy resource holds the data of the bucket it points at).
 */
function evidenceOf(resource: TfResource | undefined, address: string, file: string, byAddress: ReadonlyMap<string, TfResource>): DataEvidence {
  const tags: Record<string, string> = {};
  const names = address ? [address] : [];
  addEvidence(resource, tags, names);
  for (const name of NAME_ATTRIBUTES) {
    for (const ref of resource?.body.attributes.get(name)?.refs ?? []) {
      const target = byAddress.get(ref);
      if (target && target !== resource) {
        names.push(target.address);
        addEvidence(target, tags, names);
      }
    }
  }
  return { tags, names, file };
}

function addEvidence(resource: TfResource | undefined, tags: Record<string, string>, names: string[]): void {
  if (resource) {
    for (const attribute of ['tags', 'tags_all']) {
      const value = resource.body.attributes.get(attribute)?.value;
      if (value && typeof value === 'object' && !Array.isArray(value) && !isUnknown(value)) {
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string') tags[k] = v;
      }
    }
    for (const name of NAME_ATTRIBUTES) {
      const value = resource.body.attributes.get(name)?.value;
      if (typeof value === 'string') names.push(value);
    }
  }
}

/**
 * The risk score of findings of formats without Terraform's resource view (Kubernetes, compose, Dockerfiles,
 * secrets): exploitability from the rule (and an exposure finding on the same resource), data sensitivity from
 * the policy's classes or the resource's name and file.
 */
export function attachDocumentRisk(findings: Finding[], byId: ReadonlyMap<string, Rule>, dataClasses: readonly DataClass[]): void {
  const exposedBy = new Map<string, string>();
  for (const f of findings) {
    if (byId.get(f.ruleId)?.meta.risk === 'exposure' && f.resource && !exposedBy.has(`${f.location.file}\0${f.resource}`)) exposedBy.set(`${f.location.file}\0${f.resource}`, f.ruleId);
  }
  const sensitivity = new Map<string, ReturnType<typeof dataSensitivity>>();
  for (const f of findings) {
    const meta = byId.get(f.ruleId)?.meta;
    if (!meta || f.risk) continue;
    const key = `${f.location.file}\0${f.resource ?? ''}`;
    let d = sensitivity.get(key);
    if (!d) sensitivity.set(key, (d = dataSensitivity({ tags: {}, names: f.resource ? [f.resource] : [], file: f.location.file }, dataClasses)));
    const exposure = exposedBy.get(key);
    const e = exploitability(meta, exposure && exposure !== f.ruleId ? `${exposure} on the same resource` : undefined);
    const score = Math.round(SEVERITY_WEIGHT[f.severity] * e.factor * d.factor * 10) / 10;
    f.risk = { score, rating: rating(score), severityWeight: SEVERITY_WEIGHT[f.severity], exploitability: e, dataSensitivity: d };
  }
}
