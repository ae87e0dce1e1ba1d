// The Node.js applications of a repository and what their code says about security, read from the text
// alone (never run): each package (a directory with a package.json, or the repository root) is one
// application; its sources are indexed (imports, definitions, exports), every call is resolved to the
// package it comes from, and the facts are gathered with the file and line that state them.

import { analyseApp, type AppJob, type Package } from './node-app-analyse.js';
import { forgetShortCode } from './node-app-collect.js';
import type { NodeApp, NodeAppReport } from './node-app-types.js';

export type * from './node-app-types.js';

const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const SKIPPED = /(^|\/)(node_modules|bower_components|dist|build|coverage|\.next|\.nuxt|vendor)\/|\.min\.js$|\.d\.[cm]?ts$|\.bundle\.js$/;
/** Tests and fixtures describe no running system. */
const TEST_FILE = /(^|\/)(test|tests|__tests__|__mocks__|spec|e2e|fixtures?|cypress)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$/;
const MAX_SOURCE = 2_000_000;

export function analyseNodeApps(files: ReadonlyArray<{ rel: string; text: string }>): NodeAppReport {
  const notes: NodeAppReport['notes'] = [];
  const packages = new Map<string, Package>();
  for (const f of files) {
    if (!/(^|\/)package\.json$/.test(f.rel) || SKIPPED.test(f.rel)) continue;
    const dir = f.rel.includes('/') ? f.rel.slice(0, f.rel.lastIndexOf('/')) : '';
    try {
      const json = JSON.parse(f.text) as Record<string, unknown>;
      const deps = new Set<string>();
      for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const section = json?.[key];
        if (section && typeof section === 'object') for (const name of Object.keys(section)) deps.add(name);
      }
      const name = typeof json?.name === 'string' ? json.name : dir.split('/').pop() || 'app';
      packages.set(dir, { dir, name, deps, ...(typeof json?.main === 'string' ? { main: json.main } : {}) });
    } catch {
      notes.push({ file: f.rel, message: 'package.json is not valid JSON: its dependencies are not known' });
    }
  }
  const groups = new Map<string, { rel: string; text: string }[]>();
  for (const f of files) {
    if (!SOURCE.test(f.rel) || SKIPPED.test(f.rel) || TEST_FILE.test(f.rel)) continue;
    if (f.text.length > MAX_SOURCE) {
      notes.push({ file: f.rel, message: `skipped: ${f.text.length} characters is more than source code is expected to be (a bundle?)` });
      continue;
    }
    const dir = packageDir(f.rel, packages);
    const list = groups.get(dir) ?? [];
    list.push(f);
    groups.set(dir, list);
  }
  const jobs: AppJob[] = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dir, sources]) => ({ dir, ...(packages.has(dir) ? { pkg: packages.get(dir)! } : {}), sources }));
  const apps: NodeApp[] = [];
  for (const result of jobs.map(analyseApp)) {
    apps.push(result.app);
    notes.push(...result.notes);
  }
  forgetShortCode();
  return { apps, notes };
}

/** The directory of the nearest package.json above a file, or '' (the repository root). */
function packageDir(rel: string, packages: Map<string, Package>): string {
  for (let dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : ''; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
    if (packages.has(dir)) return dir;
    if (!dir) return '';
  }
}

