// Finding the policy file: `bulwark.yaml` from the scanned folder up to the repository top, as ESLint finds its
// configuration. Kept apart from the reader so that a scan without a policy loads neither YAML nor the schema.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { findRepositoryTop } from '../discover/walk.js';

export const POLICY_FILE_NAMES = ['bulwark.yaml', 'bulwark.yml', '.bulwark.yaml', '.bulwark.yml'] as const;

/** The policy file that applies to `start` (a file or folder): the nearest up to the repository top. */
export function findPolicyFile(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    return undefined;
  }
  const top = findRepositoryTop(dir) ?? dir;
  for (let d = dir; ; d = dirname(d)) {
    for (const name of POLICY_FILE_NAMES) if (existsSync(join(d, name))) return join(d, name);
    if (d === top || dirname(d) === d || relative(top, d).startsWith('..')) return undefined;
  }
}

