// Special tokens and bracket pairs of the design formats, for mutating real diagrams and documents.

import type { MutationOptions } from './mutate.js';

const COMMON = ['\n', '\r\n', '\r', '\t', '"', "'", '`', '\\', '\u2028', '\ufeff', '__proto__', 'constructor', '```', '```mermaid\n', '~~~\n', '---\n'];

export const MERMAID_MUTATION: MutationOptions = {
  tokens: [...COMMON, '-->', '---', '-.->', '==>', '<-->', '~~~', '--o', '--x', '|', '|label|', '-- text -->', '[', ']', '(', ')', '((', '))', '[(', ')]', '{{', '}}', '>', '@{', '@{ shape: cyl }', ':::', '&', ';', '%%', '%%{init: {}}%%', 'subgraph ', 'subgraph x [T]\n', 'end\n', 'end', 'direction LR', '<br/>', '#quot;', 'flowchart LR\n', 'graph\n', 'C4Context\n', 'architecture-beta\n', 'accDescr {\n', '}', 'group g(cloud)[G]\n', 'service s(server)[S] in g\n', 'junction j\n', ':L', 'R:', '{group}', ' in ', 'Rel(a, b, "x")', 'Person(p, "P")', 'Boundary(b, "B") {', '$tags="x"', ','],
  nesting: [['subgraph s\n', '\nend\n'], ['(', ')'], ['[', ']'], ['{', '}'], ['"', '"'], ['Boundary(b, "B") {\n', '\n}\n'], ['group g\n', '']],
};

export const PLANTUML_MUTATION: MutationOptions = {
  tokens: [...COMMON, '@startuml\n', '@enduml\n', '-->', '..>', '<--', '<-->', '-up->', '-[#red]->', '-[hidden]-', ' : ', ':', '[', ']', '{', '}', '<<', '>>', ' as ', 'node "N" {\n', 'package P {\n', 'together {\n', 'note left of a : x', 'note as N\n', 'end note\n', 'legend\n', 'endlegend\n', "'", "/'", "'/", 'skinparam x {\n', '<style>\n', '</style>\n', '!include <C4/C4>\n', 'title ', 'database ', 'actor ', '[C]', ':A:', 'Rel(a, b, "x")', 'System_Boundary(s, "S") {', '$techn="x"', 'usecase U\n', 'interface I\n', '#red'],
  nesting: [['node n {\n', '\n}\n'], ['[', ']'], ['"', '"'], ['(', ')'], ['together {\n', '\n}\n'], ['/\'', "'/"]],
};

export const PROSE_MUTATION: MutationOptions = {
  tokens: [...COMMON, '. ', '.', '!', '?', ';', ':', ',', ' that ', ' which ', ' and ', ' then ', '→', '->', '=>', '- ', '* ', '1. ', '# ', '## ', 'e.g.', 'i.e.', 'Node.js', 'the API', 'stores', 'reads', 'sends', 'over TLS', 'unencrypted', 'passwords', 'card numbers', '(', ')', 'http://', 'https://x.y/z'],
  nesting: [['(', ')'], ['"', '"'], ['The API that: ', '.'], ['- ', '\n']],
};

export const YAML_MUTATION: MutationOptions = {
  tokens: [...COMMON, ': ', ':', '- ', '-', '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a\n', '!!str ', '!!binary ', '!tag ', '? ', '|\n', '>-\n', '#', '...\n', '%YAML 1.2\n', 'null', '~', 'true', 'yes', '0x1F', '.inf', '1e999', 'elements:\n', 'flows:\n', 'boundaries:\n', 'children:\n', '  - name: X\n', 'from: ', 'to: ', 'kind: '],
  nesting: [['[', ']'], ['{', '}'], ['- ', ''], ['{a: ', '}'], ['children:\n  - ', '']],
};
