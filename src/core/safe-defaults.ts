// The company's safe defaults, as a policy file states them: what rules compare configurations with
// and what fixes write. Declared here, in core, because rules (analyze), fixes and the policy file
// all read it; the policy schema embeds it.

import { z } from 'zod';

export const SafeDefaultsSchema = z.strictObject({
  kmsKeyArn: z.string().min(1).optional().describe('the KMS key encryption must use (and fixes write)'),
  allowedIngressCidrs: z.array(z.string().min(1)).optional().describe('CIDR ranges ingress rules may open to'),
  allowedIngressPorts: z.array(z.union([z.number().int().min(0).max(65535), z.string().regex(/^\d{1,5}-\d{1,5}$/)])).optional().describe('ports or ranges ("8000-8080") ingress rules may open'),
  requiredTags: z.array(z.string().min(1)).optional().describe('tags every taggable resource must carry'),
  approvedRegistries: z.array(z.string().min(1)).optional().describe('container registries images may come from'),
  approvedBaseImages: z.array(z.string().min(1)).optional().describe('base images Dockerfiles may start from'),
  requireImageDigests: z.boolean().optional().describe('base images must be pinned by digest, not only a tag'),
  runAsUser: z.number().int().min(1).max(2147483647).optional().describe('the non-root UID containers run as (fixes write it with runAsNonRoot)'),
  containerResources: z
    .strictObject({
      limits: z.strictObject({ cpu: z.union([z.string().min(1), z.number().positive()]).optional(), memory: z.string().min(1).optional() }).optional(),
      requests: z.strictObject({ cpu: z.union([z.string().min(1), z.number().positive()]).optional(), memory: z.string().min(1).optional() }).optional(),
    })
    .optional()
    .describe('default CPU and memory requests and limits for containers that set none (fixes write them)'),
  minTlsVersion: z.enum(['1.0', '1.1', '1.2', '1.3']).optional().describe('the oldest TLS version endpoints may accept'),
});
export type SafeDefaults = z.infer<typeof SafeDefaultsSchema>;

export const SENSITIVITY_LEVELS = ['restricted', 'confidential', 'internal', 'public'] as const;
export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];

/** A data-sensitivity class: the level of the data held by resources it matches (by tag, name or path). */
export const DataClassSchema = z.strictObject({
  level: z.enum(SENSITIVITY_LEVELS).describe('restricted (personal, health, payment data, secrets), confidential, internal or public'),
  tags: z.record(z.string().min(1), z.union([z.string(), z.array(z.string())])).optional().describe('resources whose tag has this value (or one of these)'),
  names: z.array(z.string().min(1)).min(1).optional().describe('resources whose address or name matches one of these (* and ? wildcards)'),
  paths: z.array(z.string().min(1)).min(1).optional().describe('resources declared in these files (gitignore-style, project-relative)'),
});
export type DataClass = z.infer<typeof DataClassSchema>;
export type SafeDefaultName = keyof SafeDefaults;
