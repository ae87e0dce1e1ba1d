// The directory of a POSIX project-relative path, '' for the project root (Terraform's module directories).

import { posix } from 'node:path';

export function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}
