// What a model inferred from a repository was made from: the files each source read, and what the
// repository holds that no source reads yet, so a report never passes silence for safety.

import { z } from 'zod';

export const RepositorySourcesSchema = z.object({
  /** Files read into the model, by source (`compose`, `design`). */
  read: z.array(z.object({ source: z.string(), file: z.string() })),
  /** Files of kinds the model does not read yet (Terraform, Kubernetes, application code), counted. */
  notModelled: z.array(z.object({ what: z.string(), files: z.number().int().nonnegative(), examples: z.array(z.string()) })),
  /** What the sources noticed and could not use (a value from an unset variable, an unreadable file). */
  notes: z.array(z.object({ level: z.enum(['info', 'warning']), message: z.string(), file: z.string().optional(), line: z.number().int().positive().optional() })),
  /** The auditor's run over the same repository (its IaC formats): what it found and where the findings went. */
  audit: z
    .object({
      /** Files the auditor checked, and the formats they were. */
      files: z.number().int().nonnegative(),
      formats: z.array(z.string()),
      findings: z.number().int().nonnegative(),
      /** Findings that became evidence on an element, and on how many elements. */
      joined: z.number().int().nonnegative(),
      elements: z.number().int().nonnegative(),
      /** Findings on resources the model shows no element for, by rule (`BW-K8S-NET-004`: 2). */
      unmatched: z.array(z.object({ rule: z.string(), count: z.number().int().positive(), example: z.string() })),
      /** Files the auditor could not read (parse errors), named so a gap is never silent. */
      unreadable: z.array(z.string()),
    })
    .optional(),
});
export type RepositorySources = z.infer<typeof RepositorySourcesSchema>;
