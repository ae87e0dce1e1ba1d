// Server-side request pattern: a service that fetches URLs it is given (server-side request forgery), and one that
// opens files by names taken from requests (path traversal).

import { C } from '../compliance.js';
import { elementHas, sourceValidatesInput } from '../controls.js';
import type { Control, ElementContext, ElementThreatRule, FlowContext, FlowThreatRule } from '../types.js';
import { isSensitive, joinNames } from '../vocabulary.js';
import { CODE_KINDS, isFileStore, isOutside, isStore, runsOnUsersDevices, wordsOf } from './app-signals.js';

/** A service that fetches URLs: link previews, webhook delivery, importers, crawlers, image proxies, PDF renderers. */
const FETCHES_URLS =
  /\bfetch(?:es|ing)? (?:remote |external |user[- ]supplied |arbitrary |third[- ]party |the )?(?:urls?|links?|web ?pages?|feeds?|images? from)\b|\burl (?:fetch\w*|previews?|import\w*|download\w*|unfurl\w*)\b|\blink previews?\b|\bunfurl\w*|\b(?:sends?|delivers?|deliver(?:y|ies)|dispatch\w*|calls?|posts? to|fires?) (?:outgoing |the |user[- ]configured |customer )?webhooks?\b|\bwebhooks? (?:deliver\w*|dispatch\w*|sender|senders|worker|calls?)\b|\boutgoing webhooks?\b|\bcallback urls?\b|\bimage (?:proxy|proxies|fetch\w*)\b|\bcrawl(?:s|er|ers|ing)?\b|\bscrap(?:e|es|er|ers|ing)\b|\bimports? (?:\w+ )?from (?:a |any )?urls?\b|\bdownloads? (?:\w+ )?from (?:a |any |the given |user[- ]supplied )?urls?\b|\bpdf (?:render\w*|generat\w*)|\bheadless (?:browser|chrome)\b|\boembed\b|\bhtml[- ]to[- ]pdf\b|\bremote urls?\b/;

/** Where the design says the service fetches URLs: its own words, or an outgoing flow's. */
function fetchEvidence(ctx: ElementContext): string | undefined {
  const own = FETCHES_URLS.exec(wordsOf(ctx.element));
  // Quoted, as the words found can be a noun ("link preview", "crawler") as well as a verb.
  if (own) return `its description says "${own[0]}"`;
  for (const f of ctx.facts.outgoing) {
    const said = FETCHES_URLS.exec(f.text) ?? (/\bwebhooks?\b/.test(f.text) && isOutside(f.target.kind) ? /\bwebhooks?\b/.exec(f.text) : null);
    if (said) return `${f.display}: "${said[0]}"`;
  }
  return undefined;
}

const CLOUD = /\baws\b|\bazure\b|\bgcp\b|\bgoogle cloud\b|\blambda\b|\bec2\b|\becs\b|\beks\b|\bgke\b|\baks\b|\bfargate\b|\bcloud run\b|\bapp engine\b/;

/** Runs in a cloud account or cluster, where the instance metadata endpoint hands out credentials. */
function inCloud(ctx: ElementContext): boolean {
  return ctx.element.kind === 'function' || ctx.facts.boundaries.some((b) => b.type === 'cloud-account' || b.type === 'cluster') || CLOUD.test(wordsOf(ctx.element));
}

/** Internal services and stores it can already reach (what it calls that is not a third party). */
function internalNeighbours(ctx: ElementContext): string[] {
  return ctx.facts.outgoing.filter((f) => !isOutside(f.target.kind)).map((f) => f.target.name);
}

function sensitiveNeighbours(ctx: ElementContext): string[] {
  return ctx.facts.outgoing
    .filter((f) => !isOutside(f.target.kind) && isSensitive(ctx.model.element(f.target.id)?.sensitivity ?? f.sensitivity))
    .map((f) => f.target.name);
}

/** Nothing valuable to reach: not in a cloud (no metadata credentials) and no sensitive store or service beside it. */
const littleToReach: Control<ElementContext> = {
  id: 'ssrf.little-to-reach',
  effect: 'downgrade',
  present: (ctx) => !inCloud(ctx) && sensitiveNeighbours(ctx).length === 0,
  reason: (ctx) => `${ctx.element.name} runs outside any cloud account and reaches no store or service holding sensitive data`,
};

/** Words of a request that names the file or object it wants. */
const NAMES_FILES = /\bfile ?names?\b|\bpaths?\b|\bobject keys?\b|\bfolders?\b|\bdirector(?:y|ies)\b|\bby name\b/;

/** The caller takes requests (from people, the internet, or other services), so names in them are not its own. */
function callerTakesRequests(ctx: FlowContext): boolean {
  const caller = ctx.model.element(ctx.flow.source.id);
  return caller !== undefined && (caller.internetFacing || caller.incoming.some((f) => !isStore(f.source.kind)));
}

/**
 * A file store, opened with names taken from requests: a file system always; a bucket when the flow speaks of file
 * names, paths or folders (object stores have no directories to climb, so keys matter only when built from names).
 */
function namesFromRequests(ctx: FlowContext): boolean {
  if (!isFileStore(ctx.flow.target) || !callerTakesRequests(ctx)) return false;
  return ctx.flow.target.kind !== 'bucket' || NAMES_FILES.test(ctx.flow.text);
}

export const serverRequestElementRules: ElementThreatRule[] = [
  {
    id: 'TM-WEB-003',
    scope: 'element',
    pattern: 'web-app',
    stride: 'information-disclosure',
    kinds: ['process', 'function', 'web-app'],
    condition:
      'a service that fetches URLs it is given or that users configure (link previews, webhook delivery, URL imports, crawlers, image proxies, PDF renderers); high when it runs in a cloud account (metadata credentials) or reaches stores and services holding sensitive data, medium otherwise; stated validation of the URLs (`validatesInput: true`) lowers it',
    applies: (ctx) => !runsOnUsersDevices(ctx.facts) && fetchEvidence(ctx) !== undefined,
    controls: [littleToReach, elementHas('validatesInput', 'validates the URLs it fetches (redirects and DNS rebinding can still get past)', 'downgrade')],
    title: (ctx) => `Server-side request forgery: ${ctx.element.name} fetches internal URLs for an attacker`,
    description: (ctx) => {
      const inside = internalNeighbours(ctx);
      const targets = [
        ...(inCloud(ctx) ? ['the cloud metadata endpoint (169.254.169.254) and the credentials it hands out'] : []),
        ...(inside.length ? [joinNames(inside)] : []),
        'admin ports on localhost',
      ];
      return `${ctx.element.name} requests URLs (${fetchEvidence(ctx)}). An attacker who chooses the URL, or a redirect from it, makes ${ctx.element.name} call what only it can reach from inside the network: ${joinNames(targets)}. The response or its timing leaks internal data and services; on a cloud host the stolen role credentials open the account.`;
    },
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: false,
    cwe: ['CWE-918'],
    capec: ['CAPEC-664'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistBoundary],
    mitigations: ['MIT-SSRF-EGRESS'],
  },
];

export const serverRequestFlowRules: FlowThreatRule[] = [
  {
    id: 'TM-WEB-004',
    scope: 'flow',
    pattern: 'web-app',
    stride: 'information-disclosure',
    sourceKinds: CODE_KINDS,
    condition:
      'a service that takes requests reads or writes files in a file store (file server, network share, local file system; a bucket when the flow speaks of file names, paths or folders) and does not state that it validates the names it uses (`validatesInput: true`)',
    applies: (ctx) => ctx.flow.flow.usage !== 'devops' && namesFromRequests(ctx),
    controls: [sourceValidatesInput],
    title: (ctx) => `Path traversal: ${ctx.flow.source.name} opens files outside their folder in ${ctx.flow.target.name}`,
    description: (ctx) =>
      `${ctx.flow.source.name} reads or writes files in ${ctx.flow.target.name} for the requests it takes. A file name or key built from a request (\`../../etc/passwd\`, \`..%2f\`, an absolute path, another user's prefix) reaches files outside the intended folder: other users' documents, configuration and keys, or, when writing, code that later runs.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-22', 'CWE-73'],
    capec: ['CAPEC-126'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    mitigations: ['MIT-PATH-TRAVERSAL'],
  },
];
