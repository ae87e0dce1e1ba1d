// Infrastructure pattern: the platform things run on. Container platforms, shared runtimes, cloud accounts,
// hardening and network segmentation: where one compromise reaches what shares a host, an account or a zone.

import type { Boundary } from '../../schema/architecture.js';
import { C } from '../compliance.js';
import type { ElementContext, ElementFacts, ElementThreatRule, ModelView } from '../types.js';
import { describeClassification } from '../vocabulary.js';
import { wordsOf } from './app-signals.js';
import { allElements, explicitModel, exposedZoneMates, hasBoundaries, isOurs, isPipeline, listNames, networklessService, networkZoneOf, perDesign, runtimeHostedBy, runtimeOf, sensitive, sensitivityOf, zoneOf, type RuntimeGroup } from './infra-roles.js';

const CONTAINER_RUNTIME = /kubernetes|\bk8s\b|openshift|docker|container|\beks\b|\bgke\b|\baks\b|\becs\b|nomad|rancher|swarm/;

/** Workloads that make an escape worth it: reachable from the internet, or holding sensitive data. */
const exposedOrSensitive = (f: ElementFacts): boolean => f.internetFacing || sensitive(f);

/** The container platform this element stands for: itself (a platform element), or the runtime it anchors. */
function containerPlatform(ctx: ElementContext): { name: string; workloads: ElementFacts[] } | undefined {
  if (ctx.facts.tags.has('container-platform')) {
    const hosted = runtimeHostedBy(ctx)?.members ?? [];
    if (hosted.length ? hosted.some(exposedOrSensitive) : explicitModel(ctx.model) || exposedOrSensitive(ctx.facts)) return { name: ctx.element.name, workloads: hosted };
    return undefined;
  }
  const group = runtimeOf(ctx);
  if (!group || group.platform || group.members[0] !== ctx.facts) return undefined;
  const isContainers = group.boundary ? group.boundary.type === 'cluster' || CONTAINER_RUNTIME.test(group.name.toLowerCase()) : CONTAINER_RUNTIME.test(group.name.toLowerCase());
  if (!isContainers || !group.members.some(exposedOrSensitive)) return undefined;
  return { name: group.name, workloads: group.members };
}

/** Why a shared runtime mixes trust levels, or undefined when it does not. */
function mixing(group: RuntimeGroup): string | undefined {
  const exposed = group.members.filter((m) => m.internetFacing);
  const inner = group.members.filter((m) => !m.internetFacing && sensitive(m));
  if (exposed.length && inner.length)
    return `${listNames(exposed)} ${exposed.length > 1 ? 'are' : 'is'} reachable from the internet and ${listNames(inner)} ${inner.length > 1 ? 'hold' : 'holds'} ${describeClassification(sensitivityOf(inner[0]!)!)}`;
  const zones = new Map<string, { zone: Boundary; members: ElementFacts[] }>();
  for (const m of group.members) {
    const zone = zoneOf(m);
    if (!zone || zone === group.boundary) continue;
    const found = zones.get(zone.id);
    if (found) found.members.push(m);
    else zones.set(zone.id, { zone, members: [m] });
  }
  if (zones.size > 1) return `its workloads belong to different trust zones (${[...zones.values()].map(({ zone, members }) => `${listNames(members)} in ${zone.name}`).join('; ')})`;
  return undefined;
}

const ANCHORS = new WeakMap<RuntimeGroup, ElementFacts | undefined>();

/** Where a runtime's threat is reported: its platform, else its first internet-facing member, else its first member. */
function anchorOf(group: RuntimeGroup): ElementFacts | undefined {
  if (!ANCHORS.has(group)) ANCHORS.set(group, group.platform ?? group.members.find((m) => m.internetFacing) ?? group.members[0]);
  return ANCHORS.get(group);
}

/** The shared runtime this element reports for (once per runtime: its platform, else its first exposed member). */
function mixedRuntime(ctx: ElementContext): { group: RuntimeGroup; why: string } | undefined {
  const group = runtimeHostedBy(ctx) ?? runtimeOf(ctx);
  // A cluster is shared by design: what its sharing risks is the escape TM-INFRA-001 reports once per cluster.
  if (!group || group.members.length < 2 || group.boundary?.type === 'cluster') return undefined;
  const anchor = anchorOf(group);
  if (anchor !== ctx.facts) return undefined;
  const why = mixing(group);
  return why ? { group, why } : undefined;
}

const GUARDRAILS = /\bscps?\b|service control polic|cloudtrail|guardduty|aws config|config rules|security hub|cis (?:aws |azure |gcp )?(?:foundations )?benchmark|landing zone|control tower|azure policy|defender for cloud|security command center|organi[sz]ation polic/;
const PROVIDER = /^(aws|azure|google|gcp)\b/i;

interface CloudAccount {
  name: string;
  members: ElementFacts[];
}

/** Our elements in each cloud account (nested boundaries included), in model order, found in one pass over the design. */
function accountMembers(model: ModelView): Map<string, ElementFacts[]> {
  return perDesign(model, 'account-members', () => {
    const byAccount = new Map<string, ElementFacts[]>();
    for (const f of allElements(model)) {
      if (!isOurs(f.element)) continue;
      for (const b of f.boundaries) {
        if (b.type !== 'cloud-account') continue;
        const members = byAccount.get(b.id);
        if (members) members.push(f);
        else byAccount.set(b.id, [f]);
      }
    }
    return byAccount;
  });
}

/** The cloud account this element reports for: once per account, on its first element. */
function cloudAccount(ctx: ElementContext): CloudAccount | undefined {
  const account = ctx.facts.boundaries.find((b) => b.type === 'cloud-account');
  if (account) {
    const members = accountMembers(ctx.model).get(account.id) ?? [];
    if (members[0] !== ctx.facts) return undefined;
    // A sketch that draws an account says little of how it is run: only a stated unhardened element makes it a finding.
    if (!explicitModel(ctx.model) && !members.some((m) => m.element.props.hardened === false)) return undefined;
    return { name: account.name, members };
  }
  // An explicit model that names managed services of a provider but draws no account: the provider's account.
  if (!explicitModel(ctx.model)) return undefined;
  const provider = PROVIDER.exec(ctx.element.technology ?? '')?.[1]?.toLowerCase();
  if (!provider) return undefined;
  const members = perDesign(ctx.model, `provider:${provider}`, () =>
    allElements(ctx.model).filter(
      (f) => isOurs(f.element) && !f.boundaries.some((b) => b.type === 'cloud-account') && PROVIDER.exec(f.element.technology ?? '')?.[1]?.toLowerCase() === provider,
    ),
  );
  return members[0] === ctx.facts ? { name: `the ${provider.toUpperCase()} account`, members } : undefined;
}

function guardrailsStated(ctx: ElementContext, account: CloudAccount): boolean {
  return GUARDRAILS.test(ctx.model.architecture().description?.toLowerCase() ?? '') || account.members.some((m) => GUARDRAILS.test(wordsOf(m.element)));
}

/** High-value targets an architect expects hardened: sensitive stores, secret stores, identity providers we run, build pipelines. */
function highValueTarget(ctx: ElementContext): string | undefined {
  const { element, facts } = ctx;
  if (!isOurs(element)) return undefined;
  if ((element.kind === 'datastore' || element.kind === 'cache') && facts.data.some((d) => ['pii', 'credentials', 'payment'].includes(d.classification)))
    return `it stores ${describeClassification(sensitivityOf(facts)!)}`;
  if (element.kind === 'secret-store') return 'it holds the system\'s secrets';
  if (element.kind === 'identity-provider') return 'it decides who every user is';
  if (isPipeline(facts)) return 'it builds and deploys the system';
  return undefined;
}

/** Stores worth a segment of their own, run in a network (managed services with no network placement are not). */
// Secret stores have their own rule (TM-SECRET-002: vault isolation).
const SEGMENTED_KINDS = new Set(['datastore', 'cache', 'identity-provider']);

function unsegmentedFrom(ctx: ElementContext): ElementFacts[] {
  const { element } = ctx;
  if (!SEGMENTED_KINDS.has(element.kind) || networklessService(element)) return [];
  if (element.kind === 'identity-provider' && !/ldap|directory|identity store|user store|keycloak/.test(wordsOf(element))) return [];
  if (!sensitive(ctx.facts)) return [];
  if (!networkZoneOf(ctx.facts) && !(explicitModel(ctx.model) && !hasBoundaries(ctx.model))) return [];
  return exposedZoneMates(ctx);
}

const zoneName = (b: Boundary | undefined): string => (b ? b.name : 'the same network');

export const infrastructureRules: ElementThreatRule[] = [
  {
    id: 'TM-INFRA-001',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'elevation-of-privilege',
    condition:
      'a container platform (Kubernetes cluster, Docker host, OpenShift: a platform element, a shared runtime with such a name, or a cluster boundary) running workloads that hold sensitive data or are internet-facing; reported once per platform; removed by stated hardening of the platform (`hardened: true`). TM-K8S-001 reports each workload stated to run as root',
    applies: (ctx) => containerPlatform(ctx) !== undefined,
    controls: [
      {
        id: 'platform.hardened',
        effect: 'remove',
        present: (ctx) => (ctx.facts.tags.has('container-platform') ? ctx.element.props.hardened === true : containerPlatform(ctx)!.workloads.every((w) => w.element.props.hardened === true)),
        reason: (ctx) => `${containerPlatform(ctx)?.name ?? ctx.element.name} is stated hardened (CIS benchmark, restricted workloads)`,
      },
    ],
    title: (ctx) => `A container escape on ${containerPlatform(ctx)!.name} reaches every workload on it`,
    description: (ctx) => {
      const { name, workloads } = containerPlatform(ctx)!;
      const valuable = workloads.filter(exposedOrSensitive);
      return `${name} runs ${workloads.length ? listNames(workloads) : 'the system\'s containers'}${valuable.length ? `, among them ${listNames(valuable)} (internet-facing or holding sensitive data)` : ''}. Code execution in one container plus a kernel or runtime flaw, a privileged pod, a hostPath mount or an over-privileged service account gives the attacker the node, and from there the other workloads, their secrets and the platform's API.`;
    },
    severity: 'high',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-1008', 'CWE-250', 'CWE-653'],
    capec: ['CAPEC-480'],
    compliance: [C.isoConfiguration, C.nistConfiguration, C.nistLeastPrivilege],
    mitigations: ['MIT-CONTAINER-ISOLATION', 'MIT-K8S-NON-ROOT'],
  },
  {
    id: 'TM-INFRA-002',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'elevation-of-privilege',
    condition:
      'components sharing one runtime (`runtime`, or a process boundary such as a host or VM; a cluster has TM-INFRA-001) where some are internet-facing and others hold sensitive data, or that belong to different trust zones; reported once per runtime, on its platform or first internet-facing member',
    applies: (ctx) => mixedRuntime(ctx) !== undefined,
    controls: [],
    title: (ctx) => `${mixedRuntime(ctx)!.group.name} mixes trust levels: ${listNames(mixedRuntime(ctx)!.group.members)}`,
    description: (ctx) => {
      const { group, why } = mixedRuntime(ctx)!;
      return `${listNames(group.members)} run on ${group.name}, and ${why}. A compromise of the most exposed one reaches the others through the shared host, kernel, memory, file system or service account, skipping the network controls between them.`;
    },
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-653', 'CWE-668'],
    capec: ['CAPEC-480'],
    compliance: [C.isoSegregation, C.nistBoundary, C.soc2Boundary],
    mitigations: ['MIT-RUNTIME-SEPARATION', 'MIT-CONTAINER-ISOLATION'],
  },
  {
    id: 'TM-INFRA-003',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'tampering',
    condition:
      'a cloud account (a `cloud-account` boundary, or in an explicit model (a Threagile import) the AWS/Azure/GCP services outside any; in a sketch only an account with an element stated unhardened, `hardened: false`) without stated guardrails (`hardened: true` on every element, or words: SCPs, CloudTrail, GuardDuty, Config rules, Security Hub, CIS benchmark); reported once per account, on its first element',
    applies: (ctx) => cloudAccount(ctx) !== undefined,
    controls: [
      {
        id: 'account.guardrails',
        effect: 'remove',
        present: (ctx) => {
          const account = cloudAccount(ctx)!;
          return account.members.every((m) => m.element.props.hardened === true) || guardrailsStated(ctx, account);
        },
        reason: (ctx) => `${cloudAccount(ctx)!.name} has stated guardrails (audit trail, threat detection, preventive policies)`,
      },
    ],
    title: (ctx) => `Misconfiguration in ${cloudAccount(ctx)!.name} goes unprevented and unnoticed`,
    description: (ctx) => {
      const account = cloudAccount(ctx)!;
      return `${account.name} holds ${listNames(account.members)}, and the design states no account-level guardrails. Without an audit trail, threat detection and preventive policies, a leaked key or a console change that opens a bucket, disables logging or adds an admin user goes unnoticed, and nothing stops it.`;
    },
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-1008', 'CWE-778'],
    capec: [],
    compliance: [C.isoConfiguration, C.nistConfiguration, C.soc2Monitoring, C.nistAudit],
    mitigations: ['MIT-CLOUD-GUARDRAILS'],
  },
  {
    id: 'TM-INFRA-004',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'tampering',
    condition:
      'a component stated unhardened (`hardened: false`) that is internet-facing or holds sensitive data; or, in an explicit model (a Threagile import) or one that states hardening elsewhere, a high-value target (a store of PII, credentials or payment data, a secret store, an identity provider or a build pipeline we run) whose hardening is not stated',
    applies: (ctx) => {
      if (!isOurs(ctx.element)) return false;
      if (ctx.element.props.hardened === false) return ctx.facts.internetFacing || sensitive(ctx.facts) || highValueTarget(ctx) !== undefined;
      if (ctx.element.props.hardened === true || !highValueTarget(ctx)) return false;
      return explicitModel(ctx.model) || perDesign(ctx.model, 'states-hardening', () => allElements(ctx.model).some((f) => f.element.props.hardened !== undefined));
    },
    controls: [],
    title: (ctx) => `${ctx.element.name} runs without a hardening baseline`,
    description: (ctx) =>
      `${ctx.element.name} ${ctx.element.props.hardened === false ? 'is stated not hardened' : 'has no stated hardening'}, and ${highValueTarget(ctx) ?? (ctx.facts.internetFacing ? `it is reachable from the internet (${ctx.facts.exposure})` : 'it handles sensitive data')}. Default accounts, sample content, unneeded services and missing patches are how attackers get a foothold on such components.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForInternet: true,
    raiseForSensitiveData: true,
    cwe: ['CWE-16', 'CWE-1188'],
    capec: ['CAPEC-75'],
    compliance: [C.isoConfiguration, C.nistConfiguration],
    decidedBy: ['hardened'],
    mitigations: ['MIT-HARDENING-BASELINE'],
  },
  {
    id: 'TM-INFRA-005',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'elevation-of-privilege',
    kinds: ['datastore', 'cache', 'identity-provider'],
    condition:
      'a database, cache or directory holding sensitive data that sits in the same trust zone as internet-facing services, with no boundary of its own (zones are drawn boundaries; a design without any is judged only when it is an explicit model (a Threagile import)); managed services with no network placement (DynamoDB, Firestore, SaaS identity) are not; secret stores have TM-SECRET-002',
    applies: (ctx) => unsegmentedFrom(ctx).length > 0,
    controls: [],
    title: (ctx) => `${ctx.element.name} shares ${zoneName(networkZoneOf(ctx.facts))} with internet-facing ${listNames(unsegmentedFrom(ctx))}`,
    description: (ctx) =>
      `${ctx.element.name} holds ${describeClassification(sensitivityOf(ctx.facts)!)} and sits in ${zoneName(networkZoneOf(ctx.facts))} together with ${listNames(unsegmentedFrom(ctx))}, which ${unsegmentedFrom(ctx).length > 1 ? 'are' : 'is'} reachable from the internet. Once one of them is compromised, nothing at the network level separates the attacker from ${ctx.element.name}'s port.`,
    severity: 'medium',
    likelihood: 'low',
    cwe: ['CWE-923', 'CWE-653'],
    capec: [],
    compliance: [C.isoSegregation, C.pciNotReachable, C.nistBoundary],
    mitigations: ['MIT-NETWORK-SEGMENTATION'],
  },
];
