// The diagnostics the walk reports: files and directories it could not read, and why.

import type { Dirent } from 'node:fs';
import type { Diagnostic } from '../core/types.js';

export function describeDirent(entry: Dirent): string {
  if (entry.isDirectory()) return 'a directory';
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  return 'a block device';
}

const TOP = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export function ignoreFileSkipped(rel: string, reason: string): Diagnostic {
  return { severity: 'warning', code: 'ignore-file-unreadable', message: `ignore file ${rel} ${reason}; its rules are not applied`, location: { file: rel, range: TOP } };
}

export function ignoreFileNotRegular(rel: string, entry: Dirent): Diagnostic {
  return ignoreFileSkipped(rel, `is ${describeDirent(entry)}, not a regular file`);
}

export function notRegular(rel: string, what: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'file-not-regular',
    message: `${rel} is ${what}, not a regular file; not read`,
    location: { file: rel, range: TOP },
  };
}

export function unreadableDirectory(rel: string, error: unknown): Diagnostic {
  const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
  return {
    severity: 'warning',
    code: 'directory-unreadable',
    message: `cannot read directory ${rel} (${reason}); skipped`,
    location: { file: rel, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
  };
}
