// The result of a scan: the stable, versioned shape behind every report and the library API.

import type { RuleMeta } from './rule-meta.js';
import type { Diagnostic, Finding } from './types.js';

/** Bump on any breaking change to ScanResult's JSON form; documented in docs/json-schema.md. */
export const SCAN_RESULT_VERSION = 1;

export interface ScanOptions {
  /** Extra exclude patterns (gitignore syntax), relative to the scan root. */
  exclude?: readonly string[];
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

export interface ScanStats {
  files: number;
  bytes: number;
  resources: number;
  rootModules: number;
  durationMs: number;
}

export interface ScanResult {
  schemaVersion: typeof SCAN_RESULT_VERSION;
  tool: { name: 'bulwark'; version: string };
  /** Absolute path every `location.file` is relative to. */
  root: string;
  /** Sorted by severity (worst first), then file, line, rule id. */
  findings: Finding[];
  /** Problems with the input that are not security findings (e.g. a module outside the scan root). */
  diagnostics: Diagnostic[];
  /** Metadata of every rule that ran, so reports can describe them. */
  rules: RuleMeta[];
  stats: ScanStats;
}
