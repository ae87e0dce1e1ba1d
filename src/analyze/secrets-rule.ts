// What secret rules see: one text file with the secrets found in it (found once, shared by every rule),
// and `report`, which points at a span of the text. Reports never carry the secret itself.

import type { SecretMatch } from './secrets/detectors.js';

export interface SecretsFile {
  /** POSIX path relative to the project root. */
  rel: string;
  text: string;
  /** Ignored by an ignore file, but tracked by git. */
  tracked?: boolean;
  matches: readonly SecretMatch[];
}

export interface SecretsReport {
  message: string;
  start: number;
  end: number;
  /** What identifies the finding besides its file (the detector, the masked value). */
  part: string;
}

export interface SecretsRuleContext {
  report(report: SecretsReport): void;
}

export interface SecretsCheck {
  check(file: SecretsFile, ctx: SecretsRuleContext): void;
}
