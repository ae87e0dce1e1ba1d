// Recognising credentials in text: AWS keys, secrets assigned to names that announce them, private keys and
// well-known token formats. Used by every rule that looks for hard-coded secrets; a found secret is only ever
// shown masked.

import { pushAll } from '../../core/arrays.js';
import { connectionStrings } from './detectors.js';

/**
 * Shows enough of a secret to find it, never enough to use it: at most its first four characters (`AKIA****`),
 * and nothing of a value shorter than 12 characters, where four would be a third of it.
 */
export function mask(secret: string): string {
  return secret.length >= 12 ? `${secret.slice(0, 4)}****` : '****';
}

/** Passwords found first in every credential-stuffing list, and defaults that ship in images and tutorials. */
const WEAK_PASSWORDS = new Set([
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass', 'pass123', 'password1', 'password123', 'secret', 'secret123', 'root', 'rootpassword',
  'rootpass', 'root123', 'toor', 'admin', 'admin123', 'administrator', 'adminpassword', 'letmein', 'welcome', 'qwerty', '123456',
  '1234567', '12345678', '123456789', '1234567890', 'abc123', 'test', 'test123', 'testpassword', 'mysql', 'postgres', 'postgrespassword',
  'mariadb', 'mongo', 'mongodb', 'redis', 'rabbitmq', 'guest', 'user', 'userpassword', 'dbpassword', 'db_password', 'mypassword',
  'mysecretpassword', 'supersecret', 'default', 'demo', 'sa', 'oracle', 'master', 'elastic', 'changeit',
]);

/**
 * A literal password anyone would try first: a dictionary default, something short, or a word from its context
 * again (the variable's name, the service, the image, the user or database it protects: `POSTGRES_PASSWORD=nextcloud`).
 */
export function isWeakPassword(value: string, name = '', context: readonly string[] = []): boolean {
  const v = value.trim().toLowerCase();
  if (!v || PLACEHOLDER.test(v)) return false;
  const words = [name.toLowerCase().replace(/_?(password|passwd|pass|pwd)$/, ''), ...context.map((c) => c.toLowerCase())].filter((w) => w.length > 1);
  const stem = v.replace(/[\d_!.-]+$/, '');
  return WEAK_PASSWORDS.has(v) || WEAK_PASSWORDS.has(stem) || v.length < 6 || words.some((w) => v === w || stem === w || (stem.length >= 4 && w.includes(stem)) || (w.length >= 5 && v.includes(w)));
}

/** Passwords written into connection strings (`mysql://root:s3cret@db:3306/orders`). */
export function findConnectionStringPasswords(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const { scheme, password } of connectionStrings(text)) {
    if (PLACEHOLDER.test(password) || /^\$|\{\{|\$\{|<|%/.test(password)) continue;
    hits.push({ kind: `${scheme} connection string password`, masked: mask(password) });
  }
  return hits;
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
  return dedupeHits(hits);
}

/** Names that announce a secret, e.g. `DB_PASSWORD`, `api_key`, `GITHUB_TOKEN`, `client-secret`. */
export const SECRET_NAME = /(pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|auth[_-]?key|credentials?)$/i;
/** A run of characters a name (`NAME=value`) is made of. */
const NAME_RUN = /[A-Za-z0-9_.-]+/g;
/** What follows a name in `NAME=value`, `NAME: value`, `export NAME="value"`: the separator and a literal value. */
const ASSIGNED_VALUE = /["']?[ \t]*(?:=|:)[ \t]*\\?(["']?)([^\s"'\\]+)/y;
// The body may hold whitespace anywhere: a `\s*` before it as well made the search quadratic without an END.
const PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----([A-Za-z0-9+/=\s]{16,}?)-----END/g;
const KNOWN_TOKENS: [RegExp, string][] = [
  [/\b(gh[pousr]_[A-Za-z0-9]{36,})\b/g, 'GitHub token'],
  [/\b(github_pat_[A-Za-z0-9_]{40,})\b/g, 'GitHub token'],
  [/\b(glpat-[A-Za-z0-9_-]{20,})\b/g, 'GitLab token'],
  [/\b(xox[baprs]-[A-Za-z0-9-]{10,})\b/g, 'Slack token'],
  [/\b(sk_live_[A-Za-z0-9]{20,})\b/g, 'Stripe secret key'],
];
/** AWS credentials belong to the AWS-credentials rule, so the generic finder leaves them alone. */
export const AWS_CREDENTIAL_NAME = /aws_?(secret_?access_?key|session_?token|access_?key_?id)$|^secret_?access_?key$/i;
export const PLACEHOLDER = /^(\$|\{\{|<|%|\*+$|x+$|null$|none$|true$|false$|changeme$|redacted$)/i;

/** Passwords, tokens and keys other than AWS credentials. */
export function findOtherSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const [name, secret] of assignments(text)) {
    if (!SECRET_NAME.test(name) || AWS_CREDENTIAL_NAME.test(name)) continue;
    if (secret.length < 4 || PLACEHOLDER.test(secret)) continue;
    hits.push({ kind: name, masked: mask(secret) });
  }
  for (const m of text.matchAll(PRIVATE_KEY)) hits.push({ kind: m[1]!.toLowerCase(), masked: mask(m[2]!.replace(/\s+/g, '')) });
  for (const [pattern, kind] of KNOWN_TOKENS) for (const m of text.matchAll(pattern)) hits.push({ kind, masked: mask(m[1]!) });
  pushAll(hits, findConnectionStringPasswords(text));
  return dedupeHits(hits);
}

/**
 * `NAME=value` pairs with a literal value (not `$VAR`, `$(cmd)`, `{{ tmpl }}`): the name starts with a letter at
 * a word boundary and runs as far as name characters go. Every start inside one run of name characters is
 * followed by the same text, so each run is tried once, from its first possible start: a pattern tried at every
 * word boundary took quadratic time on a long dotted name.
 */
function assignments(text: string): [name: string, value: string][] {
  const out: [string, string][] = [];
  const runs = new RegExp(NAME_RUN);
  const value = new RegExp(ASSIGNED_VALUE);
  for (let run = runs.exec(text); run; run = runs.exec(text)) {
    const end = run.index + run[0].length;
    const start = nameStart(text, run.index, end);
    if (start < 0) continue;
    value.lastIndex = end;
    const m = value.exec(text);
    if (!m) continue;
    runs.lastIndex = value.lastIndex;
    out.push([text.slice(start, end), m[2]!]);
  }
  return out;
}

/** The first letter in [from, to) with no letter, digit or `_` just before it; -1 when there is none. */
function nameStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (/[A-Za-z]/.test(text[i]!) && (i === 0 || !/[A-Za-z0-9_]/.test(text[i - 1]!))) return i;
  }
  return -1;
}

/** Hits with the same kind and masked value, once. */
export function dedupeHits(hits: SecretHit[]): SecretHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.kind}\u0000${h.masked}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A name under which a secret is kept: `db_password`, `API_KEY`, `client_secret`, `secret_key`, `AWS_SESSION_TOKEN`. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) || AWS_CREDENTIAL_NAME.test(name) || /(access_?key|secret_?key)$/i.test(name);
}

/**
 * A literal value that could be a real secret: long enough, not a placeholder, not a reference to where the secret
 * is kept (an ARN, a parameter path, a URL) and not one character repeated.
 */
export function looksLikeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || PLACEHOLDER.test(v)) return false;
  if (/^(arn:|\/|https?:\/\/|ssm:|secretsmanager:|vault:|\{\{)/i.test(v)) return false;
  return new Set(v).size > 2;
}

/** Secrets among name/value pairs (environment variables, settings): credentials in the value, or a secret name with a literal value. */
export function findNamedSecrets(pairs: readonly [string, string][]): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const [name, value] of pairs) {
    const credentials = findAwsCredentials(value);
    if (credentials.length) pushAll(hits, credentials.map((h) => ({ ...h, kind: `${name} (${h.kind})` })));
    else if (isSecretName(name) && looksLikeSecretValue(value)) hits.push({ kind: name, masked: mask(value) });
    else pushAll(hits, findOtherSecrets(value).map((h) => ({ ...h, kind: `${name} (${h.kind})` })));
  }
  return dedupeHits(hits);
}
