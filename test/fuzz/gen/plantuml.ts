// PlantUML component and deployment diagrams as text: declarations with keywords, `as` aliases,
// stereotypes, colours and bracketed descriptions (also spanning lines), `[Component]` and `:Actor:`
// shorthands, containers with `{ }`, arrows of every body and head with directions and labels, notes,
// legends, skinparams and `<style>` blocks, comments of both kinds, preprocessor lines, and C4 macros.

import fc from 'fast-check';
import { c4Line } from './c4.js';
import { COMPONENTS, DATA, indent, lines, mostly, phrase, pick, PROTOCOLS, TECHNOLOGIES } from './common.js';
import { mermaidId } from './mermaid.js';

const KEYWORDS = ['actor', 'person', 'database', 'queue', 'storage', 'file', 'entity', 'cloud', 'component', 'node', 'rectangle', 'frame', 'folder', 'package', 'boundary', 'collections', 'agent', 'artifact', 'card', 'control', 'hexagon', 'stack', 'process', 'usecase', 'interface', 'circle', 'label', 'class', 'object', 'json', 'port'];
const ARROW_BODIES = ['-', '--', '---', '.', '..', '...', '=', '~~', '-up-', '-down-', '-left-', '-right-', '-u-', '-[#red]-', '.[hidden].', '-[dotted]->'];
const HEADS_LEFT = ['', '<', '<|', '*', 'o', '+', '#', '^'];
const HEADS_RIGHT = ['', '>', '|>', '*', 'o', '+', '#', '^'];

export const plantUml: fc.Arbitrary<string> = (() => {
  const name = phrase([...COMPONENTS, ...TECHNOLOGIES], 3);
  const alias = mermaidId.filter((s) => !/\s/.test(s));
  const label = fc.oneof(name.map((n) => `"${n.replace(/"/g, '')}"`), name.map((n) => `[${n.replace(/[[\]]/g, '')}]`), alias, name.map((n) => `:${n.replace(/:/g, '')}:`));
  const stereo = fc.option(fc.array(pick([...TECHNOLOGIES, 'external', 'Kubernetes', 'AWS']), { minLength: 1, maxLength: 2 }).map((ss) => ss.map((s) => `<<${s}>>`).join(' ')));
  const declaration = fc
    .tuple(pick(KEYWORDS), label, fc.option(alias), stereo, fc.option(pick(['#lightblue', '#red;line:blue', '[[https://x]]'])), fc.option(pick(['[multi\nline\ndescription]', '[one line]'])))
    .map(([k, l, a, s, c, d]) => [k, l, a !== null ? `as ${a}` : '', s ?? '', c ?? '', d ?? ''].filter(Boolean).join(' '));
  const shorthand = fc.tuple(fc.oneof(name.map((n) => `[${n.replace(/[[\]]/g, '')}]`), name.map((n) => `:${n.replace(/:/g, '')}:`)), fc.option(alias)).map(([l, a]) => (a !== null ? `${l} as ${a}` : l));
  const end = fc.oneof(alias, label);
  const arrow = fc
    .tuple(end, pick(HEADS_LEFT), pick(ARROW_BODIES), pick(HEADS_RIGHT), end, fc.option(phrase([...DATA, ...PROTOCOLS, 'reads', 'writes'], 3)), fc.option(pick(['"1"', '"many"'])))
    .map(([a, hl, body, hr, b, l, mult]) => `${a} ${mult ?? ''}${hl}${body}${hr}${mult ?? ''} ${b}${l !== null ? ` : ${l}` : ''}`);
  const container = fc
    .tuple(pick(['node', 'cloud', 'package', 'rectangle', 'frame', 'folder', 'together', 'database']), name, fc.option(alias), stereo)
    .map(([k, n, a, s]) => (k === 'together' ? 'together {' : `${k} "${n.replace(/"/g, '')}"${a !== null ? ` as ${a}` : ''}${s ? ` ${s}` : ''} {`));
  const skipped = pick([
    'skinparam monochrome true', 'skinparam component {\n  BackgroundColor #eee\n}', '<style>\ncomponent { FontColor red }\n</style>', 'left to right direction', 'hide stereotype',
    "' a comment", "/' block\ncomment '/", "/' one line '/", 'note left of api : text', 'note as N1\nmulti\nend note', 'legend\ntext\nendlegend', 'legend right\nx\nend legend',
    'title Shop', 'title\nmulti\nend title', 'header x', '!include <C4/C4_Container>', '!define X', 'allowmixing', 'scale 2', 'newpage', 'caption x',
  ]);
  const body: fc.Arbitrary<string> = fc.tuple(indent, fc.oneof(
    { arbitrary: declaration, weight: 4 }, { arbitrary: shorthand, weight: 1 }, { arbitrary: arrow, weight: 5 }, { arbitrary: container, weight: 2 }, { arbitrary: fc.constant('}'), weight: 2 },
    { arbitrary: skipped, weight: 2 }, { arbitrary: c4Line(), weight: 2 }, { arbitrary: name, weight: 1 },
  )).map(([p, l]) => p + l);
  return fc
    .tuple(mostly(fc.constant('@startuml'), pick(['@startuml shop', '', '  @startuml'])), lines(body, 25), mostly(fc.constant('@enduml'), pick(['', '@enduml\n@startuml\nactor x\n@enduml'])))
    .map(([s, b, e]) => `${s}\n${b}\n${e}\n`);
})();
