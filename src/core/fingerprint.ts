// A finding's stable identity, for baselines, suppressions and code scanning: it must survive rewording
// (no message text) and code moving within a file (no line numbers).

import { createHash } from 'node:crypto';

export interface FingerprintParts {
  ruleId: string;
  /** POSIX path relative to the project root. */
  file: string;
  /** The resource's address within its module (or a logical id); absent for findings about no resource. */
  resource?: string;
  /** The attribute or block within the resource, e.g. `ingress[1]` or `rule[0].apply_server_side_encryption_by_default`. */
  part?: string;
  /** For findings about no resource: the matched content, normalised (see normaliseContent). */
  content?: string;
}

export function fingerprint(parts: FingerprintParts): string {
  const text = ['bulwark/v1', parts.ruleId, parts.file, parts.resource ?? '', parts.part ?? '', parts.content ?? ''].join('\0');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Matched text with layout taken out, so re-indenting or re-wrapping it keeps its fingerprint. */
export function normaliseContent(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `module.a["x"].module.b.aws_s3_bucket.c[0]` within `module.a["x"].module.b` → `aws_s3_bucket.c[0]`. */
export function addressInModule(address: string, module: string): string {
  return module && address.startsWith(`${module}.`) ? address.slice(module.length + 1) : address;
}
