// The scan behind the `scan`, `fix` and `compliance` tools: paths confined to the workspace, the policy file
// found as the CLI finds it (but only one inside the workspace), and every path reported relative to the root.

import { relative, isAbsolute } from 'node:path';
import { z } from 'zod';
import type { Policy } from '../../policy/schema.js';
import type { ScanCallOptions } from '../../scan.js';
import { ToolRefusal } from './results.js';
import { confinedPath, shownPath, type Workspace } from './paths.js';

export const scanScopeInput = {
  paths: z.array(z.string().min(1).max(4096)).max(100).optional().describe('Files or folders to scan, relative to the workspace root (default: the whole root).'),
  exclude: z.array(z.string().min(1).max(1024)).max(100).optional().describe('Paths to skip (gitignore syntax, relative to the root).'),
};

export interface ScanScope {
  paths?: string[] | undefined;
  exclude?: string[] | undefined;
}

/** The absolute paths and call options of a scan of `scope`; throws PathRefusedError for a path outside the root. */
export async function scanSetup(workspace: Workspace, scope: ScanScope): Promise<{ paths: string[]; options: ScanCallOptions; policy: Policy | undefined; notes: string[] }> {
  const paths = (scope.paths?.length ? scope.paths : ['.']).map((p) => confinedPath(workspace, p));
  const notes: string[] = [];
  const { findPolicyFile } = await import('../../policy/find.js');
  // The policy the CLI would use, unless it lies outside the workspace (a parent folder's): then none.
  const found = findPolicyFile(paths[0]!);
  const inside = found !== undefined && !relative(workspace.root, found).startsWith('..') && !isAbsolute(relative(workspace.root, found));
  const policy = inside ? await readPolicy(workspace, found) : undefined;
  if (found && !inside) notes.push('the policy file above the workspace root was not read');
  const options: ScanCallOptions = { exclude: scope.exclude ?? [], projectRoot: workspace.root, ...(policy ? { policy } : {}) };
  return { paths, options, policy, notes };
}

/** The policy file, loaded as the CLI loads it; a broken policy is refused with the message naming its line. */
async function readPolicy(workspace: Workspace, file: string): Promise<Policy> {
  const { loadPolicy, PolicyError } = await import('../../policy/load.js');
  try {
    return loadPolicy(file, (path) => shownPath(workspace, path)).policy;
  } catch (error) {
    if (error instanceof PolicyError) throw new ToolRefusal(error.message);
    throw error;
  }
}
