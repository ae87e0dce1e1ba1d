// What `bulwark model` accepts, shared by its registration (help, choices) and its implementation.
// No heavy imports: every CLI start loads this module.

import type { Severity } from '../../core/types.js';
import type { InputFormat } from '../../model/adapters/formats.js';

export const MODEL_FORMATS = ['markdown', 'json', 'sarif', 'mermaid', 'threat-dragon', 'yaml'] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/**
 * The tracking module's DEFAULT_TRACKING_FILE, repeated so `--help` needs no YAML parser;
 * test/cli/startup.test.ts keeps the two equal.
 */
export const DEFAULT_TRACKING_FILE = 'bulwark-threats.yaml';

export interface ModelCliOptions {
  from?: InputFormat;
  format?: string;
  output?: string;
  failOn: Severity | 'none';
  tracking?: string;
  updateTracking?: boolean;
  diff?: string[];
  quiet?: boolean;
  projectRoot?: string;
}
