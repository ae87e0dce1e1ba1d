// The `threat_status` tool: read the decisions of the tracking file (`bulwark-threats.yaml`), or record one:
// a threat's status with its justification, owner and expiry, written atomically. `bulwark model` and the
// `model` tool apply these decisions on their next run.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { FileReadError, readRegularFile } from '../../core/regular-file.js';
import { THREAT_STATUSES } from '../../model/engine/types.js';
import { DEFAULT_TRACKING_FILE } from '../../model/tracking/tracking.js';
import { PageSchema, pageOf, pagingInput } from '../support/paging.js';
import { confinedPath, type Workspace } from '../support/paths.js';
import { guarded, ToolRefusal, toolResult } from '../support/results.js';

const MAX_TRACKING_BYTES = 4 * 1024 * 1024;
/** No control characters (a line break would write another key), and a bounded length. */
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

const oneLine = (max: number) => z.string().min(1).max(max).regex(ONE_LINE, 'must be one line without control characters');

const inputSchema = {
  file: z.string().min(1).max(4096).optional().describe(`The tracking file, relative to the workspace root (default ${DEFAULT_TRACKING_FILE}).`),
  id: oneLine(300).optional().describe('A threat id from the model tool (e.g. TM-STORAGE-001@uploads). Alone: return its decision.'),
  status: z.enum(THREAT_STATUSES).optional().describe('Record this decision for id. mitigated, accepted and false-positive need a justification.'),
  justification: oneLine(2000).optional(),
  owner: oneLine(200).optional().describe('Who answers for the decision (a name or email).'),
  expires: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date')
    .optional()
    .describe('YYYY-MM-DD after which the decision lapses and the threat is open again.'),
  title: oneLine(300).optional().describe('The threat title, kept in the file for reviewers.'),
  ...pagingInput,
};

const EntrySchema = z.object({
  id: z.string(),
  status: z.enum(THREAT_STATUSES),
  justification: z.string().optional(),
  owner: z.string().optional(),
  expires: z.string().optional(),
  line: z.number().int().optional(),
});

const outputSchema = {
  file: z.string(),
  exists: z.boolean(),
  updated: EntrySchema.optional().describe('The decision just written.'),
  entries: z.array(EntrySchema),
  page: PageSchema,
  warnings: z.array(z.string()),
};

/** The tracking file's text (undefined when there is none yet) and its confined path. */
export async function readTrackingText(workspace: Workspace, file: string): Promise<{ abs: string; text: string | undefined }> {
  const abs = confinedPath(workspace, file, { mustExist: false });
  try {
    return { abs, text: await readRegularFile(abs, { maxBytes: MAX_TRACKING_BYTES, display: file }) };
  } catch (error) {
    if (error instanceof FileReadError && error.kind === 'missing') return { abs, text: undefined };
    throw error;
  }
}

export function registerThreatStatusTool(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'threat_status',
    {
      title: 'Read or record threat decisions',
      description:
        `Read the threat decisions in the tracking file (${DEFAULT_TRACKING_FILE}), or record one: give id and status (open, mitigated, accepted, false-positive), ` +
        'with a justification (required unless open), an owner and optionally an expiry date. Ask the user before accepting a risk on their behalf.',
      inputSchema,
      outputSchema,
      annotations: { destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const file = args.file ?? DEFAULT_TRACKING_FILE;
        const { parseTracking } = await import('../../model/tracking/tracking.js');
        const read = await readTrackingText(workspace, file);
        const abs = read.abs;
        let text = read.text;
        let updated: z.infer<typeof EntrySchema> | undefined;
        if (args.status !== undefined) {
          if (args.id === undefined) throw new ToolRefusal('status needs the id of the threat it decides');
          if (args.status !== 'open' && args.justification === undefined) throw new ToolRefusal(`a ${args.status} decision needs a justification`);
          const { setDecision } = await import('../support/tracking-edit.js');
          const { writeFileSafely } = await import('../../cli/support/write-file.js');
          const next = setDecision(text, args.id, { status: args.status, justification: args.justification, owner: args.owner, expires: args.expires, title: args.title });
          await writeFileSafely(abs, next, file);
          text = next;
        } else if (args.justification !== undefined || args.owner !== undefined || args.expires !== undefined) {
          throw new ToolRefusal('give a status with the decision (open, mitigated, accepted or false-positive)');
        }
        const tracking = text === undefined ? { entries: new Map(), warnings: [] as string[] } : parseTracking(text);
        // A file written by hand may hold text of any length: each field is bounded, so every entry fits a page.
        const all = [...tracking.entries.values()].map((e) => ({
          id: e.id.slice(0, 300),
          status: e.status,
          ...(e.justification ? { justification: e.justification.slice(0, 2000) } : {}),
          ...(e.owner ? { owner: e.owner.slice(0, 200) } : {}),
          ...(e.expires ? { expires: e.expires } : {}),
          ...(e.line ? { line: e.line } : {}),
        }));
        if (args.status !== undefined) updated = all.find((e) => e.id === args.id);
        const listed = args.id !== undefined ? all.filter((e) => e.id === args.id) : all;
        if (args.id !== undefined && args.status === undefined && !listed.length) throw new ToolRefusal(`${file} has no decision for ${args.id}`);
        const { items, page } = pageOf(listed, args);
        const text2 = updated
          ? `Recorded ${updated.status} for ${updated.id} in ${file}.`
          : text === undefined
            ? `${file} does not exist yet; record a decision to create it.`
            : `${all.length} decision${all.length === 1 ? '' : 's'} in ${file}.`;
        return toolResult({ file, exists: text !== undefined, ...(updated ? { updated } : {}), entries: items, page, warnings: tracking.warnings.slice(0, 30).map((w) => w.slice(0, 500)) }, text2);
      }),
  );
}
