// Verification of fixes before anything is written: the project is re-scanned in memory with the
// edited texts. An automatic fix must make its findings disappear; no fix may bring a finding that was
// not there (a syntax error included); and proposing fixes again on the result must change nothing.
// Fixes that fail are dropped with the reason and the rest are verified again, until a set holds.

import type { Finding } from '../core/types.js';
import { applyFixes, type FileChange, type LineSpan } from './apply.js';
import type { ProposalIndex, ProposedFix, Unfixed } from './propose.js';

export interface VerifyInput {
  /** Findings of the scan the fixes were proposed from. */
  original: readonly Finding[];
  fixes: readonly ProposedFix[];
  read: (rel: string) => string | undefined;
  /** Reads a file only companion lines touch: `null` when it does not exist (see applyFixes). */
  readCompanion?: (rel: string) => string | null | undefined;
  /**
   * Re-scans the project with `overlay` (project-relative path → edited text) read instead of the disk, with
   * the fixes the scanners would propose on the edited texts (for the second-pass check).
   */
  rescan: (overlay: ReadonlyMap<string, string>, proposeFor: readonly string[]) => Promise<Rescanned>;
}

export interface Rescanned {
  findings: readonly Finding[];
  proposals: ProposalIndex;
}

/** What a verification round asks for: a re-scan with these edited texts (and re-proposals for these findings). */
interface RescanRequest {
  overlay: ReadonlyMap<string, string>;
  proposeFor: readonly string[];
}

export interface Verified {
  changes: FileChange[];
  /** Findings of the re-scan with every kept fix in place (those of the original scan when nothing changed). */
  after: readonly Finding[];
  /** Fixes that failed verification, or could not be applied, per finding, with the reason. */
  rejected: Unfixed[];
}

/** Each round drops at least one fix; a handful of rounds is enough in practice, and bounds the cost. */
const MAX_ROUNDS = 6;

export async function verifyFixes(input: VerifyInput): Promise<Verified> {
  const steps = verification(input);
  let step = steps.next();
  while (!step.done) step = steps.next(await input.rescan(step.value.overlay, step.value.proposeFor));
  return step.value;
}

/** The same, for in-memory projects re-scanned synchronously (rule examples, the fuzzer). */
export function verifyFixesSync(input: Omit<VerifyInput, 'rescan'> & { rescan: (overlay: ReadonlyMap<string, string>, proposeFor: readonly string[]) => Rescanned }): Verified {
  const steps = verification(input);
  let step = steps.next();
  while (!step.done) step = steps.next(input.rescan(step.value.overlay, step.value.proposeFor));
  return step.value;
}

/** The rounds of verification, written once: each yields the re-scan it needs and receives its result. */
function* verification(input: Omit<VerifyInput, 'rescan'>): Generator<RescanRequest, Verified, Rescanned> {
  let candidates = [...input.fixes];
  const rejected: Unfixed[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { changes, skipped } = applyFixes(candidates, input.read, input.readCompanion ?? input.read);
    if (round === 0) rejected.push(...skipped);
    if (!changes.length) return { changes: [], after: input.original, rejected };
    const overlay = new Map(changes.map((c) => [c.file, c.after]));
    // Automatic fixes remove their findings; what a second pass could change again are the marked ones.
    const marked = changes.flatMap((c) => c.fixes.filter((f) => f.kind === 'needs-input').flatMap((f) => f.findings.map((x) => x.fingerprint)));
    const rescanned: Rescanned = yield { overlay, proposeFor: marked };
    const after = rescanned.findings;
    const blamed = judge(input.original, after, changes);
    if (!blamed.size) {
      const unsteady = secondPass(after, changes, rescanned.proposals);
      for (const fix of unsteady) blamed.set(fix, 'applying it again would change the file again');
    }
    if (!blamed.size) return { changes, after, rejected };
    for (const [fix, reason] of blamed) for (const finding of fix.findings) rejected.push({ finding, reason: `verification failed: ${reason}` });
    candidates = candidates.filter((f) => !blamed.has(f) && changes.some((c) => c.fixes.includes(f)));
  }
  for (const fix of candidates) for (const finding of fix.findings) rejected.push({ finding, reason: 'verification failed: the fixes could not be verified together' });
  return { changes: [], after: input.original, rejected };
}

/** The fixes to blame for what the re-scan shows, each with why (every reason found, in order). */
function judge(original: readonly Finding[], after: readonly Finding[], changes: readonly FileChange[]): Map<ProposedFix, string> {
  const blamed = new Map<ProposedFix, string>();
  const blame = (fix: ProposedFix, reason: string) => {
    const previous = blamed.get(fix);
    if (!previous?.includes(reason)) blamed.set(fix, previous ? `${previous}; ${reason}` : reason);
  };
  const remaining = counts(after);
  for (const change of changes) {
    for (const fix of change.fixes) {
      if (fix.kind !== 'automatic') continue;
      const left = fix.findings.find((f) => remaining.has(f.fingerprint));
      if (left) blame(fix, `the finding is still reported after the fix (${where(left)})`);
    }
  }
  const before = counts(original);
  const seen = new Map<string, number>();
  for (const finding of after) {
    const n = (seen.get(finding.fingerprint) ?? 0) + 1;
    seen.set(finding.fingerprint, n);
    if (n <= (before.get(finding.fingerprint) ?? 0)) continue;
    const suspects = suspectsOf(finding, changes);
    // A check that applies only once the fix is in (MFA delete on a bucket just made versioned) is no regression.
    if (suspects.some((fix) => fix.rule.fix?.bringsIntoScope?.includes(finding.ruleId))) continue;
    for (const fix of suspects) {
      // The same problem on the same resource, pointed at another spot (a value set, but to something still wrong).
      const same = fix.rule.meta.id === finding.ruleId && fix.findings.some((f) => f.resource === finding.resource);
      blame(fix, same ? `the finding is still reported after the fix (${where(finding)})` : `it would bring a new finding: ${finding.ruleId} ${finding.title} at ${where(finding)}`);
    }
  }
  return blamed;
}

/** The fixes a new finding may come from: those that wrote its line, else those that edited its resource, else every fix of its file (or of all files). */
function suspectsOf(finding: Finding, changes: readonly FileChange[]): ProposedFix[] {
  const change = changes.find((c) => c.file === finding.location.file);
  if (!change) return changes.flatMap((c) => c.fixes);
  if (change.companionOf) return change.companionOf;
  const line = finding.location.range.start.line;
  const within = (span: LineSpan) => span.from <= line && line <= span.to;
  const writers = change.fixes.filter((fix) => change.owned.get(fix)!.edits.some(within));
  if (writers.length) return writers;
  const editors = change.fixes.filter((fix) => within(change.owned.get(fix)!.resource));
  return editors.length ? editors : change.fixes;
}

/** Fixes that would edit their file again when proposed on the fixed text: not idempotent. */
function secondPass(after: readonly Finding[], changes: readonly FileChange[], proposals: ProposalIndex): ProposedFix[] {
  const byFile = new Map(changes.map((c) => [c.file, c]));
  const unsteady = new Set<ProposedFix>();
  for (const finding of after) {
    const again = proposals.get(finding.fingerprint);
    if (!again?.edits?.length) continue;
    const change = byFile.get(again.file);
    for (const fix of change?.fixes ?? []) if (fix.rule.meta.id === again.ruleId) unsteady.add(fix);
  }
  return [...unsteady];
}

function counts(findings: readonly Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of findings) map.set(f.fingerprint, (map.get(f.fingerprint) ?? 0) + 1);
  return map;
}

function where(f: Finding): string {
  return `${f.location.file}:${f.location.range.start.line}`;
}
