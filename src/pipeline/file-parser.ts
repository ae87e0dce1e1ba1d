// Reads and parses one discovered file. Shared by the in-process scan and the worker threads.

import { readFileSync } from 'node:fs';
import type { HclFile } from '../parse/hcl/ast.js';
import { parseHcl } from '../parse/hcl/parser.js';
import { parseJsonVarFile } from '../parse/json-vars.js';

/** HCL, or JSON for `*.tfvars.json` variable files. */
export function parseConfig(text: string, path: string): HclFile {
  return path.endsWith('.json') ? parseJsonVarFile(text, path) : parseHcl(text, path);
}

export interface FileEntry {
  rel: string;
  abs: string;
  size: number;
}

/** Files larger than this are not parsed (a hostile or generated file must not exhaust memory). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function fileReader(files: readonly FileEntry[], maxBytes = MAX_FILE_BYTES) {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const readText = (rel: string): string => {
    const file = byRel.get(rel);
    if (!file || file.size > maxBytes) return '';
    return readFileSync(file.abs, 'utf8');
  };
  const parse = (rel: string): HclFile => {
    let text: string;
    try {
      text = readText(rel);
    } catch (error) {
      // Unreadable (permissions, vanished): report it like a syntax error at the top of the file.
      const file = parseHcl('', rel);
      const at = { line: 1, column: 1, offset: 0 };
      file.errors.push({ message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, range: { start: at, end: at } });
      return file;
    }
    return parseConfig(text, rel);
  };
  return { readText, parse };
}
