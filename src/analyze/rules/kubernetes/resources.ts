// The four resource rules (CPU and memory, requests and limits) share one check and one fix: the fix writes
// every request and limit the policy gives that the container lacks, so the four rules' fixes are the same
// edit and apply once.

import { addMissing, type YamlTree } from '../../../edit/yaml-edit.js';
import { yamlScalar } from '../../../edit/yaml-edit.js';
import { entry, get, isScalar } from '../../../parse/yaml/tree.js';
import type { FixOutcome, YamlFixContext } from '../../fix.js';
import type { SafeDefaults } from '../../../core/safe-defaults.js';
import { askAboutContainer, containerCheck, containerFixData, type ContainerFixData } from './support.js';

export type ResourceKind = 'limits' | 'requests';
export type ResourceName = 'cpu' | 'memory';

/** Reports containers without `resources.<kind>.<name>`. */
export function resourceCheck(kind: ResourceKind, name: ResourceName) {
  return containerCheck((v, ctx) => {
    const value = get(v.container.node, ['resources', kind, name]);
    if (isScalar(value) && value.value !== null && String(value.value).trim() !== '') return;
    const at = entry(get(v.container.node, ['resources']), kind) ?? entry(v.container.node, 'resources') ?? entry(v.container.node, 'name') ?? v.container.node;
    const what = `${name === 'cpu' ? 'CPU' : 'memory'} ${kind === 'limits' ? 'limit' : 'request'}`;
    ctx.report({ at, message: `The ${v.label} has no ${what} (resources.${kind}.${name}).`, part: `${v.container.part}.resources.${kind}.${name}`, fixData: containerFixData(v) });
  });
}

const QUESTION =
  'Set CPU and memory requests and limits for this container (resources.requests and resources.limits), or give defaults in the policy (safeDefaults.containerResources)';

/** The requests and limits the policy gives, as a tree to add. */
function policyTree(defaults: Readonly<SafeDefaults>): YamlTree {
  const tree: YamlTree = {};
  for (const kind of ['limits', 'requests'] as const) {
    const values = defaults.containerResources?.[kind];
    if (!values) continue;
    const node: YamlTree = {};
    if (values.cpu !== undefined) node.cpu = yamlScalar(String(values.cpu));
    if (values.memory !== undefined) node.memory = yamlScalar(values.memory);
    if (Object.keys(node).length) tree[kind] = node;
  }
  return Object.keys(tree).length ? { resources: tree } : {};
}

export function resourceFix(kind: ResourceKind, name: ResourceName) {
  return (ctx: YamlFixContext<ContainerFixData>): FixOutcome => {
    if (ctx.defaults.containerResources?.[kind]?.[name] === undefined) return askAboutContainer(ctx, QUESTION);
    const edits = addMissing(ctx.text, ctx.data.container, policyTree(ctx.defaults));
    return { kind: 'automatic', description: `Sets the policy's CPU and memory requests and limits that ${ctx.data.label} lacks.`, edits };
  };
}
