// Secrets never leave the server in clear. Findings mask what they quote already; this masks text that shows
// file content (fix diffs, report excerpts): every credential the secrets detectors recognise, and the value
// of any assignment to a name that announces a secret (`POSTGRES_PASSWORD: ...`, `password = "..."`),
// however short or weak it is.

import { findSecrets } from '../../analyze/secrets/detectors.js';
import { isSecretName, mask } from '../../analyze/secrets/patterns.js';

/** `NAME: value`, `NAME=value`, `name = "value"`, `"name": "value"` on one line (no nested quantifiers: linear). */
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_.-]{0,128})["']?[ \t]*[:=][ \t]*(["']?)([^"'\s#,}]+)/g;
/** A value that refers to a secret instead of holding one. */
const REFERENCE = /^(\$|\{\{|<|%|\*+$|x+$|null$|none$|true$|false$|changeme$|redacted$|var\.|local\.|data\.|module\.)/i;

/**
 * `text` with its secrets masked. File content (`prose` false, the default) also has every value assigned to a
 * secret's name masked; prose (messages Bulwark wrote about a design) only the credentials the detectors know,
 * since "PASSWORD= is listed" there is a sentence, not an assignment.
 */
export function maskSecrets(text: string, options: { prose?: boolean } = {}): string {
  let out = text;
  // Detector hits first, replaced from the end so offsets stay valid.
  for (const hit of findSecrets(text).reverse()) out = out.slice(0, hit.start) + mask(hit.secret) + out.slice(hit.end);
  if (options.prose) return out;
  return out.replace(ASSIGNMENT, (whole, name: string, _quote: string, value: string) => {
    if (!isSecretName(name.replace(/^.*\./, '')) || REFERENCE.test(value) || /^\*+$|\*\*\*\*$/.test(value)) return whole;
    return whole.slice(0, whole.length - value.length) + mask(value);
  });
}
