// Which threat patterns each STRIDE reference file of the threat-modeler skill holds. The mission names four
// files (web-api, kubernetes, serverless, oidc-flows); patterns that fit none of them go to two extra files:
// data-stores.md (databases, caches and secret stores, which every architecture has whatever it runs on) and
// cross-cutting.md (flows across boundaries, third parties and whole-design checks). A test checks that every
// pattern of the knowledge base is in exactly one file, so a new pattern cannot be left out silently.

import type { Pattern } from '../model/knowledge/types.js';

export interface StrideFile {
  /** File name under references/stride-patterns/. */
  file: string;
  title: string;
  /** What the file covers, one sentence for its top and for SKILL.md. */
  scope: string;
  patterns: readonly Pattern[];
}

export const STRIDE_FILES: readonly StrideFile[] = [
  {
    file: 'web-api.md',
    title: 'Web and REST APIs',
    scope: 'internet-facing services and web apps: authentication, uploads, rate limits, browser attacks and injection',
    patterns: ['web-api', 'web-app', 'injection'],
  },
  {
    file: 'kubernetes.md',
    title: 'Kubernetes and container platforms',
    scope: 'cluster workloads, shared runtimes, cloud accounts and the pipelines that build and deploy them',
    patterns: ['kubernetes', 'infrastructure', 'supply-chain'],
  },
  {
    file: 'serverless.md',
    title: 'Serverless functions and managed services',
    scope: 'functions, object storage (signed URLs included) and queues',
    patterns: ['serverless', 'object-storage', 'queue'],
  },
  {
    file: 'oidc-flows.md',
    title: 'OAuth/OIDC flows, logins and identity',
    scope: 'logins, bearer tokens (JWT), OAuth/OIDC providers and identity propagation',
    patterns: ['oauth-oidc', 'identity-provider', 'authentication', 'identity'],
  },
  {
    file: 'data-stores.md',
    title: 'Databases, caches and secret stores',
    scope: 'databases, caches and secret stores, whatever platform runs them',
    patterns: ['database', 'cache', 'secrets'],
  },
  {
    file: 'cross-cutting.md',
    title: 'Flows, third parties and the design as a whole',
    scope: 'data flows across trust boundaries, third-party systems and checks of the design as a whole',
    patterns: ['transport', 'third-party', 'design'],
  },
];
