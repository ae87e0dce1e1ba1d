// The library entry for fixing: scan, propose fixes for the selected findings, verify them on an
// in-memory copy of the project, and return the verified changes (the CLI shows them as a diff and
// writes them only when asked).

import { lstatSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { readRegularFileSync } from '../core/regular-file.js';
import type { ScanResult } from '../core/result.js';
import type { Finding } from '../core/types.js';
import { MAX_FILE_BYTES } from '../pipeline/file-parser.js';
import { WorkerSession } from '../pipeline/parallel.js';
import { prepareScan, rulesFor, scanPrepared, type ScanCallOptions } from '../scan.js';
import type { FileChange } from './apply.js';
import type { FixProposalData } from '../analyze/propose.js';
import { groupProposals, type ProposedFix, type Unfixed } from './propose.js';
import { verifyFixes } from './verify.js';

export type { FileChange, ProposedFix, Unfixed };

export interface FixOptions extends ScanCallOptions {
  /** Which findings to fix (default: every unsuppressed one). */
  select?: (finding: Finding) => boolean;
  /** Asked per proposed fix, before verification (interactive use); false leaves it out. */
  confirm?: (fix: ProposedFix, text: string) => Promise<boolean>;
}

export interface FixRun {
  /** The scan the fixes were proposed from. */
  scan: ScanResult;
  /** Verified changes, one per file. */
  changes: FileChange[];
  /** Findings after the changes (the re-scan), or the scan's when nothing changed. */
  after: readonly Finding[];
  /** Selected findings left as they are, each with why: no fix, declined, failed verification. */
  unfixed: Unfixed[];
}

export async function fixProject(paths: readonly string[], options: FixOptions = {}): Promise<FixRun> {
  const prepared = await prepareScan(paths, options);
  // The verification re-scan reuses the scan's worker threads, loaded and warm.
  const workerSession = new WorkerSession();
  try {
    return await fixWith(prepared, { ...options, workerSession });
  } finally {
    await workerSession.close();
  }
}

async function fixWith(prepared: Awaited<ReturnType<typeof prepareScan>>, options: FixOptions): Promise<FixRun> {
  const scanWithProposals = async (overlay?: ReadonlyMap<string, string>, proposeFor?: readonly string[]) => {
    const proposals = new Map<string, FixProposalData>();
    const result = await scanPrepared(prepared, { ...options, onFixProposals: (list) => list.forEach(([fp, p]) => proposals.set(fp, p)), ...(proposeFor ? { proposeOnly: proposeFor } : {}) }, overlay);
    return { result, proposals };
  };
  const first = await scanWithProposals();
  const scan = first.result;
  const abs = new Map(prepared.files.map((f) => [f.rel, f.abs]));
  const cache = new Map<string, string | undefined>();
  const read = (rel: string): string | undefined => {
    if (!cache.has(rel)) {
      const path = abs.get(rel);
      let text: string | undefined;
      try {
        text = path === undefined ? undefined : readRegularFileSync(path, { maxBytes: MAX_FILE_BYTES });
      } catch {
        text = undefined;
      }
      cache.set(rel, text);
    }
    return cache.get(rel);
  };
  // A file only companion lines touch may not have been scanned: read below the root, never through a link.
  const readCompanion = (rel: string): string | null | undefined => {
    if (abs.has(rel)) return read(rel);
    if (rel.split('/').includes('..') || isAbsolute(rel)) return undefined;
    const path = resolve(prepared.root, rel);
    let info;
    try {
      info = lstatSync(path);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
    }
    if (!info.isFile()) return undefined;
    try {
      return readRegularFileSync(path, { maxBytes: MAX_FILE_BYTES });
    } catch {
      return undefined;
    }
  };
  const selected = scan.findings.filter((f) => !f.suppression && (options.select?.(f) ?? true));
  const proposals = groupProposals(selected, first.proposals, rulesFor(options));
  let fixes = proposals.fixes;
  const unfixed: Unfixed[] = [...proposals.unfixed];
  if (options.confirm) {
    const chosen: ProposedFix[] = [];
    for (const fix of fixes) {
      if (await options.confirm(fix, read(fix.file) ?? '')) chosen.push(fix);
      else for (const finding of fix.findings) unfixed.push({ finding, reason: 'left out when asked' });
    }
    fixes = chosen;
  }
  const verified = await verifyFixes({
    original: scan.findings,
    fixes,
    read,
    readCompanion,
    rescan: async (overlay, proposeFor) => {
      const again = await scanWithProposals(overlay, proposeFor);
      return { findings: again.result.findings, proposals: again.proposals };
    },
  });
  unfixed.push(...verified.rejected);
  return { scan, changes: verified.changes, after: verified.after, unfixed };
}
