// Mermaid diagrams as text, from the syntax: flowcharts (node shapes, `@{ shape: … }`, classes, edges of
// every style with labels piped or inline, `&` groups, chains, nested subgraphs, `;`-joined statements,
// styling lines, accessibility blocks, comments, front matter and `%%{init}%%` directives) and
// architecture-beta (groups, services with icons, junctions, edges with sides and labels).

import fc from 'fast-check';
import { COMPONENTS, DATA, indent, lines, mostly, phrase, pick, PROTOCOLS, PROTOTYPE_NAMES, TECHNOLOGIES, word } from './common.js';

const LABEL_WORDS = [...COMPONENTS, ...TECHNOLOGIES, ...DATA, ...PROTOCOLS];
const SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['[', ']'], ['(', ')'], ['((', '))'], ['(((', ')))'], ['([', '])'], ['[[', ']]'], ['[(', ')]'], ['{', '}'], ['{{', '}}'], ['[/', '/]'], ['[\\', '\\]'], ['[/', '\\]'], ['>', ']'],
];
const EXTENDED_SHAPES = ['cyl', 'database', 'rect', 'rounded', 'circle', 'diamond', 'hex', 'lin-cyl', 'das', 'doc', 'cloud', 'stadium', 'bolt', 'nope'];
const EDGES = ['-->', '---', '-.->', '-.-', '==>', '===', '--o', '--x', '<-->', 'o--o', 'x--x', '~~~', '--->', '-...->', '====>', '<==>', '<-.->'];

export const mermaidId: fc.Arbitrary<string> = mostly(
  fc.oneof(pick(['A', 'B', 'C', 'api', 'db', 'web', 'user', 'lb', 'queue', 'worker', 'cache', 'auth', 'cdn', 'end', 'subgraph', 'graph']), fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,6}$/)),
  fc.oneof(pick(PROTOTYPE_NAMES), pick(['a.b', 'a-b', '1', 'é', '日本', 'x_1', '_'])),
  1,
  6,
);

/** A label: words of the vocabulary with line breaks, markup and entities Mermaid allows. */
export const mermaidLabel: fc.Arbitrary<string> = fc
  .tuple(phrase(LABEL_WORDS, 3), fc.option(phrase(LABEL_WORDS, 2)), pick(['', '<br/>', '<br>', '\\n', ' ']), pick(['plain', 'quoted', 'markdown', 'bold', 'entity']))
  .map(([a, b, br, style]) => {
    const text = b === null ? a : `${a}${br || ' '}${b}`;
    switch (style) {
      case 'quoted': return `"${text}"`;
      case 'markdown': return `"\`${text}\`"`;
      case 'bold': return `**${text}**`;
      case 'entity': return `${text} #quot;x#quot; &amp;`;
      default: return text;
    }
  });

function node(): fc.Arbitrary<string> {
  const shaped = fc.tuple(mermaidId, pick(SHAPES), mermaidLabel).map(([id, [o, c], label]) => `${id}${o}${label}${c}`);
  const extended = fc.tuple(mermaidId, pick(EXTENDED_SHAPES), fc.option(mermaidLabel)).map(([id, shape, label]) => `${id}@{ shape: ${shape}${label !== null ? `, label: "${label.replace(/"/g, '')}"` : ''} }`);
  const plain = mermaidId;
  const classed = fc.tuple(fc.oneof(shaped, plain), pick(['app', 'db', 'x-y'])).map(([n, c]) => `${n}:::${c}`);
  return fc.oneof({ arbitrary: plain, weight: 4 }, { arbitrary: shaped, weight: 4 }, { arbitrary: extended, weight: 1 }, { arbitrary: classed, weight: 1 });
}

function edge(): fc.Arbitrary<string> {
  const label = phrase([...PROTOCOLS, ...DATA, 'reads', 'writes', 'calls'], 3);
  return fc.oneof(
    { arbitrary: pick(EDGES), weight: 4 },
    { arbitrary: fc.tuple(pick(['-->', '==>', '-.->', '---']), label).map(([e, l]) => `${e}|${l}|`), weight: 3 },
    { arbitrary: fc.tuple(pick([['--', '-->'], ['==', '==>'], ['-.', '.->'], ['--', '---']] as const), label).map(([[a, b], l]) => `${a} ${l} ${b}`), weight: 2 },
    { arbitrary: fc.tuple(pick(['e1', 'e2']), pick(EDGES)).map(([id, e]) => `${id}@${e}`), weight: 1 },
  );
}

function statement(): fc.Arbitrary<string> {
  const group = fc.array(node(), { minLength: 1, maxLength: 3 }).map((ns) => ns.join(' & '));
  const chain = fc.tuple(group, fc.array(fc.tuple(edge(), group), { minLength: 1, maxLength: 3 })).map(([first, rest]) => [first, ...rest.flatMap(([e, g]) => [e, g])].join(' '));
  const styling = fc.oneof(
    pick(['classDef app fill:#eef,stroke:#333', 'class api,web app', 'style db fill:#ffd', 'linkStyle 0 stroke:#f00', 'click api "https://example.com" "Docs"', 'direction LR', 'accTitle: Shop', 'accDescr: The shop']),
    pick(['accDescr {\n  multi\n  line\n}', '%% a comment', '%%{init: {"theme": "dark"}}%%', 'title Ignored']),
  );
  return fc.oneof({ arbitrary: chain, weight: 6 }, { arbitrary: node(), weight: 2 }, { arbitrary: styling, weight: 1 });
}

function subgraphBody(depth: number): fc.Arbitrary<string> {
  const item = fc.tuple(indent, statement()).map(([pad, s]) => pad + s);
  if (depth <= 0) return lines(item, 5);
  const sub = fc
    .tuple(mostly(fc.tuple(mermaidId, fc.option(mermaidLabel)).map(([id, t]) => (t !== null ? `${id} [${t}]` : id)), fc.oneof(mermaidLabel.map((l) => `"${l.replace(/"/g, '')}"`), fc.constant(''))), subgraphBody(depth - 1), fc.boolean())
    .map(([head, body, closed]) => `subgraph ${head}\n${body}\n${closed ? 'end' : ''}`);
  return lines(fc.oneof({ arbitrary: item, weight: 4 }, { arbitrary: sub, weight: 1 }), 8);
}

export const mermaidFlowchart: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.tuple(word(COMPONENTS), fc.boolean()).map(([t, config]) => `---\ntitle: ${t}\n${config ? 'config:\n  theme: forest\n' : ''}---\n`), { freq: 4 }),
    fc.option(pick(['%%{init: {"flowchart": {"curve": "linear"}}}%%\n', '%% comment first\n']), { freq: 4 }),
    mostly(pick(['flowchart TD', 'flowchart LR', 'graph TB', 'graph RL', 'flowchart BT', 'graph']), pick(['', 'flowchart-elk TD', 'Flowchart LR', 'graph TD;'])),
    subgraphBody(2),
    fc.array(statement(), { maxLength: 3 }).map((ss) => ss.join('; ')),
  )
  .map(([front, directive, header, body, joined]) => `${front ?? ''}${directive ?? ''}${header}\n${body}\n${joined}\n`);

const ICONS = ['cloud', 'database', 'disk', 'internet', 'server', 'logos:aws-s3', 'logos:aws-lambda', 'mdi:api', 'nope'];
const SIDES = ['L', 'R', 'T', 'B'];

export const mermaidArchitecture: fc.Arbitrary<string> = (() => {
  const id = mermaidId.filter((s) => /^[\w-]+$/.test(s));
  const icon = fc.option(pick(ICONS)).map((i) => (i === null ? '' : `(${i})`));
  const label = fc.option(phrase([...COMPONENTS, ...TECHNOLOGIES], 3)).map((l) => (l === null ? '' : `[${l}]`));
  const parent = fc.option(id).map((p) => (p === null ? '' : ` in ${p}`));
  const group = fc.tuple(id, icon, label, parent).map(([i, ic, l, p]) => `group ${i}${ic}${l}${p}`);
  const service = fc.tuple(id, icon, label, parent).map(([i, ic, l, p]) => `service ${i}${ic}${l}${p}`);
  const junction = fc.tuple(id, parent).map(([i, p]) => `junction ${i}${p}`);
  const end = fc.tuple(id, fc.boolean(), fc.option(pick(SIDES))).map(([i, g, s]) => [`${i}${g ? '{group}' : ''}`, s] as const);
  const arrow = fc.oneof(pick(['--', '-->', '<--', '<-->']), phrase(['https', 'sql', 'reads', 'events'], 2).map((l) => `-[${l}]-`), phrase(['grpc'], 1).map((l) => `<-[${l}]->`));
  const link = fc.tuple(end, arrow, end).map(([[a, sa], arr, [b, sb]]) => `${a}${sa ? `:${sa}` : ''} ${arr} ${sb ? `${sb}:` : ''}${b}`);
  const other = pick(['title Shop', 'accTitle: x', '%% comment', 'nonsense here', '']);
  const line = fc.tuple(indent, fc.oneof({ arbitrary: service, weight: 4 }, { arbitrary: group, weight: 2 }, { arbitrary: junction, weight: 1 }, { arbitrary: link, weight: 4 }, { arbitrary: other, weight: 1 })).map(([p, l]) => p + l);
  return fc.tuple(mostly(pick(['architecture-beta']), pick(['architecture', '  architecture-beta', ''])), lines(line, 25)).map(([h, body]) => `${h}\n${body}\n`);
})();
