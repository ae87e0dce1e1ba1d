// Secrets in any text file. Provider tokens are found by their documented formats (prefixes and lengths,
// as gitleaks and Trivy describe them); passwords and keys without a format by what they are assigned to,
// scored by entropy and context. Placeholders, documentation values and templates are recognised and left
// out. Every pattern is linear (no nested quantifiers), so a file of any content costs one pass per pattern.

export type SecretFamily = 'aws' | 'token' | 'private-key' | 'jwt' | 'connection-string' | 'assignment';

export interface SecretMatch {
  family: SecretFamily;
  /** The detector, named like Trivy's and gitleaks' rules (`github-pat`, `aws-access-key-id`). */
  detector: string;
  /** What was found, for people: `GitHub personal access token`. */
  kind: string;
  /** The secret itself: it never leaves the scanner unmasked. */
  secret: string;
  /** Offsets of the secret in the text. */
  start: number;
  end: number;
}

interface TokenDetector {
  detector: string;
  kind: string;
  family: SecretFamily;
  /** Global, case-sensitive; group 1 is the secret. */
  pattern: RegExp;
  /** Text every match contains: a file without any of these is not searched with the pattern at all. */
  hints: readonly string[];
}

const TOKENS: readonly TokenDetector[] = [
  { detector: 'aws-access-key-id', kind: 'AWS access key ID', family: 'aws', pattern: /(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])/g, hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA'] },
  {
    detector: 'aws-secret-access-key',
    kind: 'AWS secret access key',
    family: 'aws',
    pattern: /(?:aws_?secret_?access_?key|secret_?access_?key|SecretAccessKey)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    hints: ['ecret', 'ECRET'],
  },
  { detector: 'github-pat', kind: 'GitHub token', family: 'token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,255})\b/g, hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'] },
  { detector: 'github-fine-grained-pat', kind: 'GitHub fine-grained token', family: 'token', pattern: /\b(github_pat_[A-Za-z0-9_]{82})\b/g, hints: ['github_pat_'] },
  { detector: 'gitlab-pat', kind: 'GitLab token', family: 'token', pattern: /\b(gl(?:pat|ptt|dt|rt|cbt|imt|soat|ft)-[A-Za-z0-9_-]{20,})\b/g, hints: ['gl'] },
  { detector: 'slack-token', kind: 'Slack token', family: 'token', pattern: /\b(xox[abposr]-(?:\d+-)?[0-9A-Za-z-]{10,250})\b/g, hints: ['xox'] },
  { detector: 'slack-webhook-url', kind: 'Slack webhook URL', family: 'token', pattern: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{40,})/g, hints: ['hooks.slack.com'] },
  { detector: 'stripe-secret-key', kind: 'Stripe secret key', family: 'token', pattern: /\b((?:sk|rk)_(?:live|test|prod)_[0-9a-zA-Z]{20,247})\b/g, hints: ['k_live_', 'k_test_', 'k_prod_'] },
  { detector: 'gcp-api-key', kind: 'Google API key', family: 'token', pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g, hints: ['AIza'] },
  { detector: 'azure-storage-account-key', kind: 'Azure storage account key', family: 'token', pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/g, hints: ['AccountKey='] },
  { detector: 'azure-ad-client-secret', kind: 'Azure AD client secret', family: 'token', pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g, hints: ['Q~'] },
  { detector: 'npm-access-token', kind: 'npm access token', family: 'token', pattern: /\b(npm_[A-Za-z0-9]{36})\b/g, hints: ['npm_'] },
  { detector: 'pypi-upload-token', kind: 'PyPI upload token', family: 'token', pattern: /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})/g, hints: ['pypi-AgEIcHlwaS5vcmc'] },
  { detector: 'sendgrid-api-token', kind: 'SendGrid API key', family: 'token', pattern: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\b/g, hints: ['SG.'] },
  { detector: 'twilio-api-key', kind: 'Twilio API key', family: 'token', pattern: /\b(SK[0-9a-f]{32})\b/g, hints: ['SK'] },
  { detector: 'openai-api-key', kind: 'OpenAI API key', family: 'token', pattern: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74})\b/g, hints: ['T3BlbkFJ'] },
  { detector: 'anthropic-api-key', kind: 'Anthropic API key', family: 'token', pattern: /\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,120})/g, hints: ['sk-ant-'] },
  { detector: 'shopify-access-token', kind: 'Shopify access token', family: 'token', pattern: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/g, hints: ['shpat_', 'shpca_', 'shppa_', 'shpss_'] },
  { detector: 'private-key', kind: 'private key', family: 'private-key', pattern: /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s\\n:-]{32,16384}?-----END)/g, hints: ['PRIVATE KEY'] },
  { detector: 'jwt', kind: 'JSON Web Token', family: 'jwt', pattern: /\b(eyJ[A-Za-z0-9_-]{10,4096}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{16,4096})/g, hints: ['eyJ'] },
];

/** `scheme://user:password@host`. */
const CONNECTION_STRING = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^:/\s@'"`]{1,64}):([^@\s/'"`]{1,128})@[\w.-]/gi;

/** The `scheme://user:password@host` URLs of a text: each scheme, its password and where the password starts. */
export function* connectionStrings(text: string): Generator<{ scheme: string; password: string; start: number }> {
  if (!text.includes('://')) return;
  for (const m of text.matchAll(CONNECTION_STRING)) {
    yield { scheme: m[1]!.toLowerCase(), password: m[3]!, start: m.index! + m[1]!.length + 3 + m[2]!.length + 1 };
  }
}

/** Names that hold a secret, at the end of an identifier (`DB_PASSWORD`, `apiKey`, `client-secret`, `authToken`). */
const SECRET_KEY = '(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|auth[_-]?key|client[_-]?secret|credentials?)';

/** Where a secret-looking name may be: the search starts at these words, then widens to the whole identifier. */
const SECRET_WORD = new RegExp(SECRET_KEY, 'gi');
/** After the identifier: an optional closing quote, the assignment operator, an optional quote and the value. */
const ASSIGNED = /["']?[ \t]*(?::=|=>|=|:(?=[ \t"'`]))[ \t]*(["'`]?)([^\s"'`,;{}()<>[\]]{1,200})/y;
const IDENTIFIER_CHAR = /[\w.-]/;

/**
 * `name = "value"`, `name: value`, `NAME=value`, `"name": "value"`, `export NAME=value`: found from each secret
 * word outwards (the identifier around it, then what follows), so the cost is one pass plus a little per word.
 */
function* assignments(text: string): Generator<{ name: string; quote: string; value: string; valueStart: number }> {
  for (const word of text.matchAll(SECRET_WORD)) {
    let start = word.index!;
    while (start > 0 && start > word.index! - 60 && IDENTIFIER_CHAR.test(text[start - 1]!)) start--;
    let end = word.index! + word[0].length;
    while (end < text.length && end < word.index! + 80 && /\w/.test(text[end]!)) end++;
    const name = text.slice(start, end).replace(/^[.-]+/, '');
    if (!/^[A-Za-z_]/.test(name)) continue;
    ASSIGNED.lastIndex = end;
    const m = ASSIGNED.exec(text);
    if (!m) continue;
    // `token = GetToken(request)`, `password=response['SecretString']`: a call or a lookup, not a value.
    if (!m[1] && (text[end + m[0].length] === '(' || text[end + m[0].length] === '[')) continue;
    yield { name, quote: m[1]!, value: m[2]!, valueStart: end + m[0].length - m[2]!.length };
  }
}

/** A secret-named variable with a literal fallback in code: `process.env.DB_PASSWORD || "rootpassword"`, `os.getenv("DB_PASSWORD", "x")`. */
const CODE_FALLBACK = new RegExp(
  `((?:process\\.env|import\\.meta\\.env)(?:\\.|\\[["'])\\w{0,40}${SECRET_KEY}\\w{0,40}(?:["']\\])?)\\s*(?:\\|\\||\\?\\?)\\s*(["'\`])([^"'\`\\n]{1,200})\\2` +
    `|(?:getenv|environ\\.get|ENV\\.fetch|env)\\(\\s*["'](\\w{0,40}${SECRET_KEY}\\w{0,40})["']\\s*,\\s*(["'])([^"'\\n]{1,200})\\5`,
  'gi',
);

/** Values that stand for a secret without being one. */
const PLACEHOLDER_VALUE =
  /^(?:\$|%|\{\{|\$\{|<|\[|#\{|@@|__)|^(?:x+|\*+|\.+|-+|0+|null|nil|none|undefined|true|false|yes|no|changeme|change[-_]?me|change[-_]?it|todo|tbd|fixme|redacted|placeholder|dummy|fake|sample|example|test|secret|password|pass|token|key|value|string|your[-_a-z]*|my[-_]?(?:password|secret|token|key)|enter[-_a-z]*|insert[-_a-z]*|replace[-_a-z]*|xxx.*|\w*example\w*|\w*placeholder\w*|\w*dummy\w*|\w*_here)$/i;

/** True when `value` is a placeholder, a template, a reference to where the secret is kept, or obviously not one. */
export function isPlaceholder(value: string, name = ''): boolean {
  const v = value.trim().replace(/^["'`]|["'`]$/g, '');
  if (v.length < 4 || PLACEHOLDER_VALUE.test(v)) return true;
  if (/example|sample|dummy|placeholder|changeme|redacted|your[-_]|xxxx|\*\*\*\*|lorem|fake/i.test(v)) return true;
  if (/^(arn:|\/|\.\.?\/|~\/|https?:\/\/[^:@]*$|ssm:|secretsmanager:|vault:|file:|env:|sm:\/\/|\w+:\/\/\$)/i.test(v)) return true;
  if (name && v.toLowerCase() === name.toLowerCase()) return true;
  // A template's variable: `DOMAIN_ADMIN_PW`, `DB_PASSWORD_HERE`.
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v)) return true;
  // A lookup, not a literal: `config.password`, `settings.SECRET_KEY`, `getSecret()`, `env.DB_PASS`.
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(v) || /\w\(/.test(v)) return true;
  return new Set(v).size <= 2;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Documentation keys and values: AWS's own example key pair, and tokens spelled out as examples. */
function isDocumentationToken(secret: string): boolean {
  return /EXAMPLE|example|FAKE|fake|DUMMY|dummy|XXXX|xxxx|0000000000|1234567890abcdef|abcdefghij/i.test(secret);
}

export interface ScanOptions {
  /** Test and fixture files: only formatted tokens are reported there, not assignments. */
  fixture?: boolean;
  /** Program source (not configuration): an unquoted value assigned there is a variable, not a literal. */
  code?: boolean;
}

const ALL_HINTS = [...new Set(TOKENS.flatMap((t) => t.hints))];
/** One alternation per set of hints still unseen, made once: most files need only the first. */
const hintSearches = new Map<string, RegExp>();

/**
 * The detectors' hints that occur in the text, in one pass or a few: a search for every hint not seen yet,
 * resumed after each find. (Searching for each hint on its own read every file once per hint.)
 */
function hintsIn(text: string): Set<string> {
  const seen = new Set<string>();
  for (let at = 0; seen.size < ALL_HINTS.length; ) {
    const unseen = ALL_HINTS.filter((h) => !seen.has(h));
    const key = unseen.join('\u0000');
    let search = hintSearches.get(key);
    if (!search) hintSearches.set(key, (search = new RegExp(unseen.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')));
    search.lastIndex = at;
    const m = search.exec(text);
    if (!m) break;
    seen.add(m[0]);
    // From the same place: another hint may start there too (each search has one hint fewer, so this ends).
    at = m.index;
  }
  return seen;
}

/** Every secret in a text, in offset order, each once. */
export function findSecrets(text: string, options: ScanOptions = {}): SecretMatch[] {
  const found: SecretMatch[] = [];
  const taken: [number, number][] = [];
  const add = (m: SecretMatch) => {
    if (taken.some(([s, e]) => m.start < e && s < m.end)) return;
    taken.push([m.start, m.end]);
    found.push(m);
  };
  const hints = hintsIn(text);
  for (const t of TOKENS) {
    if (!t.hints.some((hint) => hints.has(hint))) continue;
    for (const m of text.matchAll(t.pattern)) {
      const secret = m[1]!;
      if (isDocumentationToken(secret)) continue;
      const start = m.index! + m[0].indexOf(secret);
      add({ family: t.family, detector: t.detector, kind: t.kind, secret, start, end: start + secret.length });
    }
  }
  for (const { scheme, password, start } of connectionStrings(text)) {
    if (password.length < 4 || /^\$|\$\{|\{\{|<|%/.test(password) || isDocumentationToken(password) || /^(password|pass|secret|pwd)$/i.test(password)) continue;
    add({ family: 'connection-string', detector: 'connection-string-password', kind: `${scheme} connection string password`, secret: password, start, end: start + password.length });
  }
  if (options.fixture) return found.sort((a, b) => a.start - b.start);
  const fallbacks = /env|ENV/.test(text) ? text.matchAll(CODE_FALLBACK) : [];
  for (const m of fallbacks) {
    const name = (m[1] ?? m[4])!;
    const value = (m[3] ?? m[6])!;
    if (isPlaceholder(value, name.replace(/^.*[.[]["']?/, ''))) continue;
    const start = m.index! + m[0].lastIndexOf(value);
    add({ family: 'assignment', detector: 'hardcoded-fallback', kind: `fallback for ${name.replace(/^.*[.[]["']?|["']\]$/g, '')}`, secret: value, start, end: start + value.length });
  }
  for (const { name, quote, value, valueStart } of assignments(text)) {
    if (options.code && quote === '') continue;
    if (!assignedSecret(name, value, quote !== '')) continue;
    add({ family: 'assignment', detector: 'generic-secret-assignment', kind: name, secret: value, start: valueStart, end: valueStart + value.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether a value assigned to a secret-looking name is a secret: not a placeholder or reference, long enough, and
 * either random-looking (entropy) or a password written in quotes or an env-style assignment.
 */
function assignedSecret(name: string, value: string, quoted: boolean): boolean {
  if (/^(token_?type|password_?(policy|length|min|max|reset|hash|field|label|prompt|file|path)\w*|\w*_(file|path|url|uri|endpoint|length|len|count|ttl|expiry|expires|timeout|type|name|id))$/i.test(name)) return false;
  if (/(?:file|path|url|uri|name|type|length|id)$/i.test(name)) return false;
  if (isPlaceholder(value, name)) return false;
  if (value.length < 6) return false;
  if (/^\d+$/.test(value) && value.length < 12) return false;
  const passwordLike = /pass|pwd/i.test(name);
  const bits = entropy(value);
  // A password needs no entropy to be a credential; a key or token without it is more likely an identifier.
  return passwordLike ? quoted || !/^[a-z]+$/i.test(value) || value.length >= 8 : bits >= 3.0 && value.length >= 12;
}
