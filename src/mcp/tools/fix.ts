// The `fix` tool: the verified fixes of `bulwark fix` as a unified diff (secrets masked), written only when the
// call says `apply: true`. Writes are those of `bulwark fix --write`: atomic, keeping each file's mode, and only
// to a file that is still the regular file that was scanned, with the text that was scanned.

import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { plural } from '../../core/plural.js';
import { atLeast, SEVERITIES, type Finding } from '../../core/types.js';
import { maskSecrets } from '../support/mask.js';
import { boundedText, PageSchema, pageOf, pagingInput } from '../support/paging.js';
import { confinedPath, type Workspace } from '../support/paths.js';
import { guarded, ToolRefusal, toolResult } from '../support/results.js';
import { scanScopeInput, scanSetup } from '../support/scan-run.js';

/** One file's diff may take this much of a page. */
const DIFF_BUDGET_BYTES = 64 * 1024;
/** Findings left unfixed listed in one result (each with its reason); the total says how many there are. */
const MAX_NOT_FIXED_LISTED = 50;

const inputSchema = {
  ...scanScopeInput,
  rules: z.array(z.string().min(1).max(100)).max(200).optional().describe('Fix only findings of these rule ids.'),
  severity: z.enum(SEVERITIES).optional().describe('Fix only findings at or above this severity.'),
  apply: z.boolean().optional().describe('Write the verified changes to the files. Default false: only return the diff.'),
  expectedDigest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe('With apply: the digest the diff was shown with; the write is refused if the changes are no longer the same.'),
  ...pagingInput,
};

const ChangeSchema = z.object({
  file: z.string(),
  created: z.boolean().optional().describe('The file does not exist yet (e.g. .env.example listing moved secrets).'),
  diff: z.string().describe('Unified diff; secret values are masked.'),
  diffTruncated: z.boolean().optional(),
  fixes: z.array(z.object({ ruleId: z.string(), line: z.number().int(), kind: z.string(), description: z.string() })).describe('The findings this change fixes (kind needs-input: a NEEDS YOUR INPUT comment).'),
});

const outputSchema = {
  applied: z.boolean().describe('True when the changes were written.'),
  digest: z.string().describe('Identifies this set of changes; pass it back as expectedDigest with apply: true.'),
  changes: z.array(ChangeSchema).describe('One per file, a page at a time.'),
  page: PageSchema,
  fixedTotal: z.number().int().describe('Findings the changes fix, over every page.'),
  notFixed: z.array(z.object({ ruleId: z.string(), file: z.string(), line: z.number().int(), reason: z.string() })).describe(`Selected findings left as they are, with why (the first ${MAX_NOT_FIXED_LISTED}).`),
  notFixedTotal: z.number().int(),
};

export function registerFixTool(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'fix',
    {
      title: 'Fix findings (diff first)',
      description:
        'Propose verified fixes for scan findings and return them as a unified diff. Nothing is written unless apply is true. ' +
        'Always show the diff to the user and get their agreement first; then call again with apply: true and expectedDigest set to the digest you showed. ' +
        'Fixes needing a decision are written as "# NEEDS YOUR INPUT" comments, never guessed.',
      inputSchema,
      outputSchema,
      annotations: { destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const { paths, options } = await scanSetup(workspace, args);
        const rules = new Set(args.rules ?? []);
        const select = (f: Finding) => (!rules.size || rules.has(f.ruleId)) && (!args.severity || atLeast(f.severity, args.severity));
        const { fixProject } = await import('../../fix/index.js');
        const { unifiedDiff } = await import('../../fix/report.js');
        const run = await fixProject(paths, { ...options, select });
        const digest = digestOf(run.changes);
        if (args.apply && args.expectedDigest && args.expectedDigest !== digest) {
          throw new ToolRefusal('the fixes are no longer the ones shown (the files changed since): nothing was written; show the new diff and ask again');
        }
        if (args.apply) await writeChanges(workspace, run.scan.root, run.changes);
        // Descriptions and reasons are Bulwark's own sentences, which quote secrets masked already.
        const changes = run.changes.map((c) => {
          const raw = unifiedDiff(c.file, c.before, c.after).replace(/^Index: .*\n/m, '');
          const diff = boundedText(maskSecrets(c.created ? raw.replace(/^--- a\/.*$/m, '--- /dev/null') : raw), DIFF_BUDGET_BYTES);
          const fixes = c.fixes.flatMap((fix) => fix.findings.map((f) => ({ ruleId: f.ruleId, line: f.location.range.start.line, kind: fix.kind, description: fix.description.slice(0, 1000) })));
          return { file: c.file, ...(c.created ? { created: true } : {}), diff: diff.text, ...(diff.truncated ? { diffTruncated: true } : {}), fixes };
        });
        const { items, page } = pageOf(changes, args);
        const fixedTotal = changes.reduce((n, c) => n + c.fixes.length, 0);
        const notFixed = run.unfixed
          .slice(0, MAX_NOT_FIXED_LISTED)
          .map((u) => ({ ruleId: u.finding.ruleId, file: u.finding.location.file, line: u.finding.location.range.start.line, reason: u.reason.slice(0, 500) }));
        const files = plural(run.changes.length, 'file');
        const text = !run.changes.length
          ? 'Nothing to fix.'
          : args.apply
            ? `Wrote ${files} (${plural(fixedTotal, 'fix', 'fixes')}).`
            : `${plural(fixedTotal, 'verified fix', 'verified fixes')} in ${files}; nothing written. Show the diff to the user; to write it, call fix again with apply: true and expectedDigest "${digest}".`;
        const structured = { applied: Boolean(args.apply && run.changes.length), digest, changes: items, page, fixedTotal, notFixed, notFixedTotal: run.unfixed.length };
        return toolResult(structured, text);
      }),
  );
}

type Change = Awaited<ReturnType<typeof import('../../fix/index.js').fixProject>>['changes'][number];

function digestOf(changes: readonly Change[]): string {
  const hash = createHash('sha256');
  for (const c of changes) hash.update(`${c.file}\0${c.before}\0${c.after}\0`);
  return hash.digest('hex');
}

/** As `bulwark fix --write`: never through a link, never over text that changed since the scan. */
async function writeChanges(workspace: Workspace, scanRoot: string, changes: readonly Change[]): Promise<void> {
  const { writeFileSafely } = await import('../../cli/support/write-file.js');
  const { readRegularFile } = await import('../../core/regular-file.js');
  const { relative } = await import('node:path');
  const rootRel = relative(workspace.root, scanRoot);
  for (const change of changes) {
    // Every file a change names is checked against the root before anything is written.
    confinedPath(workspace, rootRel ? `${rootRel}/${change.file}` : change.file, { mustExist: !change.created });
  }
  for (const change of changes) {
    const abs = confinedPath(workspace, rootRel ? `${rootRel}/${change.file}` : change.file, { mustExist: !change.created });
    if (change.created) {
      if (await lstat(abs).catch(() => undefined)) throw new ToolRefusal(`${change.file} appeared while it was being fixed; run fix again`);
      await writeFileSafely(abs, change.after, change.file);
      continue;
    }
    const info = await lstat(abs).catch(() => undefined);
    if (!info?.isFile()) throw new ToolRefusal(`${change.file} is no longer a regular file; nothing was written to it`);
    if ((await readRegularFile(abs)) !== change.before) throw new ToolRefusal(`${change.file} changed while it was being fixed; run fix again`);
    await writeFileSafely(abs, change.after, change.file);
  }
}
