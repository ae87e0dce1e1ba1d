// hostNetwork, hostPID and hostIPC share one check and one fix: the pod shares a namespace of its node.

import { podSpecOf, WORKLOAD_KINDS, type K8sObject } from '../../../adapt/kubernetes/objects.js';
import { replaceScalar } from '../../../edit/yaml-edit.js';
import { entry, isTrue, type YScalar } from '../../../parse/yaml/tree.js';
import type { FixOutcome, YamlFixContext } from '../../fix.js';
import type { KubernetesRuleContext } from '../../yaml-rule.js';

interface HostFlagFix {
  value: YScalar;
  label: string;
  field: string;
}

export function hostFlagCheck(field: 'hostNetwork' | 'hostPID' | 'hostIPC', what: string) {
  return {
    kinds: WORKLOAD_KINDS,
    check(object: K8sObject, ctx: KubernetesRuleContext) {
      const pod = podSpecOf(object);
      const flag = pod && entry(pod.node, field);
      if (!pod || !flag || !isTrue(flag.value)) return;
      const data: HostFlagFix = { value: flag.value as YScalar, label: object.label, field };
      ctx.report({ at: flag, message: `${object.label} sets ${field}: true: its pods share the node's ${what}.`, part: `${pod.path}.${field}`, fixData: data });
    },
  };
}

export function hostFlagFix(ctx: YamlFixContext<HostFlagFix>): FixOutcome {
  return { kind: 'automatic', description: `Sets ${ctx.data.field}: false on ${ctx.data.label}.`, edits: replaceScalar(ctx.data.value, 'false') };
}
