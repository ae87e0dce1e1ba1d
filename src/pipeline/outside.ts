// Terraform a root module uses that discovery did not list: a local module above the scanned folder (but
// inside the project), and the registry or git modules `terraform init` installed under
// `.terraform/modules`. Read from disk on demand, never through a symlink that leaves the project.

import { readdirSync, realpathSync, statSync } from 'node:fs';
import { readRegularFileSync } from '../core/regular-file.js';
import { join, relative, isAbsolute } from 'node:path';
import type { FileEntry } from './file-parser.js';
import { joinInsideRoot } from '../evaluate/terraform/paths.js';

export interface OutsideFiles {
  /** `.tf` files directly in `dir` (POSIX, relative to the project root); undefined when it has none or cannot be read. */
  tfFiles(dir: string): string[] | undefined;
  /** Modules `terraform init` installed for a root module: module key (`vpc`, `vpc.subnets`) → directory relative to the project root. */
  installedModules(rootDir: string): ReadonlyMap<string, string>;
}

/** modules.json larger than this is not read (it lists modules, a few KB even for large configurations). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/**
 * Files found here are handed to `register` (so the file reader can read and parse them by their relative
 * path) before their paths are returned.
 */
export function diskOutside(projectRoot: string, register: (entries: FileEntry[]) => void): OutsideFiles {
  let realRoot: string | undefined;
  const inside = (abs: string): boolean => {
    try {
      realRoot ??= realpathSync(projectRoot);
      const rel = relative(realRoot, realpathSync(abs));
      return !rel.startsWith('..') && !isAbsolute(rel);
    } catch {
      return false;
    }
  };
  const dirs = new Map<string, string[] | undefined>();
  const manifests = new Map<string, ReadonlyMap<string, string>>();

  const tfFiles = (dir: string): string[] | undefined => {
    if (dirs.has(dir)) return dirs.get(dir);
    const found = listTf(projectRoot, dir, inside);
    if (found) register(found);
    const paths = found?.map((f) => f.rel);
    dirs.set(dir, paths);
    return paths;
  };

  const installedModules = (rootDir: string): ReadonlyMap<string, string> => {
    let map = manifests.get(rootDir);
    if (!map) manifests.set(rootDir, (map = readManifest(projectRoot, rootDir, inside)));
    return map;
  };
  return { tfFiles, installedModules };
}

function listTf(projectRoot: string, dir: string, inside: (abs: string) => boolean): FileEntry[] | undefined {
  const absDir = join(projectRoot, dir);
  if (!inside(absDir)) return undefined;
  let names: string[];
  try {
    names = readdirSync(absDir).filter((n) => n.endsWith('.tf')).sort();
  } catch {
    return undefined;
  }
  const files: FileEntry[] = [];
  for (const name of names) {
    const abs = join(absDir, name);
    try {
      const info = statSync(abs);
      if (info.isFile() && inside(abs)) files.push({ rel: dir ? `${dir}/${name}` : name, abs, size: info.size });
    } catch {
      // vanished or unreadable: nothing to scan
    }
  }
  return files.length ? files : undefined;
}

/** `.terraform/modules/modules.json` of a root module: `{ "Modules": [{ "Key", "Source", "Dir" }] }`. */
function readManifest(projectRoot: string, rootDir: string, inside: (abs: string) => boolean): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  const abs = join(projectRoot, rootDir, '.terraform', 'modules', 'modules.json');
  try {
    if (!inside(abs) || statSync(abs).size > MAX_MANIFEST_BYTES) return map;
    const parsed = JSON.parse(readRegularFileSync(abs, { maxBytes: MAX_MANIFEST_BYTES })) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
    for (const entry of Array.isArray(parsed.Modules) ? parsed.Modules : []) {
      if (typeof entry?.Key !== 'string' || typeof entry.Dir !== 'string' || entry.Key === '') continue;
      // Dir is relative to the root module (Terraform writes `.terraform/modules/<key>`); normalise and keep it inside.
      const dir = isAbsolute(entry.Dir) ? toProjectRel(projectRoot, entry.Dir) : joinInsideRoot(rootDir, entry.Dir.replace(/\\/g, '/'));
      if (dir !== undefined) map.set(entry.Key, dir);
    }
  } catch {
    // missing, unreadable or not JSON: no installed modules
  }
  return map;
}

function toProjectRel(projectRoot: string, abs: string): string | undefined {
  const rel = relative(projectRoot, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split('\\').join('/');
}
