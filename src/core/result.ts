// The result of a scan: the stable, versioned shape behind every report and the library API. The types
// are inferred from the zod declaration in scan-schema.ts (type-only, so free at run time).

import type { z } from 'zod';
import type { ComplianceReportSchema, FormatStatsSchema, ScanResultSchema } from './scan-schema.js';

/** Bump on any breaking change to ScanResult's JSON form; documented in docs/json-output.md. */
export const SCAN_RESULT_VERSION = 2;

export interface ScanOptions {
  /** Extra exclude patterns (gitignore syntax), relative to the scan root. */
  exclude?: readonly string[];
  /** The project root every path is relative to; default: the git top level above the scanned paths, else their common directory. */
  projectRoot?: string;
  /** List the checks that passed, per resource (`--show-passed`). */
  showPassed?: boolean;
  /** Terraform's own options. */
  terraform?: {
    /** Extra tfvars files (like `terraform -var-file`), applied after terraform.tfvars and *.auto.tfvars. */
    varFiles?: readonly string[];
    /** Like `terraform -var name=value`; highest precedence. */
    vars?: Readonly<Record<string, string>>;
  };
  /** Called as files are processed, for progress display. */
  onProgress?: (progress: ScanProgress) => void;
}

/** Work done so far; `unit` names what is counted (root modules, as they are evaluated). */
export interface ScanProgress {
  done: number;
  total: number;
  unit: string;
}

export type ScanResult = z.infer<typeof ScanResultSchema>;
export type ScanStats = ScanResult['stats'];
export type FormatStats = z.infer<typeof FormatStatsSchema>;
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>;
