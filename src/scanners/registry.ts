// The formats Bulwark scans, in the order they get to claim files. A file goes to the first scanner
// that claims it; a new format is one entry here.

import type { FormatScanner } from './format.js';
import { terraformScanner } from './terraform.js';

export const BUILTIN_SCANNERS: readonly FormatScanner<any>[] = [terraformScanner];

export function scannerById(id: string): FormatScanner<any> | undefined {
  return BUILTIN_SCANNERS.find((s) => s.id === id);
}
