// A finding's stable identity, for baselines, suppressions and code scanning: it must survive rewording
// (no message text) and code moving within a file (no line numbers).

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
  return hash128(['bulwark/v1', parts.ruleId, parts.file, parts.resource ?? '', parts.part ?? '', parts.content ?? ''].join('\0'));
}

/**
 * A 128-bit non-cryptographic hash of a string (cyrb128: four 32-bit lanes mixed with Math.imul), as 32 hex
 * digits. Identity, not secrecy: scans compute one per finding, and a cryptographic hash cost a tenth of the
 * analysis time on large trees.
 */
export function hash128(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4);
}

const HEX = '0123456789abcdef';

/** A 32-bit value as eight hex digits (a table is several times faster than toString(16).padStart). */
function hex8(h: number): string {
  let out = '';
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(h >>> shift) & 15];
  return out;
}

/** Matched text with layout taken out, so re-indenting or re-wrapping it keeps its fingerprint. */
export function normaliseContent(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `module.a["x"].module.b.aws_s3_bucket.c[0]` within `module.a["x"].module.b` → `aws_s3_bucket.c[0]`. */
export function addressInModule(address: string, module: string): string {
  return module && address.startsWith(`${module}.`) ? address.slice(module.length + 1) : address;
}
