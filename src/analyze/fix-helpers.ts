// Building blocks of Terraform fixes shared by the rules: set an attribute to a safe literal (never
// over a value that comes from a variable or an expression: that decision is made elsewhere), add a
// settings resource next to the one it configures, name new resources without clashing, and mark a
// place for a person's decision.

import type { Attribute, Block, Expr } from '../parse/hcl/ast.js';
import { addAttribute, addBlock, addBlockAfter, hclString, markForInput, replaceValue, type HclEntry } from '../edit/hcl-edit.js';
import type { FixOutcome, TerraformFixContext } from './fix.js';

export { hclString };

/** True for a literal written in place: a number, bool, null or a string without interpolation. */
export function isLiteral(expr: Expr): boolean {
  if (expr.kind === 'Literal') return true;
  return expr.kind === 'Template' && !expr.heredoc && expr.parts.every((p) => p.kind === 'TemplateLiteral');
}

/** The text a person wrote for an expression. */
export function sourceOf(ctx: TerraformFixContext, expr: Expr): string {
  return ctx.file.text.slice(expr.range.start.offset, expr.range.end.offset);
}

/** `block.<name>`, or nothing. */
export function attribute(block: Block, name: string): Attribute | undefined {
  return block.body.attributes.find((a) => a.name === name);
}

/**
 * Sets `name = value` in `block` (the resource by default). An existing literal is replaced; a value computed
 * from a variable or expression is left alone, with the reason: the safe value belongs where that is decided.
 */
export function setLiteral(ctx: TerraformFixContext, name: string, valueText: string, description: string, block: Block = ctx.resource): FixOutcome {
  const existing = attribute(block, name);
  if (existing && !isLiteral(existing.expr)) {
    return { declined: `${name} is set from \`${sourceOf(ctx, existing.expr)}\`; set the safe value where that is decided` };
  }
  return { kind: 'automatic', description, edits: existing ? replaceValue(existing, valueText) : addAttribute(ctx.file, block, name, valueText) };
}

/** Sets `name = value` inside the nested block `type` of the resource, adding the block when it is missing. */
export function setInNested(ctx: TerraformFixContext, type: string, entries: readonly { name: string; value: string }[], description: string): FixOutcome {
  const nested = ctx.resource.body.blocks.filter((b) => b.type === type);
  if (nested.length > 1) return { declined: `the resource has ${nested.length} ${type} blocks; set it in the one that applies` };
  const block = nested[0];
  if (!block) return { kind: 'automatic', description, edits: addBlock(ctx.file, ctx.resource, { block: type, body: [...entries] }) };
  const edits = [];
  for (const entry of entries) {
    const outcome = setLiteral(ctx, entry.name, entry.value, description, block);
    if ('declined' in outcome) return outcome;
    edits.push(...outcome.edits);
  }
  return { kind: 'automatic', description, edits };
}

/** The resource's address as written (`aws_s3_bucket.data`). */
export function addressOf(resource: Block): string {
  return `${resource.labels[0]}.${resource.labels[1]}`;
}

/**
 * A reference from a new companion resource to `resource`'s attribute, with the `count` or `for_each` the
 * companion needs to follow every instance of it.
 */
export function companionOf(resource: Block, attributeName: string): { repeat: HclEntry[]; ref: string } {
  const address = addressOf(resource);
  if (attribute(resource, 'count')) return { repeat: [{ name: 'count', value: `length(${address})` }], ref: `${address}[count.index].${attributeName}` };
  if (attribute(resource, 'for_each')) return { repeat: [{ name: 'for_each', value: address }], ref: `each.value.${attributeName}` };
  return { repeat: [], ref: `${address}.${attributeName}` };
}

/** `preferred`, or `preferred_2`, … : a name no `type` resource of the module has yet. */
export function freshName(ctx: TerraformFixContext, type: string, preferred: string): string {
  const taken = new Set(ctx.moduleBlocks.filter(({ block }) => block.type === 'resource' && block.labels[0] === type).map(({ block }) => block.labels[1]));
  if (!taken.has(preferred)) return preferred;
  for (let n = 2; ; n++) if (!taken.has(`${preferred}_${n}`)) return `${preferred}_${n}`;
}

/** A new `type` resource after `resource`, pointing at it through `refAttribute = <resource>.<refOf>`. */
export function addCompanion(ctx: TerraformFixContext, type: string, refAttribute: string, refOf: string, body: HclEntry[], description: string): FixOutcome {
  // One already exists (made conditional by count or for_each, or set from variables): a second would fight it.
  const existing = ctx.moduleBlocks.find(
    ({ file, block }) => block.type === 'resource' && block.labels[0] === type && refersTo(file.text.slice(block.range.start.offset, block.range.end.offset), ctx.resource),
  );
  if (existing) return { declined: `${type}.${existing.block.labels[1]} already configures this bucket (its settings come from the module's inputs); set the safe value there` };
  const { repeat, ref } = companionOf(ctx.resource, refOf);
  const name = freshName(ctx, type, ctx.resource.labels[1]!);
  const entry: HclEntry = { block: 'resource', labels: [type, name], body: [...repeat, { name: refAttribute, value: ref }, ...body] };
  return { kind: 'automatic', description, edits: addBlockAfter(ctx.file, ctx.resource, entry) };
}

/** A `# NEEDS YOUR INPUT` comment above `node` (the finding's place by default). */
export function askAbove(ctx: TerraformFixContext, question: string, node: Attribute | Block = ctx.at ?? ctx.resource): FixOutcome {
  // Above the block holding an attribute, not between attributes, where it would split their alignment.
  const place = node.kind === 'Attribute' ? parentOf(ctx.resource, node) : node;
  return { kind: 'needs-input', description: `Marks ${addressOf(ctx.resource)} for a decision: ${question}`, question, edits: markForInput(ctx.file, place, question) };
}

/** True when the file already configures S3 buckets (or this one) with inline blocks of the v3 provider style. */
export function usesInlineBlocks(ctx: TerraformFixContext, inlineTypes: readonly string[]): boolean {
  const inline = (block: Block) => block.body.blocks.some((b) => inlineTypes.includes(b.type));
  if (inline(ctx.resource)) return true;
  return ctx.file.body.blocks.some((b) => b.type === 'resource' && b.labels[0] === ctx.resource.labels[0] && inline(b));
}

/** Sets the attribute the finding points at to a safe literal (only over a literal a person wrote there). */
export function setFoundLiteral(ctx: TerraformFixContext, valueText: string, description: string): FixOutcome {
  const at = ctx.at;
  if (at?.kind !== 'Attribute') return { declined: 'the finding does not point at a single setting' };
  if (!isLiteral(at.expr)) return { declined: `${at.name} is set from \`${sourceOf(ctx, at.expr)}\`; set the safe value where that is decided` };
  return { kind: 'automatic', description, edits: replaceValue(at, valueText) };
}

/**
 * The common fix: `name = value` on the resource (or inside the nested block the finding points at). With
 * `askWhenWritten`, a value a person wrote out (`publicly_accessible = true`) is a decision: it is marked
 * with that question instead of overwritten.
 */
export function fixSetting(name: string, valueText: string, options: { askWhenWritten?: string } = {}): (ctx: TerraformFixContext) => FixOutcome {
  return (ctx) => {
    const description = `Sets ${name} = ${valueText} on ${addressOf(ctx.resource)}.`;
    const at = ctx.at;
    if (at?.kind === 'Attribute' && at.name === name) {
      if (options.askWhenWritten) return askAbove(ctx, options.askWhenWritten, at);
      return setFoundLiteral(ctx, valueText, description);
    }
    return setLiteral(ctx, name, valueText, description, at?.kind === 'Block' ? at : ctx.resource);
  };
}

/** A fix that only asks: the change depends on something only a person knows. */
export function askFix(question: string): (ctx: TerraformFixContext) => FixOutcome {
  return (ctx) => askAbove(ctx, question);
}

/** True when something in the module refers to `resource` (`aws_s3_bucket.data.…`) from a block of one of `types`. */
/** True when `text` refers to `resource`: `aws_s3_bucket.data.id`, `aws_s3_bucket.data[0].arn`, `aws_s3_bucket.data["a"]`. */
export function refersTo(text: string, resource: Block): boolean {
  const address = addressOf(resource);
  for (let at = text.indexOf(address); at >= 0; at = text.indexOf(address, at + 1)) {
    const before = text[at - 1];
    const after = text[at + address.length];
    if ((before === undefined || !/[\w.-]/.test(before)) && (after === '.' || after === '[')) return true;
  }
  return false;
}

export function referencedBy(ctx: TerraformFixContext, resource: Block, types: readonly string[]): boolean {
  const texts = ctx.memo(BLOCK_TEXTS, () => {
    const byType = new Map<string, string[]>();
    for (const { file, block } of ctx.moduleBlocks) {
      if (block.type !== 'resource') continue;
      const list = byType.get(block.labels[0]!) ?? [];
      list.push(file.text.slice(block.range.start.offset, block.range.end.offset));
      byType.set(block.labels[0]!, list);
    }
    return byType;
  });
  return types.some((type) => texts.get(type)?.some((text) => refersTo(text, resource)));
}

const BLOCK_TEXTS = Symbol('resource block texts by type');

/** The nested block of `root` that directly holds `node`. */
export function parentOf(root: Block, node: Attribute | Block): Block {
  for (const child of root.body.blocks) {
    if (child.range.start.offset <= node.range.start.offset && node.range.end.offset <= child.range.end.offset && child !== node) return parentOf(child, node);
  }
  return root;
}
