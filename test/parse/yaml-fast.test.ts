// The fast YAML reader against the `yaml` package, differentially: on every YAML input in the repository
// (rule examples, fixtures, examples) and on the corner cases below, it either gives up (the package then
// reads the text) or gives exactly the package's tree: kinds, keys, values and offsets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { yamlDifference } from '../../src/parse/yaml/compare.js';
import { readYamlFast } from '../../src/parse/yaml/fast.js';
import { MAX_NESTING, readWithPackage } from '../../src/parse/yaml/read.js';
import { filesUnder } from '../fuzz/gen/seeds.js';

function agree(text: string): 'same' | 'gave up' {
  const fast = readYamlFast(text, MAX_NESTING);
  if (!fast) return 'gave up';
  const reference = readWithPackage(text);
  assert.equal(reference.error, undefined, `the fast reader read text the package rejects:\n${text}`);
  const difference = yamlDifference(fast, reference.documents);
  assert.equal(difference, undefined, `${difference}\n--- in:\n${text}`);
  return 'same';
}

const CORNERS = [
  'a: 1\nb: -2.5e3\nc: 0x1F\nd: 0o17\ne: .inf\nf: -.Inf\ng: .NaN\nh: ~\ni: null\nj: True\nk: FALSE\nl: yes\nm: "1"\n',
  'list:\n- a\n- b: 1\n  c: 2\n-\n  - nested\n- - x\n  - y\n',
  'k: "tab\\there \\u00e9 \\x41 \\" quote"\nq: \'it\'\'s\'\nempty: ""\n',
  'flow: {a: 1, b: [x, "y, z", {c: d}], e: }\nseq: [1, 2.0, true, null, ~]\nempty: {}\nnone: []\n',
  'script: |\n  echo one\n    indented\n\n  echo two\nfolded: >-\n  a\n  b\n\n  c\nkeep: |-\n  x\nafter: 1\n',
  '# only a comment\n',
  '---\na: 1\n---\n---\nb: 2\n...\n',
  'a: 1 # comment\n"quoted key": 2\n? complex\n: value\n',
  'anchor: &x {a: 1}\nalias: *x\n',
  'url: http://example.com:8080/path#frag\nmsg: a #not-a-comment-start\nsecret: a: b\n',
  'key:    value   \nkey2:\t value\n',
  'multi: first\n  continued\n',
  '1: one\n0x10: hex\n~: tilde\ntrue: yes\n',
  'a:\n  b:\n    c:\n      - d: 1\n        e: [f]\n',
  'crlf: 1\r\nnext: 2\r\nlist:\r\n  - a\r\n',
  'text: "unclosed\n  on two lines"\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: !!str 1\n',
  '- top\n- level\n- [seq]\n',
  'just a scalar\n',
];

describe('the fast YAML reader', () => {
  it('gives the package\'s tree, or gives up, on corner cases', () => {
    const outcomes = CORNERS.map(agree);
    assert.ok(outcomes.filter((o) => o === 'same').length >= CORNERS.length / 2, `read too few itself: ${outcomes.join(', ')}`);
  });

  it("gives the package's tree on every YAML file and example in the repository", () => {
    const texts = [...filesUnder(['examples', 'test/fixtures', 'docs'], (p) => /\.ya?ml$/.test(p))];
    for (const rule of builtinRules) {
      for (const format of ['kubernetes', 'compose'] as const) {
        const examples = rule.examples[format];
        if (examples) texts.push(...examples.good, ...examples.bad.map((b) => b.code), ...examples.bad.flatMap((b) => (b.output ? [b.output] : [])));
      }
    }
    const outcomes = texts.map(agree);
    const read = outcomes.filter((o) => o === 'same').length;
    assert.ok(read >= texts.length * 0.9, `the fast reader read only ${read} of ${texts.length} itself`);
  });
});
