// Kubernetes pattern: workloads in a cluster (root containers, missing resource limits).

import { C } from '../compliance.js';
import type { ElementContext, ElementThreatRule } from '../types.js';

const inCluster = (ctx: ElementContext): boolean => ctx.facts.tags.has('kubernetes') || ctx.facts.boundaries.some((b) => b.type === 'cluster');

export const kubernetesRules: ElementThreatRule[] = [
  {
    id: 'TM-K8S-001',
    scope: 'element',
    pattern: 'kubernetes',
    stride: 'elevation-of-privilege',
    condition: 'a workload the design states runs as root (`runsAsRoot: true`)',
    applies: (ctx) => ctx.element.props.runsAsRoot === true,
    controls: [],
    title: (ctx) => `${ctx.element.name} runs as root: a compromise reaches the ${inCluster(ctx) ? 'node' : 'host'}`,
    description: (ctx) =>
      `${ctx.element.name} runs as root${inCluster(ctx) ? ' in the cluster' : ''}. A code-execution bug in it gives the attacker root in the container, and with a kernel or runtime flaw, the host and its other workloads.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForInternet: true,
    cwe: ['CWE-250'],
    capec: ['CAPEC-122'],
    compliance: [C.soc2Access, C.isoPrivileged, C.nistLeastPrivilege],
    decidedBy: ['runsAsRoot'],
    mitigations: ['MIT-K8S-NON-ROOT'],
  },
  {
    id: 'TM-K8S-003',
    scope: 'element',
    pattern: 'kubernetes',
    stride: 'elevation-of-privilege',
    condition: 'a cluster workload whose service account is stated to hold broad RBAC rights (`leastPrivilege: false`: cluster-admin, wildcards, reading Secrets, exec into pods, escalate/bind/impersonate)',
    applies: (ctx) => inCluster(ctx) && ctx.element.props.leastPrivilege === false,
    controls: [],
    title: (ctx) => `A compromise of ${ctx.element.name} takes over the cluster through its service account`,
    description: (ctx) =>
      `${ctx.element.name} runs with a service account token whose roles reach far beyond what it does. Whoever runs code in it (an injection, a vulnerable dependency) calls the Kubernetes API with those rights: reads every Secret, starts privileged pods, or grants themselves more.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForInternet: true,
    cwe: ['CWE-250', 'CWE-269'],
    capec: ['CAPEC-122'],
    compliance: [C.soc2Access, C.isoPrivileged, C.nistLeastPrivilege],
    decidedBy: ['leastPrivilege'],
    mitigations: ['MIT-LEAST-PRIVILEGE-ROLE'],
  },
  {
    id: 'TM-K8S-002',
    scope: 'element',
    pattern: 'kubernetes',
    stride: 'denial-of-service',
    condition: 'a cluster workload the design states has no resource limits (`resourceLimits: false`)',
    applies: (ctx) => inCluster(ctx) && ctx.element.props.resourceLimits === false,
    controls: [],
    title: (ctx) => `${ctx.element.name} can starve its node (no resource limits)`,
    description: (ctx) => `${ctx.element.name} has no CPU/memory limits; a load spike or a leak in it evicts or starves every other pod on the node.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForInternet: true,
    cwe: ['CWE-770'],
    capec: [],
    compliance: [C.soc2Availability, C.isoCapacity],
    mitigations: ['MIT-K8S-LIMITS'],
  },
];
