// What plausible Terraform looks like, learnt from the seeds rather than written down: resource and data
// source types, the attributes and nested blocks each has, and the literal values people give them. When
// rules with new resource types land, their examples extend the fuzzer's vocabulary with no edit here.

import { parseHcl } from '../../../src/parse/hcl/parser.js';
import type { Block, Body } from '../../../src/parse/hcl/ast.js';

export interface TerraformVocabulary {
  resourceTypes: string[];
  dataTypes: string[];
  /** `type` or `type/block/...` → attribute names seen there. */
  attributes: Map<string, string[]>;
  /** `type` or `type/block/...` → nested block types seen there. */
  blocks: Map<string, string[]>;
  /** Literal strings seen as attribute values (bounded, most frequent first). */
  strings: string[];
  /** Every attribute name seen anywhere. */
  attributeNames: string[];
}

export function learnVocabulary(seeds: readonly string[]): TerraformVocabulary {
  const resourceTypes = new Set<string>();
  const dataTypes = new Set<string>();
  const attributes = new Map<string, Set<string>>();
  const blocks = new Map<string, Set<string>>();
  const strings = new Map<string, number>();
  const names = new Set<string>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };
  const visit = (body: Body, key: string, depth: number) => {
    for (const a of body.attributes) {
      add(attributes, key, a.name);
      names.add(a.name);
      const e = a.expr;
      if (e.kind === 'Template' && e.parts.length === 1 && e.parts[0]!.kind === 'TemplateLiteral') {
        const v = e.parts[0]!.value;
        if (v.length > 0 && v.length < 60 && !v.includes('\n')) strings.set(v, (strings.get(v) ?? 0) + 1);
      }
    }
    if (depth > 6) return;
    for (const b of body.blocks) {
      add(blocks, key, b.type);
      visit(b.body, `${key}/${b.type}`, depth + 1);
    }
  };
  for (const seed of seeds) {
    const file = parseHcl(seed, 'seed.tf');
    for (const block of file.body.blocks) {
      const type = typeOf(block);
      if (!type) continue;
      if (block.type === 'resource') resourceTypes.add(type);
      else dataTypes.add(type);
      visit(block.body, block.type === 'data' ? `data.${type}` : type, 0);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    resourceTypes: sorted(resourceTypes),
    dataTypes: sorted(dataTypes),
    attributes: new Map([...attributes].map(([k, v]) => [k, sorted(v)])),
    blocks: new Map([...blocks].map(([k, v]) => [k, sorted(v)])),
    strings: [...strings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 400).map(([s]) => s),
    attributeNames: sorted(names),
  };
}

function typeOf(block: Block): string | undefined {
  if ((block.type === 'resource' || block.type === 'data') && block.labels.length === 2 && /^[a-z][a-z0-9_]*$/.test(block.labels[0]!)) return block.labels[0];
  return undefined;
}
