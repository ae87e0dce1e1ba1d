// Finds the components a sentence names: vocabulary technologies ("S3", "a Lambda function", "PostgreSQL")
// and noun phrases with an architecture head noun ("web API", "Auth Service", "the database", "users").

import type { ElementKind } from '../schema/architecture.js';
import { capitalize } from '../knowledge/vocabulary.js';
import { onlySpaceBetween, wordBefore } from './text-scan.js';
import { VERB_RE } from './prose-text.js';
import { findTechnologies, kindFromHeadNoun } from './vocabulary.js';

export interface Mention {
  start: number;
  end: number;
  /** Identity across the text: same key → same element. */
  key: string;
  name: string;
  kind: ElementKind;
  technology?: string;
  /** The words as written. */
  words: string;
  /** A bare reference ("the API") that should resolve to an element named earlier with the same head noun. */
  bare: boolean;
  head: string;
}

const HEADS =
  'storefronts?|processors?|handlers?|consumers?|producers?|schedulers?|daemons?|microservices?|apis?|apps?|applications?|services?|servers?|gateways?|databases?|dbs?|queues?|workers?|frontends?|front-ends?|backends?|caches?|buckets?|functions?|users?|customers?|browsers?|clients?|admins?|administrators?|generators?|providers?|portals?|websites?|dashboards?|visitors?|shoppers?|operators?';
const TECH_TAIL = /^\s+(bucket|function|database|db|queue|topic|cache|table|cluster|instance|stream|distribution|service|api|server)s?\b/i;
/** A frontend technology followed by what it is ("Vue storefront", "React app"). */
const HEAD_TAIL = /^\s+(storefronts?|apps?|applications?|frontends?|front-ends?|portals?|websites?|sites?|dashboards?|clients?|uis?)\b/i;
/** Cloud names written before a technology ("AWS S3"), which the mention takes in. */
const CLOUD_PREFIXES = new Set(['aws', 'amazon', 'azure', 'google', 'gcp']);
/** Words that make a verb-like head a noun ("the cache"). */
const DETERMINERS = new Set(['a', 'an', 'the', 'our', 'its', 'their', 'this', 'each', 'every', 'one']);
/**
 * How far after a term the tail patterns look ("S3 bucket", "API key"): a few words. Slicing only that much
 * keeps each look constant-time, however long the sentence.
 */
const TAIL_REACH = 64;

/** The runtime a word names (own keys only: "constructor" names none). */
function runtimeWord(word: string): string | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(RUNTIME_WORDS, key) ? RUNTIME_WORDS[key] : undefined;
}

/** Lower-case words that qualify a head noun ("web API", "payment service"). */
const MODIFIERS = new Set([
  'web', 'mobile', 'auth', 'authentication', 'authorization', 'payment', 'payments', 'order', 'orders', 'notification', 'notifications',
  'email', 'admin', 'image', 'upload', 'search', 'inventory', 'billing', 'account', 'accounts', 'identity', 'internal', 'public',
  'backend', 'frontend', 'front-end', 'rest', 'graphql', 'http', 'login', 'session', 'user', 'profile', 'checkout', 'catalog',
  'reporting', 'analytics', 'file', 'media', 'signed-url', 'url', 'api', 'external', 'third-party', 'partner', 'end',
  'dead-letter', 'retry', 'job', 'jobs', 'task', 'tasks', 'event', 'events', 'message', 'messages',
]);
const STOP = new Set([
  'the', 'a', 'an', 'our', 'their', 'its', 'this', 'that', 'these', 'those', 'which', 'then', 'we', 'it', 'and', 'or', 'to', 'in',
  'into', 'from', 'with', 'using', 'for', 'of', 'on', 'via', 'by', 'through', 'against', 'at', 'each', 'every', 'all', 'any',
  'new', 'when', 'if', 'once', 'after', 'before', 'also', 'is', 'are', 'be', 'uses', 'calls', 'i', 'you', 'they', 'he', 'she',
]);
/** A word that is one of the prose verbs in any form ("reads", "stored"), never a modifier. */
const VERB_WORD = new RegExp(`^(?:${VERB_RE.source})$`, 'i');
const VERB_LIKE_HEADS = /^(?:caches|queues|stores|serves|logs|functions|proxies|buckets)$/i;

/** Bare runtime names used as adjectives ("a Node worker"). */
const RUNTIME_WORDS: Record<string, string> = { node: 'Node.js', express: 'Node.js', java: 'Java', spring: 'Java', python: 'Python', django: 'Python', go: 'Go', golang: 'Go', rust: 'Rust', ruby: 'Ruby', rails: 'Ruby', php: 'PHP' };
/** Nouns after a component word that make it a modifier of something it has ("database password", "customer names"). */
const DESCRIBED_THING =
  /^\s+(?:passwords?|credentials?|secrets?|keys?|tokens?|urls?|endpoints?|hosts?(?:names?)?|connection strings?|ports?|names?|addresses|emails?|e-mails?|phone numbers?|details|data|information|profiles?|ids?|numbers?|schemas?|migrations?|backups?|dumps?|metrics)\b/i;
const ACTOR_HEADS = /^(?:users?|customers?|browsers?|clients?|admins?|administrators?|visitors?|shoppers?|operators?)$/i;

export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const hits = findTechnologies(text);
  /** Runtimes written as adjectives ("an Express API gateway", "a Node worker") give the next component its technology. */
  const runtimeBefore = new Map<number, string>();
  /** Mentions extended over a run of the same technology; their words are cut once at the end. */
  const extended = new Set<Mention>();
  hits.forEach((hit, i) => {
    const next = hits[i + 1];
    const hitEnd = hit.index + hit.length;
    const after = text.slice(hitEnd, hitEnd + TAIL_REACH);
    const nextIsAdjacent = next !== undefined && onlySpaceBetween(text, hitEnd, next.index);
    if (hit.term.kind === 'process' && (nextIsAdjacent || !TECH_TAIL.test(after))) {
      // "Node.js" alone is not a component; before another component it describes that one.
      runtimeBefore.set(skipSpace(text, hitEnd), hit.term.technology);
      return;
    }
    let start = hit.index;
    let end = hitEnd;
    const prefix = wordBefore(text, start);
    if (prefix && CLOUD_PREFIXES.has(prefix.word.toLowerCase())) start = prefix.index;
    const tail = TECH_TAIL.exec(after) ?? (hit.term.kind === 'web-app' ? HEAD_TAIL.exec(after) : null);
    let name = hit.term.displayName;
    let head = hit.term.technology.toLowerCase();
    if (tail && !(next && next.index < end + tail[0].length)) {
      end += tail[0].length;
      const noun = tail[1]!.toLowerCase();
      // "Express API", "Django service": a runtime before a component noun is named as written.
      if (hit.term.kind === 'process' || hit.term.kind === 'web-app') name = text.slice(start, end).replace(/\s+/g, ' ').replace(/\b(api|db)\b/gi, (w) => w.toUpperCase());
      else if (!name.toLowerCase().endsWith(noun) && !new RegExp(`\\b${noun}\\b`, 'i').test(name)) name = `${name} ${noun}`;
      head = singular(noun);
    }
    const previous = mentions[mentions.length - 1];
    if (previous && previous.kind === hit.term.kind && onlySpaceBetween(text, previous.end, start)) {
      // "nginx reverse proxy", "Kafka stream", "React single-page app": one component named twice.
      previous.end = end;
      const last = /([A-Za-z]+)$/.exec(text.slice(start, end))?.[1];
      if (last && new RegExp(`^(?:${HEADS})$`, 'i').test(last)) previous.head = singular(last.toLowerCase());
      extended.add(previous);
      return;
    }
    // "Stripe API keys", "the RabbitMQ queue URL": what the component has, not the component.
    if (DESCRIBED_THING.test(text.slice(end, end + TAIL_REACH))) return;
    const runtime = runtimeBefore.get(start);
    mentions.push({
      start,
      end,
      key: `tech:${hit.term.technology}`,
      name,
      kind: hit.term.kind,
      technology: runtime && (hit.term.kind === 'gateway' || hit.term.kind === 'process') ? runtime : hit.term.technology,
      words: text.slice(start, end),
      bare: false,
      head,
    });
  });
  for (const m of extended) m.words = text.slice(m.start, m.end);
  // "`immich-server`", "`auth_service`": a component named as code. Taken with the technologies, so that a head
  // noun inside the name is part of it; kept sorted and disjoint with them.
  const named = codeNamedComponents(text).filter((c) => !mentions.some((m) => m.start < c.end && c.start < m.end));
  if (named.length) {
    mentions.push(...named);
    mentions.sort((a, b) => a.start - b.start);
  }
  // Technology mentions are sorted and disjoint; a head noun inside one is part of it.
  const technologies = [...mentions];
  const overlapsTechnology = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = technologies.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (technologies[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < technologies.length && technologies[lo]!.start < end;
  };
  const heads: Mention[] = [];
  const overlapsHead = (start: number, end: number): boolean => {
    // Head mentions are found left to right, so only the last few can reach back over `start`.
    for (let k = heads.length - 1; k >= 0 && heads[k]!.end > start; k--) if (heads[k]!.start < end) return true;
    return false;
  };
  const headRe = new RegExp(`\\b(${HEADS})\\b`, 'gi');
  const nextHeadRe = new RegExp(`^\\s+(?:${HEADS})\\b`, 'i');
  for (let m = headRe.exec(text); m; m = headRe.exec(text)) {
    const headStart = m.index;
    const headEnd = m.index + m[0].length;
    if (overlapsTechnology(headStart, headEnd) || overlapsHead(headStart, headEnd)) continue;
    // "user uploads": an actor word used as a modifier still names the actor; "API key" is not an API.
    const following = text.slice(headEnd, headEnd + TAIL_REACH);
    // "backend API", "frontend app": the first noun describes the second, which names the component.
    if (nextHeadRe.test(following)) continue;
    if (/^\s+(?:keys?|calls?|requests?|docs?|tokens?|secrets?)\b/i.test(following) && /^apis?$/i.test(m[0])) continue;
    // "database password", "queue URL", "customer names": what a component has or is about, not the component.
    if (DESCRIBED_THING.test(following) && !/^apis?$/i.test(m[0])) continue;
    // "logs in as a least-privilege user": an account, not a person.
    if (/^users?$/i.test(m[0]) && /\bas\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(0, headStart - 40), headStart))) continue;
    const modifiers = modifiersBefore(text, headStart);
    // "caches sessions", "queues jobs": a verb, unless a determiner makes it a noun ("the cache").
    if (modifiers.length === 0 && VERB_LIKE_HEADS.test(m[0]) && !DETERMINERS.has(wordBefore(text, headStart)?.word.toLowerCase() ?? '')) continue;
    const start = modifiers.length > 0 ? modifiers[0]!.index : headStart;
    if (overlapsTechnology(start, headEnd) || overlapsHead(start, headEnd)) continue;
    const head = m[0];
    const words = text.slice(start, headEnd);
    const isActor = ACTOR_HEADS.test(head);
    const name = isActor ? capitalize(singular(head)) : [...modifiers.map((w) => capitalize(w.word)), formatHead(head)].join(' ');
    const kind: ElementKind = isActor ? 'actor' : (kindFromHeadNoun(name) ?? 'process');
    const runtime = runtimeBefore.get(start) ?? modifiers.map((w) => runtimeWord(w.word)).find(Boolean);
    const mention: Mention = {
      ...(runtime && !isActor ? { technology: runtime } : {}),
      start,
      end: headEnd,
      key: `name:${name.toLowerCase()}`,
      name,
      kind,
      words,
      bare: modifiers.length === 0 && !isActor,
      head: singular(head.toLowerCase()),
    };
    heads.push(mention);
    mentions.push(mention);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** A lower-case kebab or snake name of two or more parts, in backticks; not a setting, a header or an id. */
const CODE_NAME = /`([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)`/g;
const SETTING_PART = /^(?:max|min|timeout|size|limit|age|enabled?|disabled?|key|keys|id|ids|token|url|uri|path|port|env|mode|level|type|version|x|header|cache-control|content|control|origin|allow|policy|ttl|secret|password|user|file|dir)$/;

function codeNamedComponents(text: string): Mention[] {
  const out: Mention[] = [];
  CODE_NAME.lastIndex = 0;
  for (let m = CODE_NAME.exec(text); m; m = CODE_NAME.exec(text)) {
    const name = m[1]!;
    const parts = name.split(/[-_]/);
    if (parts.some((p) => SETTING_PART.test(p))) continue;
    out.push({
      // The backticks are part of the mention, so "The `immich-server` calls …" has it as its subject.
      start: m.index,
      end: m.index + m[0].length,
      key: `name:${name}`,
      name,
      kind: kindFromHeadNoun(parts.join(' ')) ?? 'process',
      words: name,
      bare: false,
      head: parts[parts.length - 1]!,
    });
  }
  return out;
}

function modifiersBefore(text: string, headStart: number): Array<{ word: string; index: number }> {
  const out: Array<{ word: string; index: number }> = [];
  let pos = headStart;
  for (let n = 0; n < 2; n++) {
    const m = wordBefore(text, pos);
    if (!m) break;
    const word = m.word;
    const lower = word.toLowerCase();
    if (STOP.has(lower)) break;
    const capitalized = /^[A-Z]/.test(word);
    // "a fulfilment worker", "the billing service": any noun-like word between a determiner and the head.
    const named = n === 0 && /^[a-z][a-z-]{2,}$/.test(word) && !VERB_WORD.test(word) && !/ly$/.test(word) && DETERMINERS.has(wordBefore(text, m.index)?.word.toLowerCase() ?? '');
    if (!MODIFIERS.has(lower) && !capitalized && !named) break;
    if (ACTOR_HEADS.test(word) && !MODIFIERS.has(lower)) break;
    out.unshift({ word, index: m.index });
    pos = m.index;
  }
  return out;
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

function formatHead(head: string): string {
  const s = singular(head);
  if (/^(?:api|db)$/i.test(s)) return s.toUpperCase();
  return capitalize(s);
}

function singular(word: string): string {
  if (/^(?:address|access|process|class)$/i.test(word)) return word;
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:ss|us)$/i.test(word)) return word;
  return word.replace(/s$/i, '');
}
