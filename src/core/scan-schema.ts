// The scan result's JSON form, declared once with zod: the TypeScript types of findings, diagnostics and
// the result are inferred from it (see types.ts and result.ts), and docs/scan-result-schema.json is
// generated from it, so the published schema and the code cannot drift apart.

import { z } from 'zod';
import { COMPLIANCE_FRAMEWORKS } from './compliance.js';
import { SafeDefaultsSchema, type SafeDefaultName } from './safe-defaults.js';
import { SCAN_RESULT_VERSION } from './result.js';
import { SEVERITIES, STRIDE_CATEGORIES } from './types.js';


export const PositionSchema = z
  .object({
    line: z.number().int().min(1).describe('1-based line.'),
    column: z.number().int().min(1).describe('1-based column in UTF-16 code units.'),
    offset: z.number().int().min(0).describe('0-based UTF-16 offset into the file text.'),
  })
  .strict();

export const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema }).strict().describe('Half-open: `end` is just after the last character.');

export const SourceLocationSchema = z
  .object({
    file: z.string().describe('POSIX path relative to the project root (`root`).'),
    range: RangeSchema,
  })
  .strict();

export const CallSiteSchema = z
  .object({
    module: z.string().describe('e.g. `module.network`'),
    location: SourceLocationSchema.describe('The `module` block.'),
  })
  .strict();

export const OccurrenceSchema = z
  .object({
    root: z.string().describe('Root module (directory, relative to the project root; `.` for the root itself) that reaches the resource.'),
    resource: z.string().optional().describe('The full address in that root.'),
    callPath: z.array(CallSiteSchema).optional(),
  })
  .strict();

const EditSchema = z.object({ file: z.string(), range: RangeSchema, text: z.string().describe('Replacement text.') }).strict();

export const FixSchema = z
  .object({
    kind: z.enum(['automatic', 'needs-input']).describe('`needs-input`: a decision only a person can make is marked in the edit.'),
    description: z.string(),
    edits: z.array(EditSchema),
  })
  .strict()
  .describe('A verified fix, filled by `bulwark fix` (`--format json` or `sarif`). Edits are against the file as scanned; applying them in any order gives the fixed file (up to the alignment of `=` signs, which `bulwark fix --write` also restores).');

export const SuppressionSchema = z
  .object({
    kind: z.enum(['inline', 'config', 'baseline']),
    reason: z.string().optional(),
    expires: z.string().optional().describe('ISO date (YYYY-MM-DD).'),
    location: SourceLocationSchema.optional().describe('Where the suppression is written.'),
  })
  .strict()
  .describe('Set when a suppression comment in the file (kind `inline`) or an entry in the policy\'s `suppressions` (kind `config`) covers the finding; it is reported but never fails --fail-on. `baseline` is reserved.');

const FactorSchema = z.object({ factor: z.number().min(0).max(1), reason: z.string() }).strict();

export const RiskSchema = z
  .object({
    score: z.number().min(0).max(10).describe('Severity weight × exploitability × data sensitivity, 0–10, one decimal.'),
    rating: z.enum(SEVERITIES).describe('The score as a band: critical ≥ 9, high ≥ 7, medium ≥ 4, low below.'),
    severityWeight: z.number().describe('critical 10, high 9, medium 6, low 3 (the severity after the policy).'),
    exploitability: FactorSchema.describe('From what the finding is about and the internet exposure of its resource.'),
    dataSensitivity: FactorSchema.describe("From the policy's data classes, else the resource's tags and names."),
  })
  .strict()
  .describe('The risk score that orders the work; severity still drives --fail-on and --severity.');

const ComplianceControlStatusSchema = z
  .object({
    control: z.string(),
    previously: z.string().optional().describe("The requirement's number in the framework's previous version (PCI DSS v3.2.1)."),
    title: z.string(),
    status: z
      .enum(['pass', 'fail', 'not-applicable', 'not-assessed'])
      .describe('`pass`: its rules checked resources and none failed; `not-applicable`: its rules found nothing to check here; `not-assessed`: no enabled rule checks it.'),
    rules: z.array(z.string()).describe('The enabled rules that check it.'),
    failing: z
      .array(z.object({ ruleId: z.string(), resource: z.string().optional(), file: z.string(), line: z.number().int().min(1) }).strict())
      .describe('The unsuppressed findings that fail it.'),
  })
  .strict();

export const ComplianceReportSchema = z
  .object({
    framework: z.enum(COMPLIANCE_FRAMEWORKS),
    version: z.string(),
    passed: z.number().int().min(0),
    failed: z.number().int().min(0),
    notApplicable: z.number().int().min(0),
    notAssessed: z.number().int().min(0),
    controls: z.array(ComplianceControlStatusSchema),
  })
  .strict();

export const FindingSchema = z
  .object({
    ruleId: z.string().min(1),
    severity: z.enum(SEVERITIES),
    title: z.string().describe("The rule's problem headline, e.g. `S3 bucket without default encryption`."),
    message: z.string().describe('This occurrence: names the resource and what is wrong.'),
    location: SourceLocationSchema.describe('The offending attribute or block, or the resource itself.'),
    resource: z.string().optional().describe('Terraform address (or logical id) of the resource holding `location`.'),
    resourceLocation: SourceLocationSchema.optional().describe("The resource's whole declaration."),
    callPath: z.array(CallSiteSchema).min(1).optional().describe('Module calls from the root module to the resource, outermost first.'),
    occurrences: z
      .array(OccurrenceSchema)
      .min(2)
      .optional()
      .describe('When several root modules reach the same problem: each of them. The finding is reported once.'),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .describe('Stable identity: rule, resource (address within its module, or logical id), the attribute or block, and the file; never message text or line numbers.'),
    remediation: z.string(),
    risk: RiskSchema.optional(),
    complianceFailures: z
      .array(z.string())
      .optional()
      .describe('The controls this finding fails, e.g. `GDPR Art. 32 Security of processing`, `PCI-DSS 3.5.1 (v3.2.1: 3.4) Stored account data is rendered unreadable`.'),
    fix: FixSchema.optional(),
    notFixed: z.string().optional().describe('Filled by `bulwark fix`: why this finding has no verified fix (none exists, it needs a decision, or verification failed).'),
    suppression: SuppressionSchema.optional(),
  })
  .strict();

export const DIAGNOSTIC_SEVERITIES = ['error', 'warning', 'note'] as const;

export const DiagnosticSchema = z
  .object({
    severity: z.enum(DIAGNOSTIC_SEVERITIES),
    code: z.string().describe('Stable id of the kind of problem, e.g. `format-not-read` (see docs/json-output.md).'),
    message: z.string(),
    location: SourceLocationSchema.optional(),
    format: z.string().optional().describe('The format it concerns, e.g. `terraform`.'),
    files: z.array(z.string()).optional().describe('Every file it concerns, when there are several.'),
  })
  .strict();

export const FormatStatsSchema = z
  .object({
    name: z.string(),
    read: z.boolean().describe('False for formats Bulwark recognises but does not read yet: their files were not checked.'),
    files: z.number().int().min(0),
    bytes: z.number().int().min(0),
    checked: z.number().int().min(0).describe('Units checked by at least one rule (resources, for Terraform).'),
    resources: z.number().int().min(0).optional().describe('Managed resource instances evaluated (after count/for_each, modules included).'),
    dataSources: z.number().int().min(0).optional(),
    rootModules: z.number().int().min(0).optional(),
    resourcesWithoutRules: z.number().int().min(0).optional(),
    typesWithoutRules: z
      .array(z.object({ type: z.string(), count: z.number().int().min(1) }).strict())
      .optional()
      .describe('The most common resource types no rule covers, most frequent first.'),
    providersWithoutRules: z
      .array(z.object({ provider: z.string(), resources: z.number().int().min(1) }).strict())
      .optional()
      .describe('Providers none of whose resources any rule covers.'),
    rulesApplied: z.array(z.string()).optional().describe('Rules that had at least one unit (resource) of this format to check.'),
    modulesNotEvaluated: z.number().int().min(0).optional().describe('Module calls whose code was not available (registry or git sources without `terraform init`).'),
  })
  .strict();

export const RuleMetaSchema = z
  .object({
    id: z.string().regex(/^[A-Z0-9-]+$/),
    title: z.string().describe('What a compliant resource does.'),
    problem: z.string().describe('The violation, as a finding headline.'),
    severity: z.enum(SEVERITIES),
    stride: z.enum(STRIDE_CATEGORIES),
    cwe: z.array(z.string().regex(/^CWE-[0-9]+$/)),
    compliance: z.array(z.object({ framework: z.enum(COMPLIANCE_FRAMEWORKS), control: z.string() }).strict()),
    description: z.string(),
    remediation: z.string(),
    provider: z.enum(['aws', 'kubernetes', 'docker', 'generic']),
    service: z.string(),
    peers: z.object({ checkov: z.array(z.string()).optional(), trivy: z.array(z.string()).optional(), kics: z.array(z.string()).optional() }).strict(),
    risk: z.enum(['exposure', 'credentials', 'privilege', 'protection', 'availability', 'detection']).optional().describe("The kind of weakness, for the risk score's exploitability (default: from the STRIDE category)."),
    uses: z.array(z.enum(Object.keys(SafeDefaultsSchema.shape) as [SafeDefaultName, ...SafeDefaultName[]])).optional().describe("The policy's safe defaults the rule compares with and its fix writes."),
    requires: z.array(z.enum(Object.keys(SafeDefaultsSchema.shape) as [SafeDefaultName, ...SafeDefaultName[]])).optional().describe('Safe defaults without which the rule does not run.'),
    links: z.array(z.string()).optional(),
  })
  .strict();

export const ScanResultSchema = z
  .object({
    schemaVersion: z.literal(SCAN_RESULT_VERSION),
    tool: z.object({ name: z.literal('bulwark'), version: z.string() }).strict(),
    root: z.string().describe('Absolute path of the project root (the git top level, or --project-root); every path is relative to it.'),
    stats: z
      .object({
        files: z.number().int().min(0).describe('Files of a format Bulwark reads or recognises, and files named on the command line.'),
        bytes: z.number().int().min(0),
        checked: z.number().int().min(0).describe('Units checked by at least one rule, over every format. 0 means nothing was checked.'),
        durationMs: z.number().min(0),
        formats: z.record(z.string(), FormatStatsSchema).describe('Per format, by id (`terraform`, `kubernetes`, ...).'),
      })
      .strict(),
    findings: z.array(FindingSchema).describe('Sorted by risk score (highest first), then severity, file, line, column, rule id, resource.'),
    diagnostics: z.array(DiagnosticSchema).describe('What could not be read or checked, and other problems with the input.'),
    rules: z.array(RuleMetaSchema).describe('Metadata of every rule that ran.'),
    passed: z
      .array(z.object({ ruleId: z.string(), resource: z.string(), file: z.string(), line: z.number().int().min(1) }).strict())
      .optional()
      .describe('With --show-passed: every check a rule made on a resource and found nothing wrong, by file, line and rule.'),
    compliance: ComplianceReportSchema.optional().describe('With --compliance: every control of that framework in the catalogue, assessed.'),
  })
  .strict();

/** The JSON Schema (draft-07) of `bulwark scan --format json`. */
export function scanResultJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(ScanResultSchema, { io: 'output', target: 'draft-7' }) as Record<string, unknown>),
    $id: `urn:bulwark:scan-result:${SCAN_RESULT_VERSION}`,
    title: 'Bulwark scan result',
  };
}
