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
});
export type RepositorySources = z.infer<typeof RepositorySourcesSchema>;
