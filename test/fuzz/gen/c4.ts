// C4 macros as text, shared by Mermaid's C4 diagrams and C4-PlantUML: elements (Person, System,
// Container, Component with Db/Queue/_Ext variants), boundaries that open blocks, relations of every
// direction, styling and layout macros, positional and `$keyword=` arguments, quoted commas.

import fc from 'fast-check';
import { COMPONENTS, DATA, indent, mostly, phrase, pick, PROTOCOLS, TECHNOLOGIES } from './common.js';
import { mermaidId } from './mermaid.js';

const ELEMENTS = ['Person', 'Person_Ext', 'System', 'System_Ext', 'SystemDb', 'SystemQueue', 'SystemDb_Ext', 'Container', 'ContainerDb', 'ContainerQueue', 'Container_Ext', 'Component', 'ComponentDb', 'ComponentQueue_Ext'];
const BOUNDARIES = ['Boundary', 'System_Boundary', 'Container_Boundary', 'Enterprise_Boundary', 'Deployment_Node', 'Deployment_Node_L', 'Node', 'Node_R'];
const RELS = ['Rel', 'BiRel', 'Rel_Back', 'Rel_Neighbor', 'Rel_U', 'Rel_D', 'Rel_L', 'Rel_R', 'Rel_Up', 'Rel_Down', 'Rel_Back_Neighbor', 'BiRel_R'];
const IGNORED = ['UpdateElementStyle(api, $fontColor="red")', 'UpdateRelStyle(a, b, $textColor="blue")', 'UpdateLayoutConfig($c4ShapeInRow="3")', 'Lay_R(a, b)', 'SHOW_LEGEND()', 'LAYOUT_WITH_LEGEND()', 'AddElementTag("v1", $bgColor="#d73027")', 'SetPropertyHeader("x")'];

const quoted = (s: string) => `"${s.replace(/"/g, '')}"`;
const arg = (vocab: readonly string[], words = 3) => mostly(phrase(vocab, words).map(quoted), fc.oneof(phrase(vocab, words), pick(['""', '"a, b"', '"x(y)"', '"\\"q\\""', ' ', '"unclosed'])), 1, 5);

export function c4Line(): fc.Arbitrary<string> {
  const alias = mermaidId;
  const keyword = fc.tuple(pick(['techn', 'descr', 'tags', 'link', 'type', 'sprite', 'label']), phrase([...TECHNOLOGIES, 'v1'], 2)).map(([k, v]) => `$${k}=${quoted(v)}`);
  const element = fc
    .tuple(pick(ELEMENTS), alias, arg(COMPONENTS), fc.array(arg([...TECHNOLOGIES, ...DATA]), { maxLength: 2 }), fc.array(keyword, { maxLength: 2 }), fc.boolean())
    .map(([m, a, l, rest, kws, block]) => `${m}(${[a, l, ...rest, ...kws].join(', ')})${block ? ' {' : ''}`);
  const boundary = fc
    .tuple(pick(BOUNDARIES), alias, arg(['AWS account', 'VPC', 'Private subnet', 'Kubernetes cluster', 'DMZ', 'Internet']), fc.option(arg(['cloud', 'network'], 1)), fc.boolean())
    .map(([m, a, l, t, open]) => `${m}(${[a, l, ...(t !== null ? [t] : [])].join(', ')})${open ? ' {' : ''}`);
  const rel = fc
    .tuple(pick(RELS), alias, alias, arg([...DATA, 'reads', 'writes', 'Uses']), fc.option(arg(PROTOCOLS, 2)), fc.array(keyword, { maxLength: 1 }))
    .map(([m, a, b, l, t, kws]) => `${m}(${[a, b, l, ...(t !== null ? [t] : []), ...kws].join(', ')})`);
  const broken = pick(['Rel(a)', 'Person()', 'System(, "x")', 'Container(api, "API"', 'Rel(a, b, "x") trailing', 'Boundary(b, "B") {  }', '}', '}', '{']);
  return fc
    .tuple(indent, fc.oneof({ arbitrary: element, weight: 5 }, { arbitrary: boundary, weight: 2 }, { arbitrary: rel, weight: 5 }, { arbitrary: pick(IGNORED), weight: 1 }, { arbitrary: broken, weight: 1 }))
    .map(([pad, l]) => pad + l);
}

/** A Mermaid C4 diagram: a C4 header, an optional title, macro lines and closing braces. */
export const mermaidC4: fc.Arbitrary<string> = fc
  .tuple(
    mostly(pick(['C4Context', 'C4Container', 'C4Component', 'C4Dynamic', 'C4Deployment']), pick(['c4context', 'C4Context extra', ''])),
    fc.option(phrase(COMPONENTS, 3).map((t) => `title ${t}`)),
    fc.array(fc.oneof({ arbitrary: c4Line(), weight: 8 }, { arbitrary: pick(['%% comment', '', 'accTitle: x', 'accDescr: y', 'not a macro']), weight: 1 }), { maxLength: 25 }),
  )
  .map(([header, title, body]) => [header, ...(title !== null ? [`  ${title}`] : []), ...body].join('\n') + '\n');
