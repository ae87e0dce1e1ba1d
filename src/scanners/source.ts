// File sources for scanners: files on disk (as discovered) and in-memory texts (rule examples, fixes).

import { readFileSync } from 'node:fs';
import type { FileSource, SourceFile } from './format.js';

export function diskSource(files: readonly (SourceFile & { abs: string })[]): FileSource {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  return {
    files,
    read(rel) {
      const file = byRel.get(rel);
      if (!file) throw Object.assign(new Error(`not part of the scan: ${rel}`), { code: 'ENOENT' });
      return readFileSync(file.abs, 'utf8');
    },
  };
}

/** `texts` maps POSIX paths (relative to a virtual project root) to their content. */
export function memorySource(texts: Readonly<Record<string, string>>): FileSource {
  const files = Object.keys(texts)
    .sort()
    .map((rel) => ({ rel, size: Buffer.byteLength(texts[rel]!) }));
  return {
    files,
    read(rel) {
      const text = texts[rel];
      if (text === undefined) throw Object.assign(new Error(`no such file: ${rel}`), { code: 'ENOENT' });
      return text;
    },
  };
}
