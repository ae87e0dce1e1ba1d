// What the Kubernetes rules share: walking a workload's containers, the security settings a container
// ends up with (its own, else the pod's), and the fixes that set a container's or a pod's field.

import { describeContainer, podSpecOf, WORKLOAD_KINDS, type K8sContainer, type K8sObject, type PodSpec } from '../../../adapt/kubernetes/objects.js';
import type { ComplianceRef } from '../../../core/compliance.js';
import { entry, type YEntry, type YMap, type YNode } from '../../../parse/yaml/tree.js';
export { parseImage } from '../../images.js';
import { markYamlForInput, setIn } from '../../../edit/yaml-edit.js';
import type { FixOutcome, YamlFixContext } from '../../fix.js';
import type { KubernetesRuleContext } from '../../yaml-rule.js';

export { WORKLOAD_KINDS };

export const K8S_COMPLIANCE = {
  leastPrivilege: [
    { framework: 'NIST-800-53', control: 'AC-6' },
    { framework: 'ISO27001', control: 'A.8.2' },
    { framework: 'SOC2', control: 'CC6.1' },
  ],
  configuration: [
    { framework: 'NIST-800-53', control: 'CM-6' },
    { framework: 'ISO27001', control: 'A.8.9' },
  ],
  isolation: [
    { framework: 'NIST-800-53', control: 'SC-7' },
    { framework: 'ISO27001', control: 'A.8.22' },
  ],
  capacity: [
    { framework: 'NIST-800-53', control: 'SC-5' },
    { framework: 'ISO27001', control: 'A.8.6' },
  ],
  secrets: [
    { framework: 'PCI-DSS', control: '8.6.2' },
    { framework: 'NIST-800-53', control: 'IA-5(7)' },
    { framework: 'ISO27001', control: 'A.5.17' },
  ],
} satisfies Record<string, ComplianceRef[]>;

/** Links every pod-security rule cites. */
export const PSS_LINK = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';

export interface ContainerVisit {
  object: K8sObject;
  pod: PodSpec;
  container: K8sContainer;
  /** "container "web" of Deployment/shop/web". */
  label: string;
}

/** Calls `visit` for every container (init and ephemeral ones too) of a workload. */
export function forEachContainer(object: K8sObject, visit: (v: ContainerVisit) => void): void {
  const pod = podSpecOf(object);
  if (!pod) return;
  for (const container of pod.containers) visit({ object, pod, container, label: describeContainer(object, container) });
}

/** The container's own security setting, else the pod's (for the fields both can set). */
export function effectiveSetting(v: ContainerVisit, field: string): { entry: YEntry; level: 'container' | 'pod' } | undefined {
  const own = entry(entry(v.container.node, 'securityContext')?.value, field);
  if (own) return { entry: own, level: 'container' };
  const pod = entry(entry(v.pod.node, 'securityContext')?.value, field);
  return pod ? { entry: pod, level: 'pod' } : undefined;
}

/** The container's `securityContext` entry, or the container's name entry (where a missing setting is reported). */
export function securityAnchor(container: K8sContainer): YEntry | YNode {
  return entry(container.node, 'securityContext') ?? entry(container.node, 'name') ?? container.node;
}

/** What a container fix needs: the container's mapping and how to name it. */
export interface ContainerFixData {
  container: YMap;
  label: string;
}

export function containerFixData(v: ContainerVisit): ContainerFixData {
  return { container: v.container.node, label: v.label };
}

/** Sets `path` (from the container) to `value`, automatically. */
export function setContainerField(ctx: YamlFixContext<ContainerFixData>, path: readonly string[], value: string | readonly string[], description: string): FixOutcome {
  return { kind: 'automatic', description: `${description} on ${ctx.data.label}.`, edits: setIn(ctx.text, ctx.data.container, path, value) };
}

/** Marks the container for a decision (`# NEEDS YOUR INPUT:` above it). */
export function askAboutContainer(ctx: YamlFixContext<ContainerFixData>, question: string): FixOutcome {
  return { kind: 'needs-input', description: `Marks ${ctx.data.label} for a decision: ${question}`, question, edits: markYamlForInput(ctx.text, ctx.data.container, question) };
}

/** A rule over workloads' containers: `judge` reports what is wrong with one container. */
export function containerCheck(judge: (v: ContainerVisit, ctx: KubernetesRuleContext) => void) {
  return {
    kinds: WORKLOAD_KINDS,
    check(object: K8sObject, ctx: KubernetesRuleContext) {
      forEachContainer(object, (v) => judge(v, ctx));
    },
  };
}

/** A rule over workloads' pod specs: `judge` reports what is wrong with one pod. */
export function podCheck(judge: (object: K8sObject, pod: PodSpec, ctx: KubernetesRuleContext) => void) {
  return {
    kinds: WORKLOAD_KINDS,
    check(object: K8sObject, ctx: KubernetesRuleContext) {
      const pod = podSpecOf(object);
      if (pod) judge(object, pod, ctx);
    },
  };
}
