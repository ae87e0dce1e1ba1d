// Which directories are root modules, found without parsing: a cheap text search for local
// module sources. A stray match (say, in a comment) only makes a directory look like a module;
// the Terraform stage then evaluates every directory no root actually loaded, so nothing is missed.

import { dirOf } from '../core/dir-of.js';
import { compareText } from '../core/types.js';
import { resolveModuleSource } from '../evaluate/terraform/paths.js';

export interface TerraformPlan {
  /** `.tf` files by module directory (POSIX, relative to the scan root, '' for the root). */
  tfByDir: Map<string, string[]>;
  /** `.tfvars` files by directory. */
  varsByDir: Map<string, string[]>;
  /** Directories believed to be root modules, sorted. */
  roots: string[];
}

export { dirOf };

// `source = "./x"` or `"../x"`: Terraform treats only these as local paths.
const LOCAL_SOURCE = /\bsource\s*=\s*"(\.\.?(?:\/[^"\n]*)?)"/g;

export function localModuleSources(text: string): string[] {
  const sources: string[] = [];
  for (const match of text.matchAll(LOCAL_SOURCE)) sources.push(match[1]!);
  return sources;
}

export function planTerraform(paths: readonly string[], readText: (path: string) => string): TerraformPlan {
  const tfByDir = new Map<string, string[]>();
  const varsByDir = new Map<string, string[]>();
  for (const path of paths) {
    const target = path.endsWith('.tf') ? tfByDir : path.endsWith('.tfvars') || path.endsWith('.tfvars.json') ? varsByDir : undefined;
    if (!target) continue;
    const dir = dirOf(path);
    const list = target.get(dir) ?? [];
    list.push(path);
    target.set(dir, list);
  }
  const called = new Set<string>();
  for (const [dir, files] of tfByDir) {
    for (const path of files) {
      let text: string;
      try {
        text = readText(path);
      } catch {
        continue; // unreadable files are reported when parsed
      }
      // Every local source has a quote followed by a dot; most files have none (`resource` contains "source").
      if (!text.includes('".')) continue;
      for (const source of localModuleSources(text)) {
        const resolved = resolveModuleSource(dir, source);
        if (resolved.kind === 'local' && resolved.dir !== dir) called.add(resolved.dir);
      }
    }
  }
  const roots = [...tfByDir.keys()].filter((dir) => !called.has(dir)).sort(compareText);
  return { tfByDir, varsByDir, roots };
}
