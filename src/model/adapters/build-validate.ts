// Checks each element, flow, boundary and data asset against the schema on its own, so one bad value
// costs that value, not the model. A field that fails is dropped (or set to its neutral default) with a
// one-line note naming the item, the field and the value; an item that still fails is left out.

import type { z } from 'zod';
import { describeValue, truncateForMessage } from './messages.js';

type Plain = Record<string, unknown>;

export interface ValidationNote {
  message: string;
  line?: number;
}

/** Neutral values for required fields: what the model says when the input did not say anything usable. */
const DEFAULTS: Readonly<Record<string, unknown>> = { kind: 'process', type: 'other', classification: 'internal' };

/** "element "Orders DB" (orders-db)" — how a message names the item it is about. */
function describeItem(what: string, item: Plain): string {
  const id = typeof item.id === 'string' ? item.id : undefined;
  const name = typeof item.name === 'string' ? item.name : undefined;
  const label = name && name !== id ? `"${truncateForMessage(name, 60)}" (${truncateForMessage(id ?? '?', 60)})` : `"${truncateForMessage(id ?? name ?? '?', 60)}"`;
  return `${what} ${label}`;
}

function valueAt(item: Plain, path: readonly PropertyKey[]): unknown {
  let value: unknown = item;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}


/** Removes (or defaults) what one issue points at; returns false when nothing could be removed. */
function repair(item: Plain, path: readonly PropertyKey[]): boolean {
  const [field, index] = path;
  if (typeof field !== 'string') return false;
  if (path.length === 1 || item[field] === null || typeof item[field] !== 'object') {
    if (Object.hasOwn(DEFAULTS, field)) item[field] = DEFAULTS[field];
    else if (field in item) delete item[field];
    else return false;
    return true;
  }
  const container = item[field];
  if (Array.isArray(container) && typeof index === 'number') {
    item[field] = container.filter((_, i) => i !== index);
    return true;
  }
  if (index !== undefined && typeof index !== 'symbol') {
    // A nested field that is missing (`location.line`) cannot be removed: the object holding it goes.
    if (!(String(index) in (container as Plain))) {
      delete item[field];
      return true;
    }
    delete (container as Plain)[String(index)];
    return true;
  }
  delete item[field];
  return true;
}

/**
 * The item as the schema accepts it, or undefined when it cannot be made valid. Notes name each field that
 * was dropped or defaulted. `line` is where the item came from, for the notes.
 */
export function validateItem<S extends z.ZodType>(schema: S, what: string, raw: Plain, line: number | undefined, notes: ValidationNote[]): z.output<S> | undefined {
  const first = schema.safeParse(raw);
  if (first.success) return first.data;
  let item: Plain;
  try {
    item = structuredClone(raw);
  } catch {
    // Only plain data can be repaired; anything else (a reader's slip) is left out, with a note.
    notes.push({ message: `${describeItem(what, raw)} left out: it has no valid form`, ...(line === undefined ? {} : { line }) });
    return undefined;
  }
  let issues = first.error.issues;
  // Each round removes at least one field, so this ends; a handful of rounds covers every real case.
  for (let round = 0; round < 8; round++) {
    let repaired = false;
    for (const issue of issues) {
      const field = issue.path.map(String).join('.') || '(item)';
      const value = valueAt(item, issue.path);
      const fix = issue.path.length === 1 && Object.hasOwn(DEFAULTS, String(issue.path[0])) ? `taken as ${String(DEFAULTS[String(issue.path[0])])}` : 'ignored';
      const note = { message: `${describeItem(what, item)}: ${field} ${describeValue(value)} is not valid (${oneLineIssue(issue.message)}); ${fix}` };
      notes.push(line === undefined ? note : { ...note, line });
      if (repair(item, issue.path)) repaired = true;
    }
    const again = schema.safeParse(item);
    if (again.success) return again.data;
    if (!repaired) break;
    issues = again.error.issues;
  }
  const note = { message: `${describeItem(what, raw)} left out: it has no valid form` };
  notes.push(line === undefined ? note : { ...note, line });
  return undefined;
}

function oneLineIssue(message: string): string {
  return truncateForMessage(message.replace(/\s+/g, ' '), 120);
}
