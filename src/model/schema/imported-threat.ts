// Threats a design file already holds (written in Threat Dragon, or in an Open Threat Model): what the
// readers hand to the engine, which files them in the one register next to the threats Bulwark derives.
// Kept in the schema layer so the readers and the engine share it without depending on each other.

import type { Severity, StrideCategory } from '../../core/types.js';

export const IMPORTED_THREAT_FORMATS = ['threat-dragon', 'otm', 'threagile'] as const;
export type ImportedThreatFormat = (typeof IMPORTED_THREAT_FORMATS)[number];

/** Statuses a file can give a threat, as Bulwark's register has them. */
export type ImportedThreatStatus = 'open' | 'mitigated' | 'accepted' | 'false-positive';

export interface ImportedThreat {
  format: ImportedThreatFormat;
  /** The threat's own id in the file (Threat Dragon's id, threatId or number; OTM's threat id). */
  id: string;
  title: string;
  /** STRIDE category, mapped from the file's type when it is not STRIDE (LINDDUN, CIA, DIE, PLOT4ai). */
  stride: StrideCategory;
  /** The type and threat model as the file writes them ("Linkability", "LINDDUN"). */
  type?: string;
  modelType?: string;
  /** How the file's type became the STRIDE category, when that took more than reading it. */
  strideNote?: string;
  status: ImportedThreatStatus;
  /** The status as the file writes it ("Mitigated", "NotApplicable", "exposed"). */
  statusText?: string;
  /** Undefined when the file gives none (or one Bulwark does not know): the engine takes medium and says so. */
  severity?: Severity;
  severityText?: string;
  likelihood?: 'high' | 'medium' | 'low';
  description?: string;
  mitigation?: string;
  score?: string;
  /** The element or flow it is about (model ids); exactly one is set. */
  element?: string;
  flow?: string;
  line?: number;
  /** The threat exactly as the file holds it, written back unchanged when the model is exported. */
  original: Record<string, unknown>;
}
