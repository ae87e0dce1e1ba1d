// Whether Bulwark reads a format yet, from the scanner registry: a format that is only recognised is named
// in the scan report as not checked. The skills say so instead of promising checks that do not run.

import { RECOGNISED_SCANNERS } from '../scanners/recognised.js';
import { scannerById } from '../scanners/registry.js';
import type { FormatId } from '../core/formats.js';

export function readsFormat(id: FormatId): boolean {
  const scanner = scannerById(id);
  return scanner !== undefined && !RECOGNISED_SCANNERS.includes(scanner);
}
