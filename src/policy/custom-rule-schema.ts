// Rules a team writes in its policy, without code, in the spirit of Checkov's YAML policies: a resource
// type, attribute paths into the evaluated resource, conditions a compliant resource meets, and the
// metadata, message and optional fix value a built-in rule carries.

import { z } from 'zod';
import { COMPLIANCE_FRAMEWORKS } from '../core/compliance.js';
import { SEVERITIES, STRIDE_CATEGORIES } from '../core/types.js';

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One test on the value(s) at an attribute path. */
const AttributeCondition = z.strictObject({
  attribute: z.string().min(1).describe('path into the resource: an attribute, a nested block, an object key or list index (tags.owner, versioning.enabled, ingress.cidr_blocks.*)'),
  exists: z.boolean().optional().describe('the path has a (non-null) value, or has none'),
  equals: Scalar.optional(),
  notEquals: Scalar.optional(),
  in: z.array(Scalar).min(1).optional().describe('the value is one of these'),
  notIn: z.array(Scalar).min(1).optional().describe('the value is none of these'),
  matches: z.string().min(1).optional().describe('the value matches this regular expression (RE2 syntax, linear time)'),
  greaterThan: z.number().optional(),
  atLeast: z.number().optional(),
  lessThan: z.number().optional(),
  atMost: z.number().optional(),
});

export type CustomCondition =
  | z.infer<typeof AttributeCondition>
  | { all: CustomCondition[] }
  | { any: CustomCondition[] }
  | { not: CustomCondition };

export const ConditionSchema: z.ZodType<CustomCondition> = z.lazy(() =>
  z.union([
    AttributeCondition,
    z.strictObject({ all: z.array(ConditionSchema).min(1).describe('every condition holds') }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).describe('at least one condition holds') }),
    z.strictObject({ not: ConditionSchema.describe('the condition does not hold') }),
  ]),
);

export const CustomRuleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'expected an id like ACME-S3-001 (capitals, digits and hyphens)')
    .refine((id) => !id.startsWith('BW-'), 'BW- ids belong to the built-in rules')
    .describe('stable id, like ACME-S3-001'),
  title: z.string().min(1).describe('what a compliant resource does'),
  problem: z.string().min(1).optional().describe('the violation, as a finding headline (default: the title, negated)'),
  severity: z.enum(SEVERITIES),
  resource: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('Terraform resource type(s) it checks, e.g. aws_s3_bucket'),
  condition: ConditionSchema.describe('what a compliant resource satisfies; a resource that does not is a finding'),
  message: z.string().min(1).optional().describe('the finding message; {resource} is replaced by the address'),
  description: z.string().optional(),
  remediation: z.string().optional(),
  stride: z.enum(STRIDE_CATEGORIES).optional(),
  cwe: z.array(z.string().regex(/^CWE-\d+$/)).optional(),
  compliance: z.array(z.strictObject({ framework: z.enum(COMPLIANCE_FRAMEWORKS), control: z.string().min(1) })).optional(),
  fix: z
    .strictObject({ set: z.record(z.string().min(1), z.union([Scalar, z.array(Scalar)])).describe('attribute path → the value the fix writes') })
    .optional()
    .describe('an automatic fix: the values to write'),
});
export type CustomRuleSpec = z.infer<typeof CustomRuleSchema>;
