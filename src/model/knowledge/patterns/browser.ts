// Web application pattern: what browsers do to the sites they visit (CSRF, XSS), the web application firewall in
// front of public web apps and APIs, and files accepted without checking what they contain.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { Control, ElementContext, ElementFacts, ElementThreatRule } from '../types.js';
import { isSensitive, joinNames } from '../vocabulary.js';
import { bearerTokenOnly, isOutside, runsOnUsersDevices, servesBrowsers, usesCookieSessions, wordsOf } from './app-signals.js';
import { browserCalls } from './callers.js';

/** Whose browsers call the element, for messages: "Customer and Admin's browsers", else "users' browsers". */
function browsersOf(ctx: ElementContext): string {
  // Services behind one gateway share its summary: the names are joined once for all of them.
  const calls = browserCalls(ctx.facts, ctx.model);
  let found = BROWSERS_OF.get(calls);
  if (found === undefined) {
    const people = joinNames(calls.names);
    BROWSERS_OF.set(calls, (found = people ? `${people}'s browsers` : "users' browsers"));
  }
  return found;
}

const BROWSERS_OF = new WeakMap<object, string>();

/** Displays what users or third parties put in (comments, profiles, messages, uploads, feeds). */
const USER_CONTENT = /\bcomments?\b|\breviews?\b|\bprofiles?\b|\bmessages?\b|\bchat\b|\bforums?\b|\bposts?\b|\buser[- ](?:generated|supplied|submitted) content\b|\brich text\b|\bmarkdown\b|\bwiki\b|\bcms\b|\bsearch results?\b|\bfeeds?\b|\bticket/;

/** A static site: pages built ahead of time, no user content rendered. */
const STATIC_SITE = /\bstatic (?:site|website|pages?|html|files?|assets?|content)\b|\bbrochure\b|\blanding page\b/;

function showsUserContent(ctx: ElementContext): boolean {
  return USER_CONTENT.test(wordsOf(ctx.element)) || ctx.facts.incoming.some((f) => USER_CONTENT.test(f.text)) || ctx.facts.uploadEndpoint;
}

function rendersForBrowsers(ctx: ElementContext): boolean {
  if (!servesBrowsers(ctx)) return false;
  if (STATIC_SITE.test(wordsOf(ctx.element)) && !showsUserContent(ctx)) return false;
  // What users supply, shown to others, is the classic carrier; otherwise our own code rendering sensitive data is
  // worth an attacker's script. A product as shipped (a bought CMS, a vendor UI) is the vendor's to fix.
  if (showsUserContent(ctx)) return true;
  return ctx.element.props.customDeveloped === true || (ctx.element.props.customDeveloped !== false && isSensitive(ctx.facts.sensitivity));
}

/** People log in to it (credentials, authenticated calls from browsers, or it states it authenticates callers): their browsers hold a session. */
function keepsLogins(ctx: ElementContext): boolean {
  return ctx.facts.loginEndpoint || ctx.element.props.authenticatesCallers === true || browserCalls(ctx.facts, ctx.model).loggedIn;
}

/** A WAF filters its traffic: stated (`waf: true`), or a CDN/WAF edge not stated to run without one ("no WAF"). */
function filtersTraffic(facts: ElementFacts): boolean {
  return facts.element.props.waf === true || (facts.element.props.waf !== false && facts.tags.has('edge'));
}

/** How many gateways in front of an element the WAF walk looks through. */
const MAX_HOPS = 4;

/**
 * The internet reaches the element with no WAF on the way: directly, or through gateways none of which filter
 * (`waf: true` or a CDN/WAF edge). Returns the path's first element, or undefined when every path is filtered.
 */
function unfilteredPath(ctx: ElementContext): string | undefined {
  const filters = (id: string): boolean => {
    const facts = ctx.model.element(id);
    return facts !== undefined && filtersTraffic(facts);
  };
  const seen = new Set<string>();
  const walk = (id: string, hops: number): string | undefined => {
    // The element's own WAF is its control (reported as mitigating); a gateway's WAF means the path is filtered.
    if (seen.has(id) || hops > MAX_HOPS || (hops > 0 && filters(id))) return undefined;
    seen.add(id);
    const facts = ctx.model.element(id);
    if (!facts) return undefined;
    if (facts.incoming.some((f) => f.fromInternet) || (facts.internetFacing && facts.element.props.internetFacing === true)) return facts.element.name;
    for (const f of facts.incoming) {
      if (f.source.kind !== 'gateway') continue;
      const found = walk(f.source.id, hops + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(ctx.element.id, 0);
}

const WAF_KINDS = ['process', 'web-app', 'function'] as const;

const wafInFront: Control<ElementContext> = {
  id: 'element.waf',
  effect: 'remove',
  present: (ctx) => filtersTraffic(ctx.facts),
  reason: (ctx) => `${ctx.element.name} is behind a web application firewall`,
};

/**
 * Accepts files: the `file` data format, or an upload endpoint stated not to validate what it takes. An upload
 * endpoint that says nothing has TM-API-001's malicious-upload threat (with the same validation steps) while it is
 * unauthenticated; its content validation is then decided with `validatesInput`.
 */
function acceptsFiles(ctx: ElementContext): boolean {
  return ctx.element.dataFormats?.includes('file') === true || (ctx.facts.uploadEndpoint && ctx.element.props.validatesInput === false);
}

export const browserRules: ElementThreatRule[] = [
  {
    id: 'TM-WEB-001',
    scope: 'element',
    pattern: 'web-app',
    stride: 'spoofing',
    kinds: ['web-app', 'process', 'gateway', 'function'],
    condition:
      'a web app or web server that browsers call and that keeps a cookie session (or does not say how browsers authenticate), with no stated CSRF protection (`csrfProtection: true`); an API that browsers call only with a bearer token in a header, and no cookies, is not CSRF-prone, and neither is a frontend that runs only on users\' devices',
    applies: (ctx) => {
      // A frontend running on users' devices sends requests; the servers it calls are the ones forged requests reach.
      if (bearerTokenOnly(ctx) || runsOnUsersDevices(ctx.facts)) return false;
      if (servesBrowsers(ctx)) return browserCalls(ctx.facts, ctx.model).count > 0 && (usesCookieSessions(ctx) || keepsLogins(ctx));
      // An API behind a browser frontend is CSRF-prone when the browser holds a cookie session for it.
      return ctx.element.kind !== 'web-app' && browserCalls(ctx.facts, ctx.model).count > 0 && usesCookieSessions(ctx);
    },
    controls: [elementHas('csrfProtection', 'defends state-changing requests against CSRF (tokens, SameSite cookies or origin checks)')],
    title: (ctx) => `Cross-site request forgery: other websites make ${browsersOf(ctx)} act on ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} takes state-changing requests from ${browsersOf(ctx)}${usesCookieSessions(ctx) ? ' and recognises them by a session cookie' : ''}. A page on any other site can make a logged-in visitor's browser submit a form or request to it, and the browser attaches the cookie: the request changes the victim's data (email, password, payments, settings) as if they had sent it.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-352'],
    capec: ['CAPEC-62'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.soc2Access],
    decidedBy: ['csrfProtection'],
    mitigations: ['MIT-CSRF'],
  },
  {
    id: 'TM-WEB-002',
    scope: 'element',
    pattern: 'web-app',
    stride: 'tampering',
    kinds: ['web-app', 'process', 'gateway', 'function'],
    condition:
      'a web app or web server that renders pages for browsers (custom-developed, or showing user-supplied content; a static site without user content is not), with no stated output encoding and Content-Security-Policy (`outputEncoding: true`)',
    applies: (ctx) => rendersForBrowsers(ctx),
    controls: [elementHas('outputEncoding', 'encodes output for its context and sets a Content-Security-Policy')],
    title: (ctx) => `Cross-site scripting: injected script runs in ${browsersOf(ctx)} through ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} renders content in ${browsersOf(ctx)}${showsUserContent(ctx) ? ', including content users supply' : ''}. Input written into a page or the DOM without encoding (a comment, a name, a URL parameter, a search term) runs as script in other users' sessions: it steals their tokens, reads what they see and acts as them.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: false,
    cwe: ['CWE-79'],
    capec: ['CAPEC-63', 'CAPEC-591', 'CAPEC-592'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    decidedBy: ['outputEncoding'],
    mitigations: ['MIT-XSS-OUTPUT-ENCODING'],
  },
  {
    id: 'TM-WEB-005',
    scope: 'element',
    pattern: 'web-app',
    stride: 'tampering',
    kinds: WAF_KINDS,
    condition:
      'a web app or API of our own (`customDeveloped: true`, or handling PII, credentials or payment data and not stated a product as shipped; not a frontend running only on users\' devices) that the internet reaches, directly or through gateways, with no web application firewall on the way (`waf: true` on it or on a gateway in front, or a CDN/WAF edge)',
    applies: (ctx) =>
      (ctx.element.props.customDeveloped === true || (ctx.element.props.customDeveloped !== false && isSensitive(ctx.facts.sensitivity))) &&
      !runsOnUsersDevices(ctx.facts) &&
      unfilteredPath(ctx) !== undefined,
    controls: [wafInFront],
    title: (ctx) => `No web application firewall in front of ${ctx.element.name}`,
    description: (ctx) => {
      const entry = unfilteredPath(ctx);
      const via = entry && entry !== ctx.element.name ? ` through ${entry}` : '';
      return `${ctx.element.name} takes requests from the internet${via} and nothing filters them first: known exploit payloads (injection, scanners, deserialisation gadgets, exploits for unpatched frameworks) reach its code directly, and there is no place to block an attack quickly while a fix ships.`;
    },
    severity: 'low',
    likelihood: 'medium',
    cwe: ['CWE-1008'],
    capec: ['CAPEC-66', 'CAPEC-63'],
    compliance: [C.pciNetwork, C.soc2Boundary, C.nistBoundary],
    decidedBy: ['waf'],
    mitigations: ['MIT-WAF'],
  },
  {
    id: 'TM-WEB-006',
    scope: 'element',
    pattern: 'web-app',
    stride: 'tampering',
    kinds: ['process', 'web-app', 'function', 'gateway'],
    condition:
      'code of our own (not `customDeveloped: false`) that accepts files (`dataFormats: [file]`, or uploads from the internet stated unvalidated, `validatesInput: false`) and does not state that it validates their content (`validatesInput: true`): type by magic bytes, malware scan, re-encoding; upload size and rate are TM-API-002',
    // A product as shipped (a Git server, a CI tool) handles files its vendor's way; Threagile judges only our own code.
    applies: (ctx) => acceptsFiles(ctx) && ctx.element.props.customDeveloped !== false && !runsOnUsersDevices(ctx.facts),
    controls: [elementHas('validatesInput', 'validates the files it accepts')],
    title: (ctx) => `Malicious files accepted by ${ctx.element.name} unchecked`,
    description: (ctx) => {
      const from = joinNames(ctx.facts.incoming.filter((f) => isOutside(f.source.kind) || f.fromInternet).map((f) => f.source.name));
      return `${ctx.element.name} accepts files${from ? ` from ${from}` : ''} and the design does not say it checks what they contain. A file whose name or Content-Type lies (a script as .jpg, an HTML or SVG page with script, a polyglot, a malware-laden document, a decompression bomb) is stored and served or processed as trusted: it infects the people who download it, runs in the site's origin or exploits the parser that opens it.`;
    },
    severity: 'medium',
    likelihood: 'medium',
    raiseForInternet: true,
    cwe: ['CWE-434'],
    capec: ['CAPEC-17'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    decidedBy: ['validatesInput'],
    mitigations: ['MIT-UPLOAD-VALIDATE'],
  },
];
