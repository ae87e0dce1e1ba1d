// Names the part of a resource a finding points at, the way Terraform addresses nested blocks:
// `ingress[1]`, `rule[0].apply_server_side_encryption_by_default.sse_algorithm`. Used in fingerprints,
// so two findings of one rule on one resource differ, and a finding keeps its identity when lines move.

import type { Range } from '../../core/types.js';
import type { TfAttribute, TfBody } from './view.js';

export function partPath(body: TfBody, at: TfAttribute | TfBody | undefined): string {
  if (!at || at === body) return '';
  if ('blocks' in at) return blockPath(body, at) ?? '';
  const holder = deepestHolder(body, at, '');
  return holder ? join(holder.path, at.name) : at.name;
}

function join(prefix: string, part: string): string {
  return prefix ? `${prefix}.${part}` : part;
}

function blockPath(body: TfBody, target: TfBody, prefix = ''): string | undefined {
  const counts = new Map<string, number>();
  for (const block of body.blocks) {
    const i = counts.get(block.type) ?? 0;
    counts.set(block.type, i + 1);
    const path = join(prefix, `${block.type}[${i}]`);
    if (block === target) return path;
    const inner = blockPath(block, target, path);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The innermost block declaring an attribute of that name around its range (attributes are read lazily, so matched by name and place). */
function deepestHolder(body: TfBody, at: TfAttribute, path: string): { path: string } | undefined {
  if (!contains(body.range, at.range)) return undefined;
  const counts = new Map<string, number>();
  for (const block of body.blocks) {
    const i = counts.get(block.type) ?? 0;
    counts.set(block.type, i + 1);
    const inner = deepestHolder(block, at, join(path, `${block.type}[${i}]`));
    if (inner) return inner;
  }
  return body.attributes.has(at.name) ? { path } : undefined;
}

function contains(outer: Range, inner: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}
