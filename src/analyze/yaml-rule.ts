// What rules over YAML formats (Kubernetes manifests, compose files) see: the object being checked, every
// object of the scan (for checks across objects, like a namespace without a NetworkPolicy), the policy's
// safe defaults, and `report`, which points at a key of the document and may hand its fix what it needs.

import type { K8sObject } from '../adapt/kubernetes/objects.js';
import type { ComposeService } from '../adapt/compose/services.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { YEntry, YNode } from '../parse/yaml/tree.js';

export interface YamlReport<FixData = unknown> {
  message: string;
  /** The offending entry (its key's line is reported) or node; default: the object itself. */
  at?: YEntry | YNode;
  /** Names the part within the object for the fingerprint (`spec.template.spec.containers[web].securityContext`). */
  part?: string;
  /** Handed to the rule's fix, which runs only when `bulwark fix` asks (a container's node, say). */
  fixData?: FixData;
}

export interface YamlRuleContext {
  defaults: Readonly<SafeDefaults>;
  report(report: YamlReport): void;
}

export interface KubernetesRuleContext extends YamlRuleContext {
  /** Every object in the scan, across files. */
  objects: readonly K8sObject[];
  /** A value computed once per scan (an index of `objects`, say) and shared by every check of it. */
  memo<T>(key: symbol, create: () => T): T;
}

export interface KubernetesCheck {
  /** Kinds this check runs on; every kind when absent. */
  kinds?: readonly string[];
  check(object: K8sObject, ctx: KubernetesRuleContext): void;
}

export interface ComposeRuleContext extends YamlRuleContext {
  /** Every service of the same compose file. */
  services: readonly ComposeService[];
}

export interface ComposeCheck {
  check(service: ComposeService, ctx: ComposeRuleContext): void;
}
