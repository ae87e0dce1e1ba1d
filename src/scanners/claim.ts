// Which scanner reads which file: the first scanner, in registry order, that claims it (and every shared
// scanner that claims it too, like the secrets scanner). Names decide
// most files; the start of the text decides the rest (a `.yaml` may be Kubernetes or CloudFormation).

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { FormatScanner, SourceFile } from './format.js';

/** Enough of a file to recognise its format without reading all of it. */
export const HEAD_BYTES = 8192;

export interface Claimed<F extends SourceFile> {
  scanner: FormatScanner<any>;
  files: F[];
}

/** Files grouped by the scanner that claims them (in registry order), plus the files none claims. */
export function claimFiles<F extends SourceFile>(
  files: readonly F[],
  scanners: readonly FormatScanner<any>[],
  head: (file: F) => string,
): { claimed: Claimed<F>[]; unclaimed: F[] } {
  const groups = new Map<FormatScanner<any>, F[]>(scanners.map((s) => [s, []]));
  const unclaimed: F[] = [];
  for (const file of files) {
    const name = baseName(file.rel);
    let text: string | undefined;
    const lazyHead = () => (text ??= head(file));
    const owner = scanners.find((s) => !s.shared && s.mayClaim(name) && s.claims(file.rel, lazyHead));
    if (owner) groups.get(owner)!.push(file);
    let shared = false;
    for (const s of scanners) {
      if (s.shared && s.mayClaim(name) && s.claims(file.rel, lazyHead)) {
        groups.get(s)!.push(file);
        shared = true;
      }
    }
    if (!owner && !shared) unclaimed.push(file);
  }
  return { claimed: [...groups].filter(([, list]) => list.length).map(([scanner, list]) => ({ scanner, files: list })), unclaimed };
}

export function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** The first bytes of a file on disk as text; empty when it cannot be read (the scanner reports that). */
export function readHead(abs: string): string {
  let fd: number | undefined;
  try {
    // Without blocking, and only a regular file: opening a FIFO for reading waits for a writer forever.
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
