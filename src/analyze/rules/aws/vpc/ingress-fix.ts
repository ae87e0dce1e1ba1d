// The fix shared by the internet-ingress rules: which ports must be reachable is never guessed. The
// rule is marked for that decision; when the policy names the networks ingress may come from, the
// internet-wide source is narrowed to them first (the policy supplies that answer).

import type { Attribute, Block } from '../../../../parse/hcl/ast.js';
import { hclString, markForInput } from '../../../../edit/hcl-edit.js';
import type { TextEdit } from '../../../../edit/text-edit.js';
import type { FixOutcome, TerraformFixContext } from '../../../fix.js';
import { addressOf, attribute, isLiteral } from '../../../fix-helpers.js';

const INTERNET = new Set(['0.0.0.0/0', '::/0']);

export function fixInternetIngress(ctx: TerraformFixContext, question: string): FixOutcome {
  const holder: Block = ctx.at?.kind === 'Block' ? ctx.at : ctx.resource;
  const allowed = ctx.defaults.allowedIngressCidrs;
  const ports = ctx.defaults.allowedIngressPorts;
  const asked = ports?.length ? `${question} (the policy allows ${ports.join(', ')})` : question;
  const narrowed = allowed?.length ? narrowSource(ctx, holder, allowed) : [];
  // Above the rule's block, not between its attributes, where it would split their alignment.
  const marked = markForInput(ctx.file, holder, asked);
  const what = narrowed.length ? `Narrows the source of ${addressOf(ctx.resource)} to ${allowed!.join(', ')} (the policy's allowed networks) and marks it` : `Marks ${addressOf(ctx.resource)}`;
  return { kind: 'needs-input', description: `${what} for a decision: ${asked}`, question: asked, edits: [...narrowed, ...marked] };
}

/** Replaces internet-wide entries of a literal `cidr_blocks` list (or a `cidr_ipv4`) with the allowed networks. */
function narrowSource(ctx: TerraformFixContext, holder: Block, allowed: readonly string[]): TextEdit[] {
  const list = attribute(holder, 'cidr_blocks');
  if (list?.expr.kind === 'Tuple' && list.expr.items.every(isLiteral)) {
    const items = list.expr.items.map((item) => ctx.file.text.slice(item.range.start.offset, item.range.end.offset));
    const kept = items.filter((text) => !INTERNET.has(JSON.parse(text) as string));
    if (kept.length === items.length) return [];
    const next = [...new Set([...kept, ...allowed.map(hclString)])];
    return [{ start: list.expr.range.start.offset, end: list.expr.range.end.offset, text: `[${next.join(', ')}]` }];
  }
  const single: Attribute | undefined = attribute(holder, 'cidr_ipv4');
  if (single && isLiteral(single.expr) && allowed.length === 1 && INTERNET.has(JSON.parse(ctx.file.text.slice(single.expr.range.start.offset, single.expr.range.end.offset)) as string)) {
    return [{ start: single.expr.range.start.offset, end: single.expr.range.end.offset, text: hclString(allowed[0]!) }];
  }
  return [];
}
