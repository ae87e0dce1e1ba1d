// The vocabulary of the threat knowledge base: what a threat rule reads (the derived view of one
// element or one flow) and what it declares (applies-to, condition, controls, templates, references).
// Rules are data plus small pure predicates; the engine evaluates them and never needs to know a pattern.

import type { ComplianceRef } from '../../core/compliance.js';
import type { ExploitKind } from '../../core/risk-factors.js';
import type { Severity, StrideCategory } from '../../core/types.js';
import type { Architecture, Boundary, Classification, DataAsset, Element, ElementKind, Flow } from '../schema/architecture.js';

export const LIKELIHOODS = ['high', 'medium', 'low'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const PATTERNS = [
  'web-api',
  'kubernetes',
  'serverless',
  'oauth-oidc',
  'authentication',
  'queue',
  'database',
  'object-storage',
  'cache',
  'identity-provider',
  'third-party',
  'secrets',
  'transport',
  'supply-chain',
  'infrastructure',
  'design',
  'web-app',
  'injection',
  'identity',
] as const;
export type Pattern = (typeof PATTERNS)[number];

/** Technology and role tags recognised from an element's name, technology and description. */
export type TechTag =
  | 'object-storage'
  | 'serverless'
  | 'relational'
  | 'nosql'
  | 'cache'
  | 'stream'
  | 'queue'
  | 'jwt'
  | 'oauth'
  | 'kubernetes'
  | 'signed-url'
  | 'auth'
  | 'upload'
  | 'secrets'
  /** CDN / WAF / edge proxy in front of services. */
  | 'edge'
  /** Build and deployment pipelines (Jenkins, GitHub Actions, CI/CD). */
  | 'ci'
  /** Source code repositories (Git, GitHub, GitLab, Bitbucket). */
  | 'source-repo'
  /** Artifact and container image registries (Nexus, Artifactory, ECR). */
  | 'artifact-registry'
  /** Platforms that run containers for other workloads (Kubernetes cluster, Docker host, OpenShift). */
  | 'container-platform'
  /** Service registries and discovery (Consul, Eureka, etcd, ZooKeeper). */
  | 'service-registry'
  /** LDAP directories (OpenLDAP, Active Directory): queried with LDAP filters. */
  | 'ldap'
  /** Search engines (Elasticsearch, OpenSearch, Solr): queried with a query language of their own. */
  | 'search';

/** A flow with both ends resolved and its derived facts. */
export interface FlowView {
  flow: Flow;
  source: Element;
  target: Element;
  /** Boundaries entered or left by this flow (innermost first on each side); empty = same zone. */
  crossings: Boundary[];
  /** True when the flow leaves one trust zone for another (including the implicit internet zone). */
  crossesBoundary: boolean;
  /** The source sits in the internet (an actor/external system outside any boundary, or in an `internet` boundary). */
  fromInternet: boolean;
  /** Effective encryption: the flow's own `encrypted`, else implied by the protocol (https, tls, ...), else unknown. */
  encrypted: boolean | undefined;
  authenticated: boolean | undefined;
  /** Resolved data assets carried. */
  data: DataAsset[];
  /** Highest classification carried, if any. */
  sensitivity: Classification | undefined;
  /** Lower-case label, protocol and data names, for vocabulary matching. */
  text: string;
  tags: ReadonlySet<TechTag>;
  /** Carries credentials or bearer tokens (by classification, or by its words: password, login, JWT, token). */
  carriesCredentials: boolean;
  /** A call to a store that takes data out of it (receive, consume, read): the data moves from target to source. */
  reads: boolean;
  /** `Source → Target`, for messages. */
  display: string;
}

export interface ElementFacts {
  element: Element;
  tags: ReadonlySet<TechTag>;
  /** Innermost-first chain of boundaries around the element. */
  boundaries: Boundary[];
  /** In the internet zone (outside every boundary as an actor/external system, or inside an `internet` boundary). */
  inInternet: boolean;
  internetFacing: boolean;
  /** Why the element counts as internet-facing, for the report. */
  exposure?: string;
  incoming: FlowView[];
  outgoing: FlowView[];
  /** Data assets stored here or carried in/out. */
  data: DataAsset[];
  sensitivity: Classification | undefined;
  /** Receives credentials (login) from the internet. */
  loginEndpoint: boolean;
  /** Receives files from the internet. */
  uploadEndpoint: boolean;
  /** Issues bearer tokens (source of a flow carrying a JWT/token, or a token-issuing identity provider). */
  issuesTokens: boolean;
  /** Receives bearer tokens and must verify them before trusting their claims. */
  verifiesTokens: boolean;
  /** What this element provisions or deploys ("Terraform -.->|provisions| SQS"): supply-chain edges, not data flows. */
  provisions: Element[];
}

/** Read-only access to the rest of the model, for rules that look one hop away. */
export interface ModelView {
  element(id: string): ElementFacts | undefined;
  /** Names of elements that issue bearer tokens. */
  tokenIssuers(): readonly string[];
  hasSecretStore(): boolean;
  /** Every element of one kind, in model order. */
  elementsOfKind(kind: ElementKind): readonly ElementFacts[];
  /** The whole design, for rules that judge it once (one threat per design, runtime or account). */
  architecture(): Architecture;
}

export interface ElementContext {
  element: Element;
  facts: ElementFacts;
  model: ModelView;
}

export interface FlowContext {
  flow: FlowView;
  model: ModelView;
}

/** A design property that removes a threat, or downgrades it by one severity step. */
export interface Control<C> {
  /** e.g. `flow.encrypted`, `element.versioning`. */
  id: string;
  effect: 'remove' | 'downgrade';
  present(ctx: C): boolean;
  /** Shown in the register: "flow API → S3 is encrypted (TLS)". */
  reason(ctx: C): string;
}

interface ThreatRuleBase<C> {
  /** Stable forever, e.g. `TM-STORAGE-003`. */
  id: string;
  pattern: Pattern;
  stride: StrideCategory;
  /** The condition in words, as the documentation and `--explain` show it. */
  condition: string;
  /** The condition itself, evaluated only on elements/flows that pass the applies-to filter. */
  applies(ctx: C): boolean;
  controls: Control<C>[];
  title(ctx: C): string;
  description(ctx: C): string;
  severity: Severity;
  likelihood: Likelihood;
  /** The kind of weakness, for the risk score's exploitability (default: from the STRIDE category, as the auditor's rules). */
  exploit?: ExploitKind;
  /** Raise severity one step when the data involved is PII, credentials or payment data. */
  raiseForSensitiveData?: boolean;
  /** Raise likelihood one step when the element/flow is reachable from the internet. */
  raiseForInternet?: boolean;
  cwe: string[];
  capec: string[];
  compliance: ComplianceRef[];
  /** Ids from the mitigation library. */
  mitigations: string[];
  /** Element properties whose statement decides whether the threat applies (for rules about a stated weakness). */
  decidedBy?: readonly (keyof Element['props'])[];
  /**
   * What a stated control leaves behind: this threat exists because the design states a control (e.g. JWT
   * authentication makes a service a token verifier). When `introducedByControl` holds, the threat is counted
   * against the threats of `rules` that the control removed on the element (a flow threat's target) or on flows into it, so stating a
   * control never adds risk (see engine/residuals.ts).
   */
  residualOf?: { rules: readonly string[]; introducedByControl(ctx: C): boolean };
  /** Whether a listed mitigation applies to this design (absent: all do); a step for uploads is not advice where nothing is uploaded. */
  mitigationApplies?(id: string, ctx: C): boolean;
}

export interface ElementThreatRule extends ThreatRuleBase<ElementContext> {
  scope: 'element';
  /** Applies to these kinds (any when absent)… */
  kinds?: readonly ElementKind[];
  /** …or to elements carrying one of these tags (either filter may match). */
  tags?: readonly TechTag[];
  /**
   * Other components whose stated properties decide the threat (the writers of a database that validate no
   * input): the lines stating them locate the threat and confirm it, as its own `decidedBy` lines do.
   */
  decidedByOthers?: { props: readonly (keyof Element['props'])[]; of: (ctx: ElementContext) => Iterable<string> };
}

export interface FlowThreatRule extends ThreatRuleBase<FlowContext> {
  scope: 'flow';
  sourceKinds?: readonly ElementKind[];
  targetKinds?: readonly ElementKind[];
  /** `crossing`: only flows that cross a trust boundary; `internal`: only flows that do not. */
  crossing?: 'crossing' | 'internal' | 'any';
}

export type ThreatRule = ElementThreatRule | FlowThreatRule;

export interface Mitigation {
  /** e.g. `MIT-S3-BLOCK-PUBLIC`. */
  id: string;
  title: string;
  /** Concrete steps, in order. */
  steps: string[];
  references?: string[];
}
