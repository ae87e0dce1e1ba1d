// The threats written on Threat Dragon cells (`data.threats` in v2 files, `threats` on v1 cells), kept for the
// register with their original fields. Threats Bulwark itself exported are recognised by their `threatId`,
// a Bulwark threat id (`TM-AUTH-001@api`), and left out: Bulwark derives them again from the design.

import type { StrideCategory } from '../../core/types.js';
import type { ModelBuilder } from './builder.js';
import { MAX_IMPORTED_THREATS, severityFromWord, statusFromWords, strideFromType, type ImportedThreatDraft } from './imported-threats.js';
import type { FlowDraft } from './build-drafts.js';
import { slugify } from './vocabulary.js';

type Json = Record<string, unknown>;

/** A Bulwark threat id: a rule id (`TM-AUTH-001`, `TM-SUPPLY-002`), `@`, then its element or flow. */
const BULWARK_THREAT_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+@\S/;

/** True for a threat Bulwark wrote when it exported a model (it carries Bulwark's id as `threatId`, and no Threat Dragon id). */
export function isBulwarkExportedThreat(threat: Json): boolean {
  return typeof threat.threatId === 'string' && BULWARK_THREAT_ID.test(threat.threatId) && threat.id === undefined;
}

export interface CellThreats {
  /** Threats on cells Bulwark does not model (boundaries, text), or on flows left unconnected. */
  dropped: number;
  /** Threats Bulwark exported itself, derived again rather than imported. */
  ownExported: number;
  unknownStatus: Set<string>;
}

export function newCellThreats(): CellThreats {
  return { dropped: 0, ownExported: 0, unknownStatus: new Set() };
}

/** Adds the threats of one cell, about an element (its key) or a flow (its draft). */
export function readCellThreats(list: readonly unknown[], subject: { elementKey: string } | { flowDraft: FlowDraft }, cellId: string, builder: ModelBuilder, tally: CellThreats): void {
  list.forEach((raw, index) => {
    if (!isObject(raw)) return;
    if (isBulwarkExportedThreat(raw)) {
      tally.ownExported++;
      return;
    }
    if (builder.threatDrafts.length >= MAX_IMPORTED_THREATS) {
      tally.dropped++;
      return;
    }
    const type = str(raw.type);
    const title = str(raw.title);
    const { stride, note } = type ? strideFromType([type]) : strideFromTitle(title);
    const statusText = str(raw.status);
    const { status, known } = statusFromWords(statusText);
    if (statusText && !known) tally.unknownStatus.add(statusText);
    const severityText = str(raw.severity);
    // Older files give threats no id: the title names them, as it does on the element (the position would change on export).
    const id = str(raw.id) ?? str(raw.threatId) ?? (typeof raw.number === 'number' ? String(raw.number) : title ? slugify(title).slice(0, 60) : `${cellId}-${index + 1}`);
    const draft: ImportedThreatDraft = {
      format: 'threat-dragon',
      id,
      title: title ?? `Threat ${id}`,
      stride,
      status,
      original: raw,
      ...subject,
    };
    const optional: Partial<ImportedThreatDraft> = {
      type, modelType: str(raw.modelType), strideNote: note, statusText, severity: severityFromWord(severityText), severityText,
      description: str(raw.description), mitigation: str(raw.mitigation), score: typeof raw.score === 'number' ? String(raw.score) : str(raw.score),
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) (draft as Record<string, unknown>)[key] = value;
    builder.threatDrafts.push(draft);
  });
}

const STRIDE_LETTERS: Readonly<Record<string, StrideCategory>> = {
  S: 'spoofing', T: 'tampering', R: 'repudiation', I: 'information-disclosure', D: 'denial-of-service', E: 'elevation-of-privilege',
};

const TITLE_WORDS: ReadonlyArray<readonly [RegExp, StrideCategory]> = [
  [/\bspoof/i, 'spoofing'],
  [/\btamper/i, 'tampering'],
  [/\b(?:non-?)?repudiat/i, 'repudiation'],
  [/\binfo(?:rmation)?\.? ?disclos/i, 'information-disclosure'],
  [/\bdenial[- ]of[- ]service\b|\bd?dos\b/i, 'denial-of-service'],
  [/\belevation of privilege|\bprivilege escalation\b|\beop\b/i, 'elevation-of-privilege'],
];

/**
 * A threat saved without a type ("[S] Session hijack", "UI DoS - JS flood") says its category in its title: a
 * STRIDE letter in brackets first, else the one STRIDE category its words name. Tampering, as for any type
 * Bulwark does not know, when the title names none or several.
 */
function strideFromTitle(title: string | undefined): { stride: StrideCategory; note?: string } {
  const letter = title ? /^[[(]([STRIDE])[\])]/.exec(title)?.[1] : undefined;
  const named = letter ? [STRIDE_LETTERS[letter]!] : [...new Set(TITLE_WORDS.filter(([re]) => re.test(title ?? '')).map(([, stride]) => stride))];
  if (named.length === 1) return { stride: named[0]!, note: `no type; the title names ${named[0]!.replace(/-/g, ' ')}` };
  return strideFromType([]);
}

/** One note for what happened to the file's threats, when something did not come through as it was. */
export function noteCellThreats(tally: CellThreats, builder: ModelBuilder): void {
  if (tally.dropped) builder.note('info', `${tally.dropped} threat(s) in the Threat Dragon file are on trust boundaries, unconnected flows or past the limit of ${MAX_IMPORTED_THREATS}; not imported`);
  if (tally.unknownStatus.size) builder.note('info', `Threat Dragon threat status(es) ${[...tally.unknownStatus].slice(0, 5).map((s) => `"${s.slice(0, 40)}"`).join(', ')} not known; those threats are taken as open`);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
