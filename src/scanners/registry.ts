// The formats Bulwark scans, in the order they get to claim files. A file goes to the first scanner
// that claims it; a new format is one entry here.

import type { FormatScanner } from './format.js';
import { RECOGNISED_SCANNERS } from './recognised.js';
import { terraformScanner } from './terraform.js';

/** Scanners that read their format first, then the formats only recognised (reported as not checked). */
export const BUILTIN_SCANNERS: readonly FormatScanner<any>[] = [terraformScanner, ...RECOGNISED_SCANNERS];

export function scannerById(id: string): FormatScanner<any> | undefined {
  return BUILTIN_SCANNERS.find((s) => s.id === id);
}
