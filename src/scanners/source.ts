// File sources for scanners: files on disk (as discovered) and in-memory texts (rule examples, fixes).

import { readRegularFileSync } from '../core/regular-file.js';
import type { FileSource, SourceFile } from './format.js';

/** Files on disk; `overlay` holds edited texts read instead of some of them (fix verification). */
export function diskSource(files: readonly (SourceFile & { abs: string })[], overlay?: ReadonlyMap<string, string>): FileSource {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  return {
    files,
    ...(overlay ? { overlay } : {}),
    read(rel) {
      const edited = overlay?.get(rel);
      if (edited !== undefined) return edited;
      const file = byRel.get(rel);
      if (!file) throw Object.assign(new Error(`not part of the scan: ${rel}`), { code: 'ENOENT' });
      // Only a regular file, opened without blocking: a FIFO swapped in after discovery is refused, not waited on.
      return readRegularFileSync(file.abs, { display: rel });
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
