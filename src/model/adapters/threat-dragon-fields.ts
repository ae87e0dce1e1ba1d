// The `bulwark` block Bulwark writes on each Threat Dragon cell, read back one field at a time: a bad value
// costs that value, with a note naming the cell (id and label) and the field, never the whole model.

import { z } from 'zod';
import { BOUNDARY_TYPES, ELEMENT_KINDS, ElementPropsSchema, type BoundaryType, type ElementKind, type ElementProps } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import { describeValue, oneLine, truncateForMessage } from './messages.js';

const text = z.string().trim().min(1);
const line = z.number().int().positive();
const strings = z.array(z.string());

const ELEMENT_FIELDS = {
  id: text,
  kind: z.enum(ELEMENT_KINDS),
  technology: text,
  boundary: text,
  props: z.record(z.string(), z.unknown()),
  data: strings,
  inferredFrom: text,
  line,
};
const BOUNDARY_FIELDS = { id: text, type: z.enum(BOUNDARY_TYPES), parent: text, line };
const FLOW_FIELDS = {
  id: text,
  label: text,
  protocol: text,
  port: z.number().int().min(0).max(65535),
  encrypted: z.boolean(),
  authenticated: z.boolean(),
  data: strings,
  bidirectional: z.boolean(),
  inferredFrom: text,
  line,
};

type Fields = Record<string, z.ZodType>;
type Read<F extends Fields> = { [K in keyof F]?: z.output<F[K]> };

export type ElementExtension = Omit<Read<typeof ELEMENT_FIELDS>, 'kind' | 'props'> & { kind?: ElementKind; props: ElementProps };
export type BoundaryExtension = Omit<Read<typeof BOUNDARY_FIELDS>, 'type'> & { type?: BoundaryType };
export type FlowExtension = Read<typeof FLOW_FIELDS>;

/** How notes name a cell: its id and its label, as Threat Dragon shows them. */
export interface CellRef {
  id: string;
  label?: string;
}

function describeCell(cell: CellRef): string {
  const id = truncateForMessage(cell.id, 60);
  return cell.label ? `cell "${id}" ("${truncateForMessage(oneLine(cell.label), 60)}")` : `cell "${id}"`;
}


function readFields<F extends Fields>(block: Record<string, unknown>, fields: F, cell: CellRef, builder: ModelBuilder): Read<F> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block)) {
    const schema = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!schema) {
      builder.note('warning', `Threat Dragon ${describeCell(cell)}: unknown field bulwark.${truncateForMessage(key, 40)} ignored`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else builder.note('warning', `Threat Dragon ${describeCell(cell)}: bulwark.${key} ${describeValue(value)} is not valid (${truncateForMessage(oneLine(parsed.error.issues[0]?.message ?? 'invalid'), 120)}); ignored`);
  }
  return out as Read<F>;
}

/** Element properties one by one: a bad property is dropped, the others are kept. */
function readProps(value: Record<string, unknown> | undefined, cell: CellRef, builder: ModelBuilder): ElementProps {
  const props: Record<string, boolean> = {};
  const known = ElementPropsSchema.shape as Record<string, z.ZodType>;
  for (const [key, flag] of Object.entries(value ?? {})) {
    if (!Object.hasOwn(known, key)) builder.note('warning', `Threat Dragon ${describeCell(cell)}: unknown property bulwark.props.${truncateForMessage(key, 40)} ignored`);
    else if (typeof flag !== 'boolean') builder.note('warning', `Threat Dragon ${describeCell(cell)}: bulwark.props.${key} ${describeValue(flag)} must be true or false; ignored`);
    else props[key] = flag;
  }
  return props as ElementProps;
}

export function readElementExtension(block: Record<string, unknown>, cell: CellRef, builder: ModelBuilder): ElementExtension {
  const { props, ...rest } = readFields(block, ELEMENT_FIELDS, cell, builder);
  return { ...rest, props: readProps(props, cell, builder) } as ElementExtension;
}

export function readBoundaryExtension(block: Record<string, unknown>, cell: CellRef, builder: ModelBuilder): BoundaryExtension {
  return readFields(block, BOUNDARY_FIELDS, cell, builder) as BoundaryExtension;
}

export function readFlowExtension(block: Record<string, unknown>, cell: CellRef, builder: ModelBuilder): FlowExtension {
  return readFields(block, FLOW_FIELDS, cell, builder);
}
