// Reads and parses one discovered file. Shared by the in-process scan and the worker threads.

import { FileReadError, readRegularFileSync } from '../core/regular-file.js';
import type { HclFile } from '../parse/hcl/ast.js';
import { parseHcl } from '../parse/hcl/parser.js';
import { parseJsonVarFile } from '../parse/json-vars.js';

/** HCL, or JSON for `*.tfvars.json` variable files. */
export function parseConfig(text: string, path: string): HclFile {
  return path.endsWith('.json') ? parseJsonVarFile(text, path) : parseHcl(text, path);
}

export interface FileEntry {
  rel: string;
  size: number;
  /** Absent for in-memory files, which then need `read`. */
  abs?: string;
}

/** Files larger than this are not parsed (a hostile or generated file must not exhaust memory). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface FileReaderOptions {
  maxBytes?: number;
  /** How to read a file's text; default: from its `abs` path. */
  read?: (rel: string) => string;
  /**
   * Texts read for planning are kept, up to this many characters in all, so parsing does not read them
   * again; each is handed out once (`takeText`) and then forgotten. 0 keeps nothing.
   */
  retainChars?: number;
  /** Texts read instead of the files on disk (edited in memory by a fix being verified). */
  overlay?: ReadonlyMap<string, string>;
}

export interface FileReader {
  /** Reads a file (empty when it is over the size limit or unknown); keeps it if the budget allows. */
  readText(rel: string): string;
  /** A kept text (forgotten now), else the file read afresh. */
  takeText(rel: string): string;
  /** Kept texts of these files, handed out and forgotten; files without a kept text are left out. */
  takeKept(rels: Iterable<string>): [string, string][];
  /** Reads (or takes) and parses; a file that cannot be read parses as empty with a syntax error at its top. */
  parse(rel: string): HclFile;
  /** Makes more files readable (found after discovery: modules outside the scanned folder). */
  register(entries: readonly FileEntry[]): void;
}

export function fileReader(files: readonly FileEntry[], options: FileReaderOptions = {}): FileReader {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  let budget = options.retainChars ?? 0;
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const kept = new Map<string, string>();
  // Only regular files, opened without blocking: a FIFO or a device swapped in after discovery is refused, not read.
  const fromDisk = options.read ?? ((rel: string) => readRegularFileSync(byRel.get(rel)!.abs!, { display: rel, maxBytes }));
  const overlay = options.overlay;
  const readText = overlay ? (rel: string) => overlay.get(rel) ?? fromDisk(rel) : fromDisk;
  const read = (rel: string): string => {
    const file = byRel.get(rel);
    if (!file || file.size > maxBytes) return '';
    return readText(rel);
  };
  const reader: FileReader = {
    readText(rel) {
      const text = kept.get(rel) ?? read(rel);
      if (budget >= text.length && !kept.has(rel)) {
        kept.set(rel, text);
        budget -= text.length;
      }
      return text;
    },
    takeText(rel) {
      const text = kept.get(rel);
      if (text === undefined) return read(rel);
      kept.delete(rel);
      return text;
    },
    takeKept(rels) {
      const out: [string, string][] = [];
      for (const rel of rels) {
        const text = kept.get(rel);
        if (text === undefined) continue;
        kept.delete(rel);
        out.push([rel, text]);
      }
      return out;
    },
    register(entries) {
      for (const entry of entries) if (!byRel.has(entry.rel)) byRel.set(entry.rel, entry);
    },
    parse(rel) {
      let text: string;
      try {
        text = reader.takeText(rel);
      } catch (error) {
        return unreadable(rel, error);
      }
      return parseConfig(text, rel);
    },
  };
  return reader;
}

/**
 * Unreadable (permission denied, an I/O error, vanished, no longer a regular file): an empty file with a
 * `file-unreadable` warning naming it. Not a syntax error: nothing is wrong with what the file says.
 */
export function unreadable(rel: string, error: unknown): HclFile {
  const file = parseHcl('', rel);
  const at = { line: 1, column: 1, offset: 0 };
  const reason = error instanceof FileReadError ? error.message : `cannot read ${rel}: ${describeReadError(error)}`;
  file.warnings = [{ code: 'file-unreadable', message: `${reason}; it was not scanned`, range: { start: at, end: at } }];
  return file;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EIO') return 'input/output error (EIO)';
  return code ?? (error instanceof Error ? error.message : String(error));
}
