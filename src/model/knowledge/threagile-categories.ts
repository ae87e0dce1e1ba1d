// Threagile's built-in risk categories and the Bulwark threat rules that cover each one. The Threagile
// importer turns risk tracking (`category@asset`) into decisions on these rules' threats, and the coverage
// test proves every category has at least one rule. Category ids are Threagile's own.

export interface ThreagileCategory {
  /** Threagile's category id, e.g. `sql-nosql-injection`. */
  id: string;
  /** Bulwark threat rules whose threats are the same risk, most specific first. */
  rules: readonly string[];
}

export const THREAGILE_CATEGORIES: readonly ThreagileCategory[] = [
  { id: 'accidental-secret-leak', rules: ['TM-SUPPLY-007'] },
  { id: 'code-backdooring', rules: ['TM-SUPPLY-003'] },
  { id: 'container-baseimage-backdooring', rules: ['TM-SUPPLY-002'] },
  { id: 'container-platform-escape', rules: ['TM-INFRA-001', 'TM-K8S-001'] },
  { id: 'cross-site-request-forgery', rules: ['TM-WEB-001'] },
  { id: 'cross-site-scripting', rules: ['TM-WEB-002'] },
  { id: 'dos-risky-access-across-trust-boundary', rules: ['TM-INFRA-008', 'TM-API-003'] },
  { id: 'incomplete-model', rules: ['TM-DESIGN-001'] },
  { id: 'ldap-injection', rules: ['TM-INJ-002'] },
  { id: 'missing-authentication', rules: ['TM-IAM-005', 'TM-API-001'] },
  { id: 'missing-authentication-second-factor', rules: ['TM-IAM-002', 'TM-AUTH-001'] },
  { id: 'missing-build-infrastructure', rules: ['TM-SUPPLY-006'] },
  { id: 'missing-cloud-hardening', rules: ['TM-INFRA-003'] },
  { id: 'missing-file-validation', rules: ['TM-WEB-006'] },
  { id: 'missing-hardening', rules: ['TM-INFRA-004'] },
  { id: 'missing-identity-propagation', rules: ['TM-IAM-001'] },
  { id: 'missing-identity-provider-isolation', rules: ['TM-IAM-004'] },
  { id: 'missing-identity-store', rules: ['TM-IAM-003'] },
  { id: 'missing-network-segmentation', rules: ['TM-INFRA-005'] },
  { id: 'missing-vault', rules: ['TM-SECRET-001'] },
  { id: 'missing-vault-isolation', rules: ['TM-SECRET-002'] },
  { id: 'missing-waf', rules: ['TM-WEB-005'] },
  { id: 'mixed-targets-on-shared-runtime', rules: ['TM-INFRA-002'] },
  { id: 'path-traversal', rules: ['TM-WEB-004'] },
  { id: 'push-instead-of-pull-deployment', rules: ['TM-SUPPLY-005'] },
  { id: 'search-query-injection', rules: ['TM-INJ-003'] },
  { id: 'server-side-request-forgery', rules: ['TM-WEB-003'] },
  { id: 'service-registry-poisoning', rules: ['TM-INFRA-009'] },
  { id: 'sql-nosql-injection', rules: ['TM-INJ-001', 'TM-DB-001'] },
  { id: 'unchecked-deployment', rules: ['TM-SUPPLY-004'] },
  { id: 'unencrypted-asset', rules: ['TM-DB-002', 'TM-STORAGE-004', 'TM-QUEUE-001', 'TM-INFRA-010'] },
  { id: 'unencrypted-communication', rules: ['TM-FLOW-001', 'TM-FLOW-002'] },
  { id: 'unguarded-access-from-internet', rules: ['TM-INFRA-006', 'TM-DB-003'] },
  { id: 'unguarded-direct-datastore-access', rules: ['TM-INFRA-007'] },
  { id: 'unnecessary-communication-link', rules: ['TM-DESIGN-003'] },
  { id: 'unnecessary-data-asset', rules: ['TM-DESIGN-004'] },
  { id: 'unnecessary-data-transfer', rules: ['TM-DESIGN-005'] },
  { id: 'unnecessary-technical-asset', rules: ['TM-DESIGN-002'] },
  { id: 'untrusted-deserialization', rules: ['TM-INJ-005'] },
  { id: 'wrong-communication-link-content', rules: ['TM-DESIGN-006'] },
  { id: 'wrong-trust-boundary-content', rules: ['TM-DESIGN-007'] },
  { id: 'xml-external-entity', rules: ['TM-INJ-004'] },
];

const BY_ID = new Map(THREAGILE_CATEGORIES.map((c) => [c.id, c]));

/** The Bulwark rules for a Threagile category id, or undefined for a category Threagile does not build in. */
export function rulesForThreagileCategory(id: string): readonly string[] | undefined {
  return BY_ID.get(id)?.rules;
}
