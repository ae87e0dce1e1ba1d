// The architecture model: the one schema every threat-model input (Mermaid, PlantUML, prose, YAML,
// Threat Dragon, and later compose/Terraform) converts into. The STRIDE engine sees only this.
// Properties are tri-state: `true`/`false` when the source says so, absent when it does not.

import { z } from 'zod';

export const ELEMENT_KINDS = [
  'actor', // a person or external user
  'external-system', // a system outside our control (third-party API, partner)
  'process', // a service, app or worker we run
  'web-app', // a browser-facing frontend
  'gateway', // API gateway, load balancer, reverse proxy
  'function', // serverless function
  'datastore', // relational or NoSQL database
  'cache',
  'queue', // queue or stream/topic
  'bucket', // object storage
  'identity-provider',
  'secret-store',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** Kinds that hold the system's data: their names say what they hold, and a flow to or from one carries it. */
export const DATA_HOLDING_KINDS: ReadonlySet<ElementKind> = new Set(['datastore', 'cache', 'bucket', 'queue']);
/** Kinds that keep data or secrets for others: the data holders and secret stores. */
export const STORE_KINDS: ReadonlySet<string> = new Set<ElementKind>([...DATA_HOLDING_KINDS, 'secret-store']);
/** People and third parties' systems: not ours to run. */
export const OUTSIDE_KINDS: ReadonlySet<string> = new Set<ElementKind>(['actor', 'external-system']);

export const BOUNDARY_TYPES = ['internet', 'network-zone', 'cloud-account', 'cluster', 'container-network', 'process', 'other'] as const;
export type BoundaryType = (typeof BOUNDARY_TYPES)[number];

export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'pii', 'credentials', 'payment'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Data formats a component accepts and parses: XML invites XXE, native serialization invites deserialisation attacks. */
export const DATA_FORMATS = ['json', 'xml', 'yaml', 'csv', 'file', 'serialization'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** How the target of a flow authorises the call: not at all, as one technical (service) user, or as the end user whose identity is propagated. */
export const FLOW_AUTHORIZATIONS = ['none', 'technical-user', 'end-user'] as const;
export type FlowAuthorization = (typeof FLOW_AUTHORIZATIONS)[number];

/** What a flow is for: the business traffic, or operations (deploying, administering, building). */
export const FLOW_USAGES = ['business', 'devops'] as const;
export type FlowUsage = (typeof FLOW_USAGES)[number];

export const SourceRefSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().positive(),
  column: z.number().int().positive().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * Why the model says something: the file and line that show it, in words (`ports: 3306:3306 published on all
 * interfaces`), and the property it decided, if any. Secret values are never quoted, only masked.
 */
export const EvidenceSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  says: z.string(),
  /** The property this line decided (`internetFacing`, `weakCredentials`, `encrypted`, ...). */
  prop: z.string().optional(),
  value: z.union([z.boolean(), z.string(), z.number()]).optional(),
  /** The auditor rule whose finding this line is (`BW-AWS-SQS-001`), when the auditor found it. */
  rule: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ElementPropsSchema = z
  .object({
    internetFacing: z.boolean(),
    authenticatesCallers: z.boolean(),
    authorizesRequests: z.boolean(),
    runsAsRoot: z.boolean(),
    storesCredentials: z.boolean(),
    encryptedAtRest: z.boolean(),
    auditLogging: z.boolean(),
    rateLimited: z.boolean(),
    validatesInput: z.boolean(),
    publicAccess: z.boolean(),
    versioning: z.boolean(),
    leastPrivilege: z.boolean(),
    sizeLimits: z.boolean(),
    backups: z.boolean(),
    mfa: z.boolean(),
    signedUrlExpiry: z.boolean(),
    // Added for the STRIDE knowledge base (all optional, absent = the design does not say).
    /** Verifies token signatures, issuer and audience with a pinned algorithm (rejects `alg: none`). */
    tokenValidation: z.boolean(),
    /** Issues short-lived access tokens with refresh rotation / revocation. */
    shortLivedTokens: z.boolean(),
    /** OAuth authorization-code flow uses PKCE and exact redirect-URI matching. */
    pkce: z.boolean(),
    /** Container/workload has CPU and memory limits. */
    resourceLimits: z.boolean(),
    /** Queue has a dead-letter queue with redrive and alarms. */
    deadLetterQueue: z.boolean(),
    /** Object lock / immutable storage (WORM). */
    objectLock: z.boolean(),
    /** Cross-origin requests limited to an allow-list of origins (`false`: CORS `*` or any origin reflected). */
    corsRestricted: z.boolean(),
    /** Alarms or monitoring watch it (a dead-letter queue's depth, failures); `false`: stated unmonitored. */
    monitored: z.boolean(),
    /** Logged into with default, well-known or weak credentials (root/root, `password`). */
    weakCredentials: z.boolean(),
    /** Browser-facing app defends state-changing requests against CSRF (anti-CSRF tokens, SameSite cookies, origin checks). */
    csrfProtection: z.boolean(),
    /** Output is encoded for its context and a Content-Security-Policy is set, so injected script does not run (XSS). */
    outputEncoding: z.boolean(),
    /** A web application firewall filters its traffic. */
    waf: z.boolean(),
    /** Hardened to a baseline (CIS benchmark, minimal image, patched, unneeded services off); for a cloud account: guardrails such as SCPs, CloudTrail and config rules. */
    hardened: z.boolean(),
    /** We write and build its code ourselves (custom-developed), rather than run a product as shipped. */
    customDeveloped: z.boolean(),
    /** Runs in a debug mode that serves diagnostics or a console to callers (the Werkzeug debugger, Django `DEBUG = True`). */
    debugMode: z.boolean(),
  })
  .partial();
export type ElementProps = z.infer<typeof ElementPropsSchema>;

export const ElementSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(ELEMENT_KINDS),
  /** e.g. `PostgreSQL`, `AWS S3`, `Express`, `AWS Lambda`, `Kafka` */
  technology: z.string().optional(),
  description: z.string().optional(),
  /** Innermost trust boundary containing this element. */
  boundary: z.string().optional(),
  props: ElementPropsSchema.default({}),
  /** Data assets stored or processed here. */
  data: z.array(z.string()).default([]),
  /** Data formats it accepts and parses (XML, native serialization, files, ...). */
  dataFormats: z.array(z.enum(DATA_FORMATS)).optional(),
  /** The shared runtime (host, VM, container platform, serverless platform) it runs on with other elements. */
  runtime: z.string().optional(),
  location: SourceRefSchema.optional(),
  /** Why an adapter believes this (for inferred models, e.g. prose): shown so a person can correct it. */
  inferredFrom: z.string().optional(),
  /** The lines of the repository that show it (models inferred from a repository). */
  evidence: z.array(EvidenceSchema).optional(),
});
export type Element = z.infer<typeof ElementSchema>;

export const FlowSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  label: z.string().optional(),
  /** e.g. `https`, `http`, `grpc`, `sql`, `amqp`, `tcp` */
  protocol: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  encrypted: z.boolean().optional(),
  authenticated: z.boolean().optional(),
  /** Data asset ids carried. */
  data: z.array(z.string()).default([]),
  bidirectional: z.boolean().optional(),
  /** How the target authorises the call: `end-user` when the caller's user identity is propagated and checked. */
  authorization: z.enum(FLOW_AUTHORIZATIONS).optional(),
  /** `devops` for deployment, administration and build traffic; `business` otherwise. */
  usage: z.enum(FLOW_USAGES).optional(),
  location: SourceRefSchema.optional(),
  inferredFrom: z.string().optional(),
  /** The lines of the repository that show it (models inferred from a repository). */
  evidence: z.array(EvidenceSchema).optional(),
});
export type Flow = z.infer<typeof FlowSchema>;

export const BoundarySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(BOUNDARY_TYPES).default('other'),
  /** Enclosing boundary, for nesting. */
  parent: z.string().optional(),
  location: SourceRefSchema.optional(),
});
export type Boundary = z.infer<typeof BoundarySchema>;

export const DataAssetSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  classification: z.enum(CLASSIFICATIONS),
  description: z.string().optional(),
  location: SourceRefSchema.optional(),
});
export type DataAsset = z.infer<typeof DataAssetSchema>;

export const ArchitectureSchema = z.object({
  /** Schema version of this document. */
  version: z.literal(1).default(1),
  name: z.string().default('Untitled system'),
  description: z.string().optional(),
  elements: z.array(ElementSchema).default([]),
  flows: z.array(FlowSchema).default([]),
  boundaries: z.array(BoundarySchema).default([]),
  dataAssets: z.array(DataAssetSchema).default([]),
  /** The input this model came from: `mermaid`, `plantuml`, `prose`, `yaml`, `threat-dragon`, ... */
  origin: z.object({ format: z.string(), file: z.string().optional() }).optional(),
});
export type Architecture = z.infer<typeof ArchitectureSchema>;

/** JSON Schema for editors (yaml-language-server, VS Code). */
export function architectureJsonSchema(): unknown {
  return z.toJSONSchema(ArchitectureSchema, { io: 'input' });
}
