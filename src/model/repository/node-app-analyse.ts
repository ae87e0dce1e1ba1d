// One Node.js application read: its sources indexed, every call and literal scanned, routes judged, and the
// facts put together as the report states them, with the notes on what could not be read.

import { judgeRoutes } from './node-app-auth.js';
import { scanCalls } from './node-app-calls.js';
import { newCollector } from './node-app-collect.js';
import { indexModule, type ModuleIndex } from './node-app-module.js';
import { scanText } from './node-app-text.js';
import type { NodeApp, NodeAppKind, NodeAppReport, NodeFramework, Route } from './node-app-types.js';
import { Workspace } from './node-app-values.js';
import { factLists, summariseApp } from './app-facts.js';

const FRAMEWORKS: [string, NodeFramework][] = [
  ['@nestjs/core', 'nestjs'], ['next', 'next'], ['fastify', 'fastify'], ['@hapi/hapi', 'hapi'], ['hapi', 'hapi'], ['koa', 'koa'], ['express', 'express'],
];
const FRONTEND = ['react', 'vue', '@angular/core', 'svelte', 'preact', 'solid-js', 'react-dom'];

export interface Package {
  dir: string;
  name: string;
  deps: Set<string>;
  main?: string;
}

/** One application to read: its directory, its package.json (none at a bare repository root) and its sources. */
export interface AppJob {
  dir: string;
  pkg?: Package;
  sources: { rel: string; text: string }[];
}

export interface AppResult {
  app: NodeApp;
  notes: NodeAppReport['notes'];
}

export function analyseApp(job: AppJob): AppResult {
  const notes: NodeAppReport['notes'] = [];
  return { app: readApp(job.dir, job.pkg, job.sources, notes), notes };
}

function readApp(dir: string, pkg: Package | undefined, sources: { rel: string; text: string }[], notes: NodeAppReport['notes']): NodeApp {
  const modules = new Map<string, ModuleIndex>();
  for (const f of sources) {
    try {
      modules.set(f.rel, indexModule(f.rel, f.text));
    } catch (error) {
      notes.push({ file: f.rel, message: `not read: ${(error as Error).message}` });
    }
  }
  const c = newCollector(new Workspace(modules));
  for (const mod of modules.values()) {
    try {
      scanCalls(c, mod);
      scanText(c, mod, false);
    } catch (error) {
      notes.push({ file: mod.file, message: `partly read: ${(error as Error).message}` });
    }
  }
  let routes: Route[] = [];
  try {
    routes = judgeRoutes(c);
  } catch (error) {
    notes.push({ file: dir || '.', message: `routes not judged: ${(error as Error).message}` });
  }
  const framework = FRAMEWORKS.find(([dep]) => pkg?.deps.has(dep))?.[1] ?? FRAMEWORKS.map(([, f]) => f).find((f) => c.frameworks.has(f));
  const server = Boolean(framework) || c.serverFiles.size > 0 || c.ports.length > 0;
  const kind: NodeAppKind = server ? 'server' : FRONTEND.some((d) => pkg?.deps.has(d)) ? 'frontend' : c.clients.length || c.sql.length ? 'worker' : 'library';
  const entries = [...c.serverFiles].sort();
  if (!entries.length && pkg?.main) entries.push(joinRel(dir, pkg.main));
  const app: Omit<NodeApp, 'summary'> = {
    dir,
    name: pkg?.name ?? (dir.split('/').pop() || 'app'),
    kind,
    ...(framework ? { framework } : {}),
    entries,
    ...factLists({ ...c, routes }),
  };
  return { ...app, summary: summariseApp(app, { routesAuthenticate: true }) };
}

function joinRel(dir: string, path: string): string {
  const clean = path.replace(/^\.\//, '');
  return dir ? `${dir}/${clean}` : clean;
}

