// Reads EC2 user data (plain, base64, gzip+base64), finds credentials in it and reports them. Never executes anything;
// secrets found are only ever shown masked.

import { gunzipSync } from 'node:zlib';
import type { TfAttribute, TfResource } from '../../../../evaluate/terraform/view.js';
import { attr } from '../../../../evaluate/terraform/view.js';
import type { TerraformRuleContext } from '../../../rule.js';
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

/** Shows enough of a secret to find it, never enough to use it: `AKIA****MPLE`. */
export function mask(secret: string): string {
  if (secret.length >= 12) return `${secret.slice(0, 4)}****${secret.slice(-4)}`;
  if (secret.length >= 6) return `${secret[0]}****${secret.slice(-1)}`;
  return '****';
}

export interface SecretHit {
  /** What was found, e.g. `AWS access key ID`, `DATABASE_PASSWORD`. */
  kind: string;
  masked: string;
}

const ACCESS_KEY_ID = /(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])/g;
/** `aws_secret_access_key = …`, `AWS_SECRET_ACCESS_KEY=…`, `"SecretAccessKey": "…"`, `aws_session_token=…`. */
const AWS_SECRET_ASSIGNMENT =
  /\b(aws_?secret_?access_?key|secret_?access_?key|aws_?session_?token)\b["']?\s*[:=]\s*\\?["']?([A-Za-z0-9/+=]{16,})/gi;

export function findAwsCredentials(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(ACCESS_KEY_ID)) hits.push({ kind: 'AWS access key ID', masked: mask(m[1]!) });
  for (const m of text.matchAll(AWS_SECRET_ASSIGNMENT)) {
    const kind = /token/i.test(m[1]!) ? 'AWS session token' : 'AWS secret access key';
    hits.push({ kind, masked: mask(m[2]!) });
  }
  return dedupe(hits);
}

/** Names that announce a secret, e.g. `DB_PASSWORD`, `api_key`, `GITHUB_TOKEN`, `client-secret`. */
const SECRET_NAME = /(pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|auth[_-]?key|credentials?)$/i;
/** `NAME=value`, `NAME: value`, `export NAME="value"`, with the value literal (not `$VAR`, `$(cmd)`, `{{ tmpl }}`). */
const ASSIGNMENT = /\b([A-Za-z][A-Za-z0-9_.-]*)["']?[ \t]*(?:=|:)[ \t]*\\?(["']?)([^\s"'\\]+)/g;
const PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----\s*([A-Za-z0-9+/=\s]{16,}?)-----END/g;
const KNOWN_TOKENS: [RegExp, string][] = [
  [/\b(gh[pousr]_[A-Za-z0-9]{36,})\b/g, 'GitHub token'],
  [/\b(github_pat_[A-Za-z0-9_]{40,})\b/g, 'GitHub token'],
  [/\b(glpat-[A-Za-z0-9_-]{20,})\b/g, 'GitLab token'],
  [/\b(xox[baprs]-[A-Za-z0-9-]{10,})\b/g, 'Slack token'],
  [/\b(sk_live_[A-Za-z0-9]{20,})\b/g, 'Stripe secret key'],
];
/** AWS credentials belong to the AWS-credentials rule, so the generic finder leaves them alone. */
const AWS_CREDENTIAL_NAME = /aws_?(secret_?access_?key|session_?token|access_?key_?id)$|^secret_?access_?key$/i;
const PLACEHOLDER = /^(\$|\{\{|<|%|\*+$|x+$|null$|none$|true$|false$|changeme$|redacted$)/i;

/** Passwords, tokens and keys other than AWS credentials. */
export function findOtherSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m[1]!;
    const secret = m[3]!;
    if (!SECRET_NAME.test(name) || AWS_CREDENTIAL_NAME.test(name)) continue;
    if (secret.length < 4 || PLACEHOLDER.test(secret)) continue;
    hits.push({ kind: name, masked: mask(secret) });
  }
  for (const m of text.matchAll(PRIVATE_KEY)) hits.push({ kind: m[1]!.toLowerCase(), masked: mask(m[2]!.replace(/\s+/g, '')) });
  for (const [pattern, kind] of KNOWN_TOKENS) for (const m of text.matchAll(pattern)) hits.push({ kind, masked: mask(m[1]!) });
  return dedupe(hits);
}

function dedupe(hits: SecretHit[]): SecretHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.kind}\u0000${h.masked}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Secrets found in any readable form of the user data, deduplicated. */
export function scanUserData(userData: UserDataText, finder: (text: string) => SecretHit[]): SecretHit[] {
  return dedupe(userData.texts.flatMap(finder));
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
    const hits = scanUserData(userData, finder);
    if (!hits.length) continue;
    ctx.report({
      at: userData.attr,
      message: `${LAUNCHER_KIND[resource.type]} ${resource.address} has ${what} in ${userData.attr.name}: ${describeHits(hits)}.`,
    });
  }
}
