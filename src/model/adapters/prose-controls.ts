// Security controls a description states ("over HTTPS", "authenticated with JWT", "encrypted at rest",
// "rate-limited", "up to 10MB"), as property settings with the words they came from.

import type { ElementProps } from '../schema/architecture.js';
import { flowHints } from './vocabulary.js';

export interface ElementControl {
  prop: keyof ElementProps;
  value: boolean;
  /** Which element of the clause it describes. */
  on: 'receiver' | 'store' | 'actor-or-subject';
  words: string;
}

export interface FlowControl {
  prop: 'encrypted' | 'authenticated' | 'protocol' | 'port';
  value: boolean | string | number;
  words: string;
}

const ELEMENT_RULES: ReadonlyArray<readonly [RegExp, keyof ElementProps, boolean, ElementControl['on']]> = [
  // The first rule that matches sets a property, so what a design denies comes before what it states. A stated
  // control inside a denial ("no input validation or request size limit") is denied too (see `negated`).
  [/\b(?:no|without|not)\s+(?:any\s+)?(?:rate[- ]limit\w*|throttling)\b/i, 'rateLimited', false, 'receiver'],
  [/\b(?:no|without|not)\s+(?:any\s+)?(?:input validation|validation)\b/i, 'validatesInput', false, 'receiver'],
  [/\b(?:no|without|not)\s+(?:any\s+)?(?:request[- ]size limits?|body[- ]size limits?|size limits?)\b/i, 'sizeLimits', false, 'receiver'],
  [/\b(?:no|without|not)\s+(?:any\s+)?audit(?:[- ]log\w*)?\b/i, 'auditLogging', false, 'receiver'],
  // Where a service gets its secrets: from a secret store is the control, in its environment or code the weakness.
  [/\b(?:from|via|in|using)\s+(?:the\s+|a\s+)?(?:aws\s+)?(?:secrets? manager|vault|key vault|secret store|parameter store|secretkeyref|kubernetes secrets?)\b/i, 'storesCredentials', false, 'actor-or-subject'],
  [/\b(?:passwords?|secrets?|credentials?|api[- ]?keys?|keys?|tokens?|secret keys?|private keys?)\b[^.;]{0,40}?\b(?:in|from)\s+(?:an?\s+|the\s+)?(?:env(?:ironment)?(?:\s+var(?:iable)?s?)?|\.env|config(?:uration)?(?: files?)?|source(?: code)?|code|image|repo(?:sitory)?|docker-compose(?:\.ya?ml)?|compose files?)\b|\bhard-?coded\b/i, 'storesCredentials', true, 'actor-or-subject'],
  [/\b(?:jwt|oauth2?|oidc|sso|saml|api[- ]key|mtls|token)[- ](?:auth\w*|protected|login)\b/i, 'authenticatesCallers', true, 'receiver'],
  [/\b(?:(?:not|never|without|no)\s+(?:\w+\s+)?(?:encrypt\w*|encryption)(?: at rest)?|unencrypted)\b/i, 'encryptedAtRest', false, 'store'],
  [/\b(?:encrypted at rest|encrypts? (?:\w+ )?at rest|server-side encryption|sse-kms|sse-s3|kms[- ]encrypted|encryption at rest)\b/i, 'encryptedAtRest', true, 'store'],
  [/\b(?:rate[- ]limit(?:ed|s|ing)?|throttl(?:ed|es|ing))\b/i, 'rateLimited', true, 'receiver'],
  [/\b(?:up to|max(?:imum)?|at most|limit(?:ed)? (?:to|of)|no (?:larger|bigger) than)\s*\d+(?:\.\d+)?\s*(?:[kmgt]i?b|bytes?|megabytes?|gigabytes?|kilobytes?)\b|\b\d+(?:\.\d+)?\s*(?:[kmg]i?b|kilobytes?|megabytes?) (?:request |body |upload )?(?:size )?limit\b|\b(?:request[- ]|body[- ])?size[- ]limit(?:ed|s)?\b/i, 'sizeLimits', true, 'receiver'],
  [/\b(?:validat\w+|sanitiz\w+|sanitis\w+) (?:the |all |every )?(?:input|requests?|responses?|payloads?|uploads?|files?|content|messages?|data)\b|\b(?:schema|input) validation\b/i, 'validatesInput', true, 'receiver'],
  [/\b(?:unauthenticated|anonymous(?:ly)?|without (?:any )?(?:auth|authentication|login)|no (?:auth|authentication|login))\b/i, 'authenticatesCallers', false, 'receiver'],
  [/\b(?:authenticated (?:with|by|using|via)|requires? (?:an? )?(?:authentication|auth|login|jwt|tokens?|api keys?|sign[- ]in)|(?:with|using|via|behind) (?:jwt|oauth2?|oidc|api keys?|cognito|auth0|keycloak|okta|bearer tokens?|mtls)|authenticates (?:users|callers|requests|clients))\b/i, 'authenticatesCallers', true, 'receiver'],
  [/\b(?:checks? (?:roles?|permissions?|scopes?)|authoriz\w+ (?:every|each|all) requests?|rbac|role-based access)\b/i, 'authorizesRequests', true, 'receiver'],
  // CORS: a wildcard or any origin is the weakness, an allow-list of origins the control.
  [/\bcors\s*(?:[:=]\s*)?(?:\*|["'`]\*["'`]|(?:allows?|for|from|open to) (?:any|all|every) origins?|wildcard|allow[- ]all|wide open|open\b|permissive)|\b(?:permissive|wildcard|open|allow-all) cors\b|access-control-allow-origin\s*[:=]?\s*["'`]?\*|\b(?:allows?|accepts?) (?:requests from )?(?:any|all|every) origins?\b/i, 'corsRestricted', false, 'receiver'],
  [/\bcors\s*(?:[:=]\s*)?(?:allow[- ]?list\w*|whitelist\w*|restricted|limited|locked down|(?:to|for) (?:the |our )?(?:frontend|app|https?:\/\/|[\w-]+\.[a-z]{2,}))|\b(?:allowed|trusted) origins?\b|\borigin allow[- ]?list\b/i, 'corsRestricted', true, 'receiver'],
  [/\b(?:blocks? public access|private bucket|not public(?:ly accessible)?|no public access)\b/i, 'publicAccess', false, 'store'],
  [/\b(?:public(?:ly)? (?:readable|accessible|bucket)|public-read)\b/i, 'publicAccess', true, 'store'],
  [/\b(?:versioning|versioned|object lock)\b/i, 'versioning', true, 'store'],
  [/\b(?:backups?|backed up|point-in-time recovery|snapshots?)\b/i, 'backups', true, 'store'],
  [/\b(?:audit[- ]log\w*|logs? (?:every|all|each) (?:request|action|login|change)s?)\b/i, 'auditLogging', true, 'receiver'],
  [/\b(?:unmonitored|unwatched|(?:no|without) (?:\w+ )?(?:alarms?|alerts?|alerting|monitoring)|(?:nobody|no one|never) (?:monitors|watches|checks|looks at))\b/i, 'monitored', false, 'store'],
  [/\b(?:alarms?|alert(?:s|ing|ed)?|monitored|monitoring)\b/i, 'monitored', true, 'store'],
  // Default or guessable logins: the well-known pairs and a password that is its own name.
  [/\b(?:root|admin|sa|postgres|guest)\s*\/\s*(?:root|admin|password|postgres|guest|changeme)\b|\b(?:default|weak|well-known|guessable|blank|empty) (?:admin |root )?(?:passwords?|credentials?|logins?)|\bpassword\s*[:=]?\s*["'`]?(?:password|admin|root|123456|changeme|secret|letmein)\b/i, 'weakCredentials', true, 'store'],
  [/\b(?:(?:generated|strong|random|long|unique|rotated) (?:\w+ )?passwords?|iam (?:database )?auth\w*|passwordless|certificate auth\w*)\b/i, 'weakCredentials', false, 'store'],
  [/\bleast[- ]privilege\b/i, 'leastPrivilege', true, 'actor-or-subject'],
  [/\b(?:mfa|two[- ]factor|2fa|multi[- ]factor)\b/i, 'mfa', true, 'receiver'],
  [/\b(?:never|don'?t|do not|without(?: an?)?|no) expir\w*\b/i, 'signedUrlExpiry', false, 'actor-or-subject'],
  [/\b(?:expir(?:e|es|ing|y)|short[- ]lived|valid for \d+)\b/i, 'signedUrlExpiry', true, 'actor-or-subject'],
  [/\b(?:runs? as root)\b/i, 'runsAsRoot', true, 'actor-or-subject'],
  [/\b(?:non-root|runs? as (?:a )?non[- ]root)\b/i, 'runsAsRoot', false, 'actor-or-subject'],
  // Reachable from outside: stated exposure, or a port published on every interface of the host.
  [/\b(?:internal(?: network)? only|only (?:on|to) the internal network|bound to (?:127\.0\.0\.1|localhost|the internal network)|localhost only|private subnet|not (?:published|exposed|reachable from outside))\b/i, 'internetFacing', false, 'receiver'],
  [/\b(?:internet[- ]facing|public(?:ly exposed)? (?:api|endpoint)|exposed to the (?:internet|outside|world)|publicly reachable|ports? \d{2,5}(?:\s+is|\s+are)? (?:published|exposed|open)|(?:published|exposed|bound|listening|listens) (?:to|on) (?:0\.0\.0\.0|all interfaces|the host))\b/i, 'internetFacing', true, 'receiver'],
  // Browser-side defences and the firewall in front ("CSRF tokens", "CSP and output encoding", "behind a WAF"; "no WAF" is denied).
  [/\b(?:csrf[- ](?:tokens?|protection|protected|middleware|checks?)|anti[- ]csrf|samesite(?:=|\s+)(?:lax|strict)|samesite cookies?|double[- ]submit cookies?)\b/i, 'csrfProtection', true, 'receiver'],
  [/\b(?:output[- ]encod\w*|(?:html[- ])?escap(?:es|ed|ing) (?:all )?output|auto[- ]?escap\w*|content[- ]security[- ]polic(?:y|ies)|csp|dompurify|sanitis\w* html|sanitiz\w* html)\b/i, 'outputEncoding', true, 'receiver'],
  [/\b(?:waf|web application firewall)\b/i, 'waf', true, 'receiver'],
  // A hardening baseline ("CIS-hardened", "hardened image"); "not hardened" is denied, "unhardened" says so itself.
  [/\b(?:unhardened|no hardening)\b/i, 'hardened', false, 'actor-or-subject'],
  [/\b(?:hardened|cis[- ]benchmark|hardening baseline)\b/i, 'hardened', true, 'actor-or-subject'],
];

/** Clause breaks: a denial reaches across "or" and list commas, never past these. */
const CLAUSE_BREAK = /[;.()\n]|,(?!\s*(?:or|nor)\b)|\b(?:but|and|while|with)\b/gi;

/** Whether the words before `index` in its clause deny it ("no validation or request size limit"). */
function negated(clause: string, index: number): boolean {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(clause); m && m.index < index; m = CLAUSE_BREAK.exec(clause)) start = m.index + m[0].length;
  return /\b(?:no|not|without|never|lacks?|missing)\b/i.test(clause.slice(start, index));
}

export function elementControls(clause: string): ElementControl[] {
  const out: ElementControl[] = [];
  for (const [re, prop, value, on] of ELEMENT_RULES) {
    if (out.some((c) => c.prop === prop)) continue;
    const m = re.exec(clause);
    if (m) out.push({ prop, value: negated(clause, m.index) ? !value : value, on, words: m[0] });
  }
  return out;
}

/** Protocol and encryption from the clause; authentication only when stated as a control, not as data ("returns JWT"). */
export function flowControls(clause: string): FlowControl[] {
  const hints = flowHints(clause);
  const out: FlowControl[] = [];
  const words = (re: RegExp) => re.exec(clause)?.[0] ?? clause;
  if (hints.protocol) out.push({ prop: 'protocol', value: hints.protocol, words: words(/\b(?:https?|mtls|tls|grpcs?|amqps?|sql|wss?|websockets?|sftp|ssh)\b/i) });
  if (hints.port !== undefined) out.push({ prop: 'port', value: hints.port, words: words(/(?::|\bport\s+)\d+/i) });
  if (hints.encrypted !== undefined) out.push({ prop: 'encrypted', value: hints.encrypted, words: words(/\b(?:https|tls|mtls|ssl|http|plain ?text|unencrypted|encrypted)\b/i) });
  const auth = /\b(?:authenticated (?:with|by|using|via)\s+\S+|(?:with|using|via|over) (?:jwt|oauth2?|oidc|api keys?|bearer tokens?|mtls|sigv4|iam auth)|signed requests?|mtls)\b/i.exec(clause);
  const noAuth = /\b(?:unauthenticated|anonymous(?:ly)?|without (?:any )?auth\w*)\b/i.exec(clause);
  if (noAuth) out.push({ prop: 'authenticated', value: false, words: noAuth[0] });
  else if (auth) out.push({ prop: 'authenticated', value: true, words: auth[0] });
  return out;
}
