// Decisions that last: a YAML file (`bulwark-threats.yaml`) mapping stable threat ids to a status,
// justification, owner and optional expiry. Pure functions over text; the CLI reads and writes the file.
//
//   version: 1
//   threats:
//     TM-STORAGE-001@uploads:
//       status: accepted          # open | mitigated | accepted | false-positive
//       justification: bucket serves public marketing assets only
//       owner: alice@example.com
//       expires: 2026-06-30
//       title: Uploads may be publicly accessible   # informational, refreshed by --update-tracking

import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml';
import { compareText } from '../../core/types.js';
import { compareThreats, countBySeverity } from '../engine/analyze.js';
import { THREAT_STATUSES, type Decision, type Threat, type ThreatReport, type ThreatStatus } from '../engine/types.js';

export const DEFAULT_TRACKING_FILE = 'bulwark-threats.yaml';

export interface TrackingEntry extends Decision {
  id: string;
  /** 1-based line of the entry in the tracking file. */
  line?: number;
}

export interface TrackingFile {
  entries: Map<string, TrackingEntry>;
  /** Problems with the file; bad entries are skipped, never fatal. */
  warnings: string[];
}

export interface StaleDecision {
  id: string;
  status: ThreatStatus;
  /** Why it no longer matches: the threat is gone, or the design now mitigates it. */
  reason: string;
  line?: number;
}

export interface TrackingOutcome {
  report: ThreatReport;
  stale: StaleDecision[];
  /** Ids whose decision expired and reverted to open. */
  expired: string[];
  warnings: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;


/** The tracking-file format this version of Bulwark reads and writes. */
export const TRACKING_FILE_VERSION = 1;

/** A tracking file Bulwark must not interpret: a format version it does not know, or no mapping at all. */
export class TrackingFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrackingFileError';
  }
}

/**
 * Checks the file's `version`. A version Bulwark does not know may change what a decision means, so its
 * decisions are not applied: that is an error, not a warning. A missing version is read as version 1: the
 * first files were written without one, and version 1 is the only format there has been.
 */
function checkVersion(doc: Document): void {
  if (!isMap(doc.contents)) throw new TrackingFileError('the tracking file must be a mapping with `version` and `threats`');
  const node = doc.get('version', true);
  const value = isScalar(node) ? node.value : node;
  if (value === undefined || value === null) return;
  if (value === TRACKING_FILE_VERSION || value === String(TRACKING_FILE_VERSION)) return;
  const shown = typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value).slice(0, 40) : 'not a number';
  throw new TrackingFileError(`unknown tracking file version ${shown} (this Bulwark reads version ${TRACKING_FILE_VERSION})`);
}

/**
 * Reads a tracking file. Bad entries are skipped with a warning; a file of an unknown version throws a
 * TrackingFileError, since applying decisions it may not mean would hide threats.
 */
export function parseTracking(text: string): TrackingFile {
  const warnings: string[] = [];
  const entries = new Map<string, TrackingEntry>();
  if (!text.trim()) return { entries, warnings };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  for (const error of doc.errors) warnings.push(`tracking file: ${error.message.split('\n')[0]}`);
  if (doc.errors.length) return { entries, warnings };
  checkVersion(doc);
  const threats = doc.get('threats', true);
  if (threats === undefined || threats === null) return { entries, warnings };
  if (!isMap(threats)) {
    warnings.push('tracking file: `threats` must be a mapping of threat id to decision');
    return { entries, warnings };
  }
  for (const pair of threats.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    const at = line ? ` (line ${line})` : '';
    if (!id) continue;
    const value = pair.value;
    if (!isMap(value)) {
      warnings.push(`tracking file: decision for ${id}${at} must be a mapping with a status`);
      continue;
    }
    const raw = value.toJSON() as Record<string, unknown>;
    const status = String(raw.status ?? 'open');
    if (!(THREAT_STATUSES as readonly string[]).includes(status)) {
      warnings.push(`tracking file: ${id}${at} has unknown status "${status}" (use ${THREAT_STATUSES.join(', ')})`);
      continue;
    }
    // YAML reads an unquoted 2026-06-30 as a string here (core schema), but accept Date objects too.
    const expiresRaw = raw.expires instanceof Date ? raw.expires.toISOString().slice(0, 10) : raw.expires;
    if (expiresRaw !== undefined && (typeof expiresRaw !== 'string' || !DATE.test(expiresRaw))) {
      warnings.push(`tracking file: ${id}${at} has an expiry that is not a YYYY-MM-DD date; ignored`);
    }
    const entry: TrackingEntry = { id, status: status as ThreatStatus, ...(line ? { line } : {}) };
    if (typeof raw.justification === 'string') entry.justification = raw.justification;
    if (typeof raw.owner === 'string') entry.owner = raw.owner;
    if (typeof expiresRaw === 'string' && DATE.test(expiresRaw)) entry.expires = expiresRaw;
    if (entry.status !== 'open' && !entry.justification) warnings.push(`tracking file: ${id}${at} is ${entry.status} without a justification`);
    entries.set(id, entry);
  }
  return { entries, warnings };
}

/**
 * Apply decisions to a report: mitigated/accepted/false-positive threats leave the open register for
 * `decided`; an expired decision reverts to open with a warning; decisions matching no open threat are stale.
 * `today` is an ISO date (YYYY-MM-DD), passed in so runs stay deterministic.
 */
export function applyTracking(report: ThreatReport, tracking: TrackingFile, today: string): TrackingOutcome {
  const warnings = [...tracking.warnings];
  const expired: string[] = [];
  const open: Threat[] = [];
  // A threat the design file itself decided (Threat Dragon's Mitigated, OTM's mitigated) can be decided again here: the tracking file wins.
  const redecided = report.decided.filter((t) => t.origin && tracking.entries.has(t.id));
  const decided: Threat[] = redecided.length ? report.decided.filter((t) => !redecided.includes(t)) /* few: only the file's decisions the tracking file names */ : [...report.decided];
  for (const threat of redecided.length ? [...report.threats, ...redecided] : report.threats) {
    const entry = tracking.entries.get(threat.id);
    if (!entry) {
      open.push(threat);
      continue;
    }
    const decision: Decision = { status: entry.status };
    if (entry.justification) decision.justification = entry.justification;
    if (entry.owner) decision.owner = entry.owner;
    if (entry.expires) decision.expires = entry.expires;
    if (entry.status !== 'open' && entry.expires && entry.expires < today) {
      expired.push(threat.id);
      warnings.push(`decision "${entry.status}" for ${threat.id} expired on ${entry.expires}; the threat is open again`);
      open.push({ ...threat, status: 'open', decision });
    } else if (entry.status === 'open') {
      open.push({ ...threat, status: 'open', decision });
    } else {
      decided.push({ ...threat, status: entry.status, decision });
    }
  }
  const current = new Set([...report.threats, ...redecided].map((t) => t.id));
  const byDesign = new Set(report.mitigatedByDesign.map((t) => t.id));
  const stale: StaleDecision[] = [];
  for (const entry of tracking.entries.values()) {
    if (current.has(entry.id)) continue;
    const reason = byDesign.has(entry.id) ? 'the design now mitigates this threat' : 'no threat with this id in the current design';
    stale.push({ id: entry.id, status: entry.status, reason, ...(entry.line ? { line: entry.line } : {}) });
    warnings.push(`stale decision for ${entry.id}${entry.line ? ` (line ${entry.line})` : ''}: ${reason}`);
  }
  stale.sort((a, b) => compareText(a.id, b.id));
  open.sort(compareThreats);
  decided.sort(compareThreats);
  return {
    report: { ...report, threats: open, decided, counts: countBySeverity(open), warnings: [...report.warnings, ...warnings] },
    stale,
    expired,
    warnings,
  };
}

/**
 * Add every open threat that has no entry yet as `status: open` (with its title), keeping existing
 * decisions, comments and order. `imported` holds decisions the design file brought (Threagile's risk
 * tracking), by threat id: those threats are written with that decision, decided ones included, so the
 * tracking file carries them from then on. Returns the new file text, the open threats added and the ids
 * written with an imported decision.
 */
export function updateTrackingText(
  existing: string | undefined,
  report: ThreatReport,
  imported: ReadonlyMap<string, Decision> = new Map(),
): { text: string; added: string[]; imported: string[] } {
  const doc: Document = existing && existing.trim() ? parseDocument(existing) : parseDocument('version: 1\nthreats: {}\n');
  if (doc.errors.length) throw new Error(`cannot update the tracking file: ${doc.errors[0]!.message.split('\n')[0]}`);
  checkVersion(doc);
  if (!doc.has('version') || doc.get('version') === null) doc.set('version', TRACKING_FILE_VERSION);
  let threats = doc.get('threats', true);
  if (!isMap(threats)) {
    threats = doc.createNode({});
    doc.set('threats', threats);
  }
  const map = threats as YAMLMap;
  // A flow-style `{}` from a fresh file would keep new entries on one line; write block style.
  map.flow = false;
  const added: string[] = [];
  const written: string[] = [];
  // A set of the ids already there: YAMLMap.has and .set search the whole map, quadratic over many threats.
  const present = new Set(map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key))));
  const decided = imported.size ? report.decided.filter((t) => imported.has(t.id)) : [];
  for (const threat of [...report.threats, ...decided]) {
    if (present.has(threat.id)) continue;
    const decision = imported.get(threat.id);
    const entry = strip({ status: decision?.status ?? 'open', justification: decision?.justification, owner: decision?.owner, title: threat.title, severity: threat.severity });
    map.items.push(doc.createPair(threat.id, entry));
    present.add(threat.id);
    if (decision) written.push(threat.id);
    if (entry.status === 'open') added.push(threat.id);
  }
  if (!existing?.trim()) {
    doc.commentBefore =
      ' Bulwark threat decisions: set status to mitigated, accepted or false-positive with a justification,\n' +
      ' an owner and optionally an expiry date (YYYY-MM-DD). Ids are stable across runs.';
  }
  return { text: doc.toString(), added, imported: written };
}

function strip<T extends Record<string, unknown>>(entry: T): T {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as T;
}
