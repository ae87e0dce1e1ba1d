// The policy file, `bulwark.yaml`: a team's safe defaults and how it wants the rules applied. Validated with
// this schema (which is also published as JSON Schema for editors, docs/policy-schema.json); lenient where
// people write values loosely (an ARN is checked for its shape and warned about, never rejected).

import { z } from 'zod';
import { DataClassSchema, SafeDefaultsSchema, type DataClass, type SafeDefaults } from '../core/safe-defaults.js';
import { SEVERITIES } from '../core/types.js';
import { CustomRuleSchema, type CustomRuleSpec } from './custom-rule-schema.js';

const Severity = z.enum(SEVERITIES);

/** How one rule, or every rule a selector names, applies: `off`, a severity, or both with the paths it covers. */
const RuleSetting = z.union([
  z.literal('off'),
  Severity,
  z.strictObject({
    enabled: z.boolean().optional().describe('false turns the rules off'),
    severity: Severity.optional().describe('the severity their findings get'),
    paths: z.array(z.string().min(1)).min(1).optional().describe('only findings in these files (gitignore-style globs, relative to the project root)'),
  }),
], { error: 'expected off, a severity (critical, high, medium, low) or { enabled, severity, paths }' });
export type RuleSetting = z.infer<typeof RuleSetting>;

const SafeDefaults = SafeDefaultsSchema;
export type { SafeDefaults };

/** A finding accepted in the policy: by rule, and narrowed by resource, files or fingerprint; with why and until when. */
const SuppressionEntry = z.strictObject({
  rule: z.string().min(1).describe('the rule id, or "*"'),
  resource: z.string().min(1).optional().describe('only this resource (its address, e.g. aws_s3_bucket.logs)'),
  paths: z.array(z.string().min(1)).min(1).optional().describe('only findings in these files (gitignore-style, project-relative)'),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/).optional().describe('only the finding with this fingerprint'),
  reason: z.string().min(1).describe('why it is accepted'),
  owner: z.string().min(1).optional().describe('who answers for it'),
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date, YYYY-MM-DD').optional().describe('after this day it suppresses nothing and is reported'),
});
export type SuppressionEntry = z.infer<typeof SuppressionEntry>;

export const PolicySchema = z.strictObject({
  version: z.literal(1).describe('the policy format version'),
  extends: z.union([z.string().min(1), z.array(z.string().min(1))]).optional().describe('policy files this one refines: a path relative to it, or an npm package installed in node_modules (its bulwark.yaml, the file its package.json "bulwark" field names, or a file inside it)'),
  failOn: z.enum([...SEVERITIES, 'none']).optional().describe('the default of --fail-on'),
  // An empty section (`rules:` with only comments under it) is null in YAML: the same as leaving it out.
  rules: z.record(z.string().min(1), RuleSetting).nullish().describe('by rule id (BW-AWS-S3-001), by tag (service:s3, provider:aws, stride:tampering, cwe:CWE-311) or "*"'),
  safeDefaults: SafeDefaults.nullish(),
  dataClasses: z.array(DataClassSchema).nullish().describe('data-sensitivity classes, first match wins: the level of the data of resources matched by tag, name or path; it feeds the risk score'),
  customRules: z.array(CustomRuleSchema).nullish().describe("rules of your own, without code: a resource type, conditions on its attributes, and an optional fix value (a shared file that holds them can be pulled in with extends)"),
  suppressions: z.array(SuppressionEntry).nullish().describe('findings accepted, each with a reason, and an owner and expiry where they apply'),
});
export type PolicyDocument = z.infer<typeof PolicySchema>;

/** The policy in effect: the document merged with what it extends, with where each part came from. */
export interface Policy {
  /** The files read, the local one last. */
  files: string[];
  failOn?: PolicyDocument['failOn'];
  /** Settings in the order they apply (extended files first); later ones win. */
  rules: { selector: string; setting: RuleSetting; file: string; line?: number }[];
  safeDefaults: SafeDefaults;
  /** Custom rules, by id: a file redefining a rule of a file it extends replaces it. */
  customRules: { spec: CustomRuleSpec; file: string; line?: number }[];
  /** Data classes, the local file's first, then those of the files it extends. */
  dataClasses: DataClass[];
  /** Accepted findings, from every file (extended ones first). */
  suppressions: { entry: SuppressionEntry; file: string; line?: number }[];
  /** What looked wrong while reading it (allowed, but reported), one line each with file and line. */
  warnings: string[];
}

/** JSON Schema (draft-07) of the policy file, for editors and docs/policy-schema.json. */
export function policyJsonSchema(): Record<string, unknown> {
  return { title: 'Bulwark policy (bulwark.yaml)', ...(z.toJSONSchema(PolicySchema, { target: 'draft-7' }) as Record<string, unknown>) };
}
