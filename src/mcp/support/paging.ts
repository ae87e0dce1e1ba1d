// Bounded, paged results: a tool result never exceeds MAX_RESULT_BYTES, and long lists come a page at a time.
// A page stops at `limit` items or when the next item would take it past the byte budget, whichever comes
// first; `nextCursor` (an opaque string to pass back as `cursor`) is set when more remain.

import { z } from 'zod';

/** The most a tool result may hold (its structured content, with the text beside it). */
export const MAX_RESULT_BYTES = 256 * 1024;
/** What a page of items may take, leaving room for the summary around it. */
export const PAGE_BUDGET_BYTES = 192 * 1024;
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

/** The paging arguments every listing tool takes. */
export const pagingInput = {
  cursor: z.string().max(32).optional().describe('Where to continue: the nextCursor of the previous page. Omit for the first page.'),
  limit: z.number().int().min(1).max(MAX_PAGE_LIMIT).optional().describe(`Items per page (default ${DEFAULT_PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT}); a page also stops before it passes ${PAGE_BUDGET_BYTES / 1024} KB.`),
};

export const PageSchema = z.object({
  total: z.number().int().describe('Items in the whole list.'),
  offset: z.number().int().describe('Index of the first item of this page.'),
  returned: z.number().int(),
  nextCursor: z.string().optional().describe('Pass as `cursor` for the next page; absent on the last page.'),
  truncatedBySize: z.boolean().optional().describe('True when the page stopped before `limit` because of its size.'),
});
export type Page = z.infer<typeof PageSchema>;

/** A cursor that is not one this server handed out. */
export class BadCursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadCursorError';
  }
}

function offsetOf(cursor: string | undefined, total: number): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,9}$/.test(cursor)) throw new BadCursorError('cursor is not one this server gave: pass the nextCursor of the previous page unchanged');
  const offset = Number(cursor);
  if (offset > total) throw new BadCursorError(`cursor ${cursor} is past the end of the list (${total} items); the list may have changed: start again without a cursor`);
  return offset;
}

export function pageOf<T>(items: readonly T[], args: { cursor?: string | undefined; limit?: number | undefined }, budget = PAGE_BUDGET_BYTES): { items: T[]; page: Page } {
  const offset = offsetOf(args.cursor, items.length);
  const limit = args.limit ?? DEFAULT_PAGE_LIMIT;
  const out: T[] = [];
  let used = 0;
  let truncatedBySize = false;
  for (let i = offset; i < items.length && out.length < limit; i++) {
    const size = Buffer.byteLength(JSON.stringify(items[i]));
    // The first item of a page always goes in (items are kept small), so paging always moves on.
    if (out.length && used + size > budget) {
      truncatedBySize = true;
      break;
    }
    used += size;
    out.push(items[i]!);
  }
  const next = offset + out.length;
  return {
    items: out,
    page: { total: items.length, offset, returned: out.length, ...(next < items.length ? { nextCursor: String(next) } : {}), ...(truncatedBySize ? { truncatedBySize: true } : {}) },
  };
}

/** Text cut to `maxBytes` (at a character boundary), with whether it was cut. */
export function boundedText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= maxBytes) return { text, truncated: false };
  let cut = Buffer.from(text).subarray(0, maxBytes).toString('utf8');
  // A character split by the cut decodes as U+FFFD: drop it.
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1);
  return { text: cut, truncated: true };
}
