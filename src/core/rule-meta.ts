// What every rule declares about itself, whatever format it checks: identity, severity, STRIDE
// category, weaknesses, compliance controls, remediation and the matching checks of other scanners.
// Reports, docs, SARIF and the agent skills read only this.

import type { ComplianceRef } from './compliance.js';
import type { SafeDefaultName } from './safe-defaults.js';
import type { Severity, StrideCategory } from './types.js';

export type { ComplianceFramework, ComplianceRef } from './compliance.js';

/** Ids of the corresponding checks in other scanners, so users can map suppressions and reports. */
export interface PeerIds {
  /** e.g. `CKV_AWS_19` */
  checkov?: string[];
  /** Trivy/tfsec AVD ids, e.g. `AVD-AWS-0088` (these drive the corpus check). */
  trivy?: string[];
  /** KICS query UUIDs. */
  kics?: string[];
}

export interface RuleMeta {
  /** Stable forever, e.g. `BW-AWS-S3-001`. */
  id: string;
  /** What a compliant resource does: the rule as docs name it (`S3 bucket has default server-side encryption configured`). */
  title: string;
  /** The violation, as a finding's headline (`S3 bucket without default encryption`). */
  problem: string;
  severity: Severity;
  stride: StrideCategory;
  /** e.g. `CWE-311` */
  cwe: string[];
  compliance: ComplianceRef[];
  /** Why it matters, a short paragraph. */
  description: string;
  /** What to change, in words. */
  remediation: string;
  provider: 'aws' | 'kubernetes' | 'docker' | 'generic';
  /** e.g. `s3`, `ec2`, `iam` */
  service: string;
  peers: PeerIds;
  /**
   * The policy's safe defaults this rule reads (its options, like ESLint's `meta.schema`): it compares the
   * configuration with them, and its fix writes them.
   */
  uses?: SafeDefaultName[];
  /** Safe defaults without which the rule has nothing to judge: it runs only when the policy sets them. */
  requires?: SafeDefaultName[];
  /**
   * What kind of weakness it is, for the risk score's exploitability (default: from the STRIDE category):
   * `exposure` (reachable from the internet), `credentials` (a secret in the code), `privilege`,
   * `protection` (exploitable after another breach), `availability`, `detection` (hides other attacks).
   */
  risk?: 'exposure' | 'credentials' | 'privilege' | 'protection' | 'availability' | 'detection';
  /** Further reading (provider docs). */
  links?: string[];
}
