// Plain-language system descriptions: sentences built from a vocabulary of components, verbs, data and
// stated controls, in the forms the prose reader cuts text into — "X that: a; b" lists, relative clauses,
// bullets and numbered items, `→` chains, headings, abbreviations that must not end a sentence, and the
// odd overlong sentence or run-on paragraph.

import fc from 'fast-check';
import { COMPONENTS, DATA, lines, mostly, phrase, pick, PROTOCOLS, TECHNOLOGIES, word } from './common.js';

const VERBS = ['accepts', 'receives', 'reads', 'fetches', 'loads', 'polls', 'consumes', 'processes', 'resizes', 'returns', 'stores', 'saves', 'writes', 'uploads', 'publishes', 'sends', 'forwards', 'calls', 'invokes', 'queries', 'validates', 'authenticates', 'uses', 'talks to', 'connects to', 'depends on', 'caches', 'logs', 'proxies', 'serves', 'triggers', 'syncs with', 'sent', 'storing'];
const PREPOSITIONS = ['to', 'from', 'in', 'into', 'via', 'through', 'on', 'with', 'for'];
const CONTROLS = [
  'over TLS', 'over HTTPS', 'over plain HTTP', 'encrypted at rest', 'unencrypted', 'with mutual TLS', 'authenticated with JWT', 'using OAuth with PKCE', 'without authentication',
  'rate limited', 'behind a WAF', 'with MFA', 'as root', 'with least privilege', 'with versioning', 'publicly readable', 'with signed URLs that expire', 'with audit logging', 'validating input',
  'on port 5432', 'on port 443', 'with backups', 'in a private subnet', 'from the internet',
];
const ARTICLES = ['the', 'a', 'an', 'our', 'The', 'A', ''];
const ABBREVIATIONS = ['e.g.', 'i.e.', 'etc.', 'vs.', 'Node.js', 'ASP.NET', 'v1.2.3', 'api.example.com', 'https://shop.example.com/checkout'];

const component = fc.tuple(pick(ARTICLES), word([...COMPONENTS, ...TECHNOLOGIES]), fc.option(pick(TECHNOLOGIES), { freq: 4 })).map(([a, c, t]) => `${a ? `${a} ` : ''}${c}${t !== null ? ` (${t})` : ''}`);
const data = fc.tuple(pick(['', 'the ', 'its ', 'user ']), word(DATA)).map(([a, d]) => a + d);
const controls = fc.array(pick(CONTROLS), { maxLength: 2 }).map((cs) => cs.join(' and '));

const clause = fc.oneof(
  { arbitrary: fc.tuple(component, pick(VERBS), data, pick(PREPOSITIONS), component, controls).map(([s, v, d, p, o, c]) => `${s} ${v} ${d} ${p} ${o}${c ? ` ${c}` : ''}`), weight: 5 },
  { arbitrary: fc.tuple(component, pick(VERBS), component, controls).map(([s, v, o, c]) => `${s} ${v} ${o}${c ? ` ${c}` : ''}`), weight: 3 },
  { arbitrary: fc.tuple(component, pick(['is', 'runs', 'is deployed']), pick(CONTROLS)).map(([s, v, c]) => `${s} ${v} ${c}`), weight: 1 },
  { arbitrary: phrase([...COMPONENTS, ...DATA, ...VERBS, ...PROTOCOLS, ...ABBREVIATIONS], 8), weight: 1 },
);

const sentence = fc.oneof(
  { arbitrary: fc.tuple(clause, pick(['.', '!', '?', '', '...', '. '])).map(([c, end]) => c + end), weight: 6 },
  { arbitrary: fc.tuple(component, fc.array(clause, { minLength: 1, maxLength: 4 })).map(([s, cs]) => `${s} that: ${cs.join('; ')}.`), weight: 2 },
  { arbitrary: fc.tuple(clause, pick(['that', 'which', 'who']), pick(VERBS), component).map(([c, rel, v, o]) => `${c} ${rel} ${v} ${o}.`), weight: 2 },
  { arbitrary: fc.array(component, { minLength: 2, maxLength: 5 }).chain((cs) => pick(['→', '->', '=>', ', then ', '⟶']).map((arrow) => `${cs.join(` ${arrow} `)}.`)), weight: 2 },
  { arbitrary: fc.tuple(clause, pick(ABBREVIATIONS), clause).map(([a, ab, b]) => `${a}, ${ab} ${b}.`), weight: 1 },
  { arbitrary: fc.array(clause, { minLength: 2, maxLength: 4 }).map((cs) => `${cs.join(', and ')}.`), weight: 1 },
);

const block = fc.oneof(
  { arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' ')), weight: 5 },
  { arbitrary: fc.tuple(pick(['#', '##', '###']), phrase(COMPONENTS, 3)).map(([h, t]) => `${h} ${t}`), weight: 1 },
  { arbitrary: fc.array(fc.tuple(pick(['- ', '* ', '+ ', '• ', '1. ', '2) ']), clause), { minLength: 1, maxLength: 4 }).map((items) => items.map(([b, c]) => b + c).join('\n')), weight: 2 },
  { arbitrary: fc.constant(''), weight: 2 },
);

export const proseText: fc.Arbitrary<string> = mostly(lines(block, 12), fc.array(sentence, { minLength: 20, maxLength: 200 }).map((ss) => ss.join(' ')), 1, 12);

/** Prose in Markdown: fenced code the reader must skip, around the words. */
export const proseMarkdown: fc.Arbitrary<string> = fc
  .tuple(proseText, fc.option(pick(['```mermaid\nflowchart LR\n  a --> b\n```', '```\ncode\n```', '~~~\nunclosed'])), proseText)
  .map(([a, fence, b]) => [a, fence ?? '', b].join('\n\n'));
