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
  // The first rule that matches sets a property, so what a design denies comes before what it states.
  [/\b(?:no|without|not)\s+(?:any\s+)?(?:rate[- ]limit\w*|throttling)\b/i, 'rateLimited', false, 'receiver'],
  [/\b(?:no|without|not)\s+(?:any\s+)?(?:input validation|validation|request[- ]size limits?)\b/i, 'validatesInput', false, 'receiver'],
  [/\b(?:no|without|not)\s+(?:any\s+)?audit(?:[- ]log\w*)?\b/i, 'auditLogging', false, 'receiver'],
  // Where a service gets its secrets: from a secret store is the control, in its environment or code the weakness.
  [/\b(?:from|via|in|using)\s+(?:the\s+|a\s+)?(?:aws\s+)?(?:secrets? manager|vault|key vault|secret store|parameter store|secretkeyref|kubernetes secrets?)\b/i, 'storesCredentials', false, 'actor-or-subject'],
  [/\b(?:passwords?|secrets?|credentials?|api[- ]?keys?|keys?|tokens?|secret keys?|private keys?)\b[^.;]{0,40}?\b(?:in|from)\s+(?:an?\s+|the\s+)?(?:env(?:ironment)?(?:\s+var(?:iable)?s?)?|\.env|config(?:uration)?(?: files?)?|source(?: code)?|code|image|repo(?:sitory)?)\b|\bhard-?coded\b/i, 'storesCredentials', true, 'actor-or-subject'],
  [/\b(?:jwt|oauth2?|oidc|sso|saml|api[- ]key|mtls|token)[- ](?:auth\w*|protected|login)\b/i, 'authenticatesCallers', true, 'receiver'],
  [/\b(?:not|never|without|no)\s+(?:\w+\s+)?(?:encrypt\w*|encryption)(?: at rest)?\b/i, 'encryptedAtRest', false, 'store'],
  [/\b(?:encrypted at rest|encrypts? (?:\w+ )?at rest|server-side encryption|sse-kms|sse-s3|kms[- ]encrypted|encryption at rest)\b/i, 'encryptedAtRest', true, 'store'],
  [/\b(?:rate[- ]limit(?:ed|s|ing)?|throttl(?:ed|es|ing))\b/i, 'rateLimited', true, 'receiver'],
  [/\b(?:up to|max(?:imum)?|at most|limit(?:ed)? (?:to|of)|no (?:larger|bigger) than)\s*\d+(?:\.\d+)?\s*(?:[kmgt]i?b|bytes?|megabytes?|gigabytes?)\b|\bsize[- ]limit(?:ed|s)?\b/i, 'sizeLimits', true, 'receiver'],
  [/\b(?:validat\w+|sanitiz\w+|sanitis\w+) (?:the |all |every )?(?:input|requests?|responses?|payloads?|uploads?|files?|content|messages?|data)\b|\bschema validation\b/i, 'validatesInput', true, 'receiver'],
  [/\b(?:unauthenticated|anonymous(?:ly)?|without (?:any )?(?:auth|authentication|login)|no (?:auth|authentication|login))\b/i, 'authenticatesCallers', false, 'receiver'],
  [/\b(?:authenticated (?:with|by|using|via)|requires? (?:an? )?(?:authentication|auth|login|jwt|tokens?|api keys?|sign[- ]in)|(?:with|using|via|behind) (?:jwt|oauth2?|oidc|api keys?|cognito|auth0|keycloak|okta|bearer tokens?|mtls)|authenticates (?:users|callers|requests|clients))\b/i, 'authenticatesCallers', true, 'receiver'],
  [/\b(?:checks? (?:roles?|permissions?|scopes?)|authoriz\w+ (?:every|each|all) requests?|rbac|role-based access)\b/i, 'authorizesRequests', true, 'receiver'],
  [/\b(?:blocks? public access|private bucket|not public(?:ly accessible)?|no public access)\b/i, 'publicAccess', false, 'store'],
  [/\b(?:public(?:ly)? (?:readable|accessible|bucket)|public-read)\b/i, 'publicAccess', true, 'store'],
  [/\b(?:versioning|versioned|object lock)\b/i, 'versioning', true, 'store'],
  [/\b(?:backups?|backed up|point-in-time recovery|snapshots?)\b/i, 'backups', true, 'store'],
  [/\b(?:audit[- ]log\w*|logs? (?:every|all|each) (?:request|action|login)s?)\b/i, 'auditLogging', true, 'receiver'],
  [/\bleast[- ]privilege\b/i, 'leastPrivilege', true, 'actor-or-subject'],
  [/\b(?:mfa|two[- ]factor|2fa|multi[- ]factor)\b/i, 'mfa', true, 'receiver'],
  [/\b(?:never|don'?t|do not|without(?: an?)?|no) expir\w*\b/i, 'signedUrlExpiry', false, 'actor-or-subject'],
  [/\b(?:expir(?:e|es|ing|y)|short[- ]lived|valid for \d+)\b/i, 'signedUrlExpiry', true, 'actor-or-subject'],
  [/\b(?:runs? as root)\b/i, 'runsAsRoot', true, 'actor-or-subject'],
  [/\b(?:non-root|runs? as (?:a )?non[- ]root)\b/i, 'runsAsRoot', false, 'actor-or-subject'],
  [/\b(?:internet[- ]facing|public(?:ly exposed)? (?:api|endpoint)|exposed to the internet)\b/i, 'internetFacing', true, 'receiver'],
];

export function elementControls(clause: string): ElementControl[] {
  const out: ElementControl[] = [];
  for (const [re, prop, value, on] of ELEMENT_RULES) {
    if (out.some((c) => c.prop === prop)) continue;
    const m = re.exec(clause);
    if (m) out.push({ prop, value, on, words: m[0] });
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
