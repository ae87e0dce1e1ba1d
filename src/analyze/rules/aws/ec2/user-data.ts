// Reads EC2 user data (plain, base64, gzip+base64), finds credentials in it and reports them. Never executes anything;
// secrets found are only ever shown masked.

import { gunzipSync } from 'node:zlib';
import type { TfAttribute, TfResource } from '../../../../evaluate/terraform/view.js';
import { attr } from '../../../../evaluate/terraform/view.js';
import type { TerraformRuleContext } from '../../../rule.js';
import { dedupeHits, type SecretHit } from '../../../secrets/patterns.js';
import { LAUNCHER_KIND } from './launchers.js';

export const USER_DATA_TYPES = ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'] as const;

export interface UserDataText {
  attr: TfAttribute;
  /** Every readable form of the value: as written and, when it is base64 (optionally gzip), decoded. */
  texts: string[];
}

const MAX_DECODED_BYTES = 1 << 20;

/** The user data attributes of a resource with literal (known) values. */
export function readUserData(resource: TfResource): UserDataText[] {
  const found: UserDataText[] = [];
  for (const name of ['user_data', 'user_data_base64']) {
    const a = attr(resource.body, name);
    if (!a || typeof a.value !== 'string' || a.value === '') continue;
    const texts = [a.value];
    const decoded = decodeBase64Text(a.value);
    if (decoded !== undefined) texts.push(decoded);
    found.push({ attr: a, texts });
  }
  return found;
}

/** Decodes base64 (and gzip inside it) when the result is text; undefined otherwise. */
export function decodeBase64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  let bytes: Buffer = Buffer.from(compact, 'base64');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_DECODED_BYTES });
    } catch {
      return undefined;
    }
  }
  const text = bytes.toString('utf8');
  return looksLikeText(text) ? text : undefined;
}

function looksLikeText(text: string): boolean {
  if (!text.length) return false;
  let printable = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 0xfffd && code !== 127)) printable++;
  }
  return printable / text.length > 0.95;
}

export { findAwsCredentials, findOtherSecrets, mask, type SecretHit } from '../../../secrets/patterns.js';

/** Secrets found in any readable form of the user data, deduplicated. */
export function scanUserData(userData: UserDataText, finder: (text: string) => SecretHit[]): SecretHit[] {
  return dedupeHits(userData.texts.flatMap(finder));
}

export function describeHits(hits: readonly SecretHit[]): string {
  return hits.map((h) => `${h.kind} ${h.masked}`).join(', ');
}

/** Reports each user-data attribute of `resource` in which `finder` spots secrets; `what` names them for the message. */
export function reportUserDataSecrets(
  resource: TfResource,
  ctx: TerraformRuleContext,
  finder: (text: string) => SecretHit[],
  what: string,
): void {
  for (const userData of readUserData(resource)) {
    let hits = scanUserData(userData, finder);
    if (!hits.length) continue;
    // Built from a sensitive value: not even a masked excerpt is shown.
    if (userData.attr.sensitive) hits = hits.map((h) => ({ kind: h.kind, masked: '(sensitive)' }));
    ctx.report({
      at: userData.attr,
      message: `${LAUNCHER_KIND[resource.type]} ${resource.address} has ${what} in ${userData.attr.name}: ${describeHits(hits)}.`,
    });
  }
}
