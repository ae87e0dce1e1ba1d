// How tools answer: structured content (checked by the SDK against the tool's outputSchema) with a short text
// beside it, or a tool error (`isError`) whose text says what was wrong. Errors a caller can cause (a refused
// path, a bad cursor, a file that is not a design, a write refused) are reported as such; nothing a tool throws
// ends the server.

import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { WriteError } from '../../cli/support/write-file.js';
import { FileReadError } from '../../core/regular-file.js';
import { TrackingFileError } from '../../model/tracking/tracking.js';
import { BadCursorError, boundedText, MAX_RESULT_BYTES } from './paging.js';
import { PathRefusedError } from './paths.js';

/** A request the tool cannot carry out, for a reason the caller can act on. */
export class ToolRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolRefusal';
  }
}

export function toolResult(structured: Record<string, unknown>, text: string): CallToolResult {
  const size = Buffer.byteLength(JSON.stringify(structured)) + Buffer.byteLength(text);
  // Pages and reports are bounded before this; a result past the limit is a bug, refused rather than sent.
  if (size > MAX_RESULT_BYTES) return toolError(`the result is too large (${size} bytes, more than ${MAX_RESULT_BYTES}); ask for a smaller page with \`limit\``);
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: boundedText(message, 4096).text }], isError: true };
}

/** Runs a tool's work; what it throws becomes a tool error naming the reason. */
export async function guarded(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PathRefusedError || error instanceof BadCursorError || error instanceof ToolRefusal || error instanceof FileReadError || error instanceof WriteError || error instanceof TrackingFileError) {
      return toolError(error.message);
    }
    return toolError(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
