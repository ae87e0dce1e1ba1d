// What an application element shows of itself, read from the derived facts and the design's words: whether it
// runs in people's browsers or serves them pages, which data formats it parses, whether it is a file store, and
// whether it is an administrative interface. Shared by the web, injection and identity patterns.

import { OUTSIDE_KINDS, STORE_KINDS, type DataFormat, type Element } from '../../schema/architecture.js';
import type { ElementContext, ElementFacts } from '../types.js';
import { browserCalls, usesCookieWords } from './callers.js';

/** Kinds that run code of ours and take requests (the subjects of application-security threats). */
export const APP_KINDS = ['process', 'web-app', 'gateway', 'function'] as const;
/** Kinds that run code and take requests, identity providers included (they parse SAML, LDAP, XML too). */
export const CODE_KINDS = ['process', 'web-app', 'gateway', 'function', 'identity-provider'] as const;

/** A person or a third party's system: not ours to run. */
export function isOutside(kind: string): boolean {
  return OUTSIDE_KINDS.has(kind);
}

/** Keeps data or secrets for others (database, cache, queue, bucket, secret store). */
export function isStore(kind: string): boolean {
  return STORE_KINDS.has(kind);
}

/** Lower-cased name, technology and description. */
export function wordsOf(element: Element): string {
  return `${element.name} ${element.technology ?? ''} ${element.description ?? ''}`.toLowerCase();
}

/** A frontend that runs on its users' devices (SPA, mobile app): its calls leave their devices for our servers. */
export function runsOnUsersDevices(facts: ElementFacts): boolean {
  return facts.element.kind === 'web-app' && !facts.inInternet && facts.outgoing.some((f) => f.fromInternet);
}

/** Words of a server that renders pages for browsers: web servers, server-side web frameworks, CMSs, portals. */
const PAGE_SERVER =
  /\bweb ?servers?\b|\bweb ?app(?:lication)?s?\b|\bapplication servers?\b|\bserver[- ]rendered\b|\bserver[- ]side render|\bssr\b|\bmvc\b|\brails\b|\bdjango\b|\blaravel\b|\bphp\b|\basp\.net\b|\bjsp\b|\bthymeleaf\b|\bcms\b|\bwordpress\b|\bdrupal\b|\bportal\b|\bwebshop\b|\bstorefront\b|\bnext\.?js\b|\bapache\b|\btomcat\b|\biis\b|\bweb ?ui\b|\badmin (?:console|panel|ui|portal|dashboard)\b/;

/**
 * Serves browsers: a frontend that is not only static code on users' devices, or a service with page-server words
 * (web server, web application, CMS, portal) that people or their browsers call, directly or through a gateway.
 */
export function servesBrowsers(ctx: ElementContext): boolean {
  const { element, facts } = ctx;
  if (element.kind === 'web-app') return !runsOnUsersDevices(facts) || facts.incoming.some((f) => f.source.kind === 'actor');
  // Gateways, CDNs and proxies pass pages on; the server behind them renders them.
  if (element.kind !== 'process' && element.kind !== 'function') return false;
  return PAGE_SERVER.test(wordsOf(element)) && browserCalls(facts, ctx.model).count > 0;
}

/** Cookie or server-side session words on the element or on what browsers send it. */
export function usesCookieSessions(ctx: ElementContext): boolean {
  return usesCookieWords(wordsOf(ctx.element)) || browserCalls(ctx.facts, ctx.model).cookies;
}

/**
 * Browsers authenticate with a bearer token they put in a header themselves (JWT, access token; or the element
 * hands them one), and nothing says cookies: a forged cross-site request carries no credentials, so CSRF does not apply.
 */
export function bearerTokenOnly(ctx: ElementContext): boolean {
  if (usesCookieSessions(ctx)) return false;
  const calls = browserCalls(ctx.facts, ctx.model);
  // Handing the browser a token ("returns JWT") means its next requests carry it, in a header.
  const handsOutToken = ctx.facts.outgoing.some((f) => f.target.kind === 'actor' && f.tags.has('jwt'));
  return (calls.count > 0 && calls.allBearer) || handsOutToken || (ctx.facts.tags.has('jwt') && ctx.element.props.authenticatesCallers === true);
}

/** Words for the formats a component parses, where the design states no `dataFormats`. */
const FORMAT_WORDS: Readonly<Record<'xml' | 'serialization', RegExp>> = {
  xml: /\bxml\b|\bsoap\b|\bsaml\b|\bsvg\b|\bwsdl\b|\bxslt?\b|\bxhtml\b|\brss\b|\batom feeds?\b|\bdocx\b|\bxlsx\b|\bebxml\b|\bedifact xml\b|\bubl\b/,
  serialization:
    /\bjava (?:object )?seriali[sz]\w*|\bseriali[sz]ed (?:java |\.net |python )?objects?\b|\bnative (?:object )?seriali[sz]\w*|\bpickle[sd]?\b|\bbinaryformatter\b|\bnetdatacontractserializer\b|\bobjectinputstream\b|\b(?:java )?rmi\b|\bjrmp\b|\biiop\b|\bejb\b|\bviewstate\b|\bphp unseriali[sz]e|\bunserialize\(|\bmarshal(?:ed|led)? objects?\b|\bkryo\b|\bhessian\b|\bxstream\b|\bjava beans? xml\b|\bdeseriali[sz]\w* (?:java|\.net|python|objects?)\b|\byaml\.load\b/,
};

/** Where a format is said: the element's own `dataFormats`, its words, or the words of what is sent to it. */
export function formatEvidence(ctx: ElementContext, format: 'xml' | 'serialization'): string | undefined {
  if (ctx.element.dataFormats?.includes(format as DataFormat)) return `accepts ${format === 'xml' ? 'XML' : 'serialized objects'} (dataFormats)`;
  const words = FORMAT_WORDS[format];
  const own = words.exec(wordsOf(ctx.element));
  if (own) return `its description says "${own[0]}"`;
  // What is sent to it, and what it reads from a queue or store.
  for (const f of [...ctx.facts.incoming, ...ctx.facts.outgoing.filter((o) => o.reads)]) {
    const said = words.exec(f.text);
    if (said) return `${f.display} carries "${said[0]}"`;
  }
  return undefined;
}

/** File stores: file servers, network shares, local file systems (object storage is a bucket). */
const FILE_STORE = /\bfile ?servers?\b|\bfile ?shares?\b|\bfile ?systems?\b|\bfilesystems?\b|\bnfs\b|\bsmb\b|\bcifs\b|\bsamba\b|\befs\b|\bazure files\b|\bshared (?:drive|folder|disk|volume)s?\b|\blocal (?:disk|files?|storage|volume)s?\b|\bnas\b|\bsftp servers?\b|\bfile stor(?:e|age)\b|\bdocument stor(?:e|age)\b/;

export function isFileStore(element: Element): boolean {
  return element.kind === 'bucket' || (element.kind !== 'actor' && FILE_STORE.test(wordsOf(element)));
}

/** Words of an administrative or operations interface. */
const ADMIN =
  /\badmin(?:istration|istrative)?\b|\bback[- ]?office\b|\bmanagement (?:console|ui|portal|interface|plane|api)\b|\bops (?:console|portal|dashboard)\b|\bbastion\b|\bjump ?(?:host|box|server)\b|\bkubernetes (?:api|dashboard)\b|\bkube-?apiserver\b|\bk8s api\b|\bjenkins\b|\bci\/cd\b|\bargo ?cd\b|\bgrafana\b|\bkibana\b|\bphpmyadmin\b|\bpgadmin\b|\bcontrol panel\b|\bsuperuser\b/;

export function isAdminInterface(element: Element): boolean {
  return ADMIN.test(wordsOf(element));
}

