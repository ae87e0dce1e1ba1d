// The Python applications of a repository and what their code says about security, read from the text alone
// (never run): each directory with a requirements.txt, pyproject.toml, Pipfile or setup.py (or the
// repository root) is one application; its modules are tokenised and indexed, names are followed across
// them (an app factory in one module, `CORS(app)` in another), and the facts are gathered with the file and
// line that state them, in the shape the Node.js reader reports (node-app-types.ts).

import type { Evidence, NodeApp, NodeAppKind, NodeAppReport, NodeFramework } from './node-app-types.js';
import { scanClients } from './python-app-clients.js';
import { newCollector } from './python-app-collect.js';
import { scanControls } from './python-app-controls.js';
import { scanData } from './python-app-data.js';
import { scanDjangoRoutes } from './python-app-django.js';
import { MANIFEST, readManifest, type PyManifest } from './python-app-manifest.js';
import { scanRoutes } from './python-app-routes.js';
import { indexModule, PyWorkspace, type PyModule } from './python-module.js';
import { dedupeBy, factLists, summariseApp } from './app-facts.js';

/** A Python application: the Node.js reader's facts, and where debug mode is switched on (Django's `DEBUG = True`, `app.run(debug=True)`). */
export interface PythonApp extends NodeApp {
  debug: Evidence[];
}

export interface PythonAppReport {
  apps: PythonApp[];
  notes: NodeAppReport['notes'];
}

/** Tests, virtual environments, installed packages and migrations describe no running service. */
export const SKIPPED_PY = /(^|\/)(tests?|testing|__pycache__|venv|\.venv|env|\.env|\.tox|\.nox|site-packages|dist-packages|migrations|alembic|node_modules|build|dist|docs?|scripts|hack|examples?)\/|(^|\/)(test_[^/]*|[^/]*_tests?|tests|conftest)\.py$/;
const MAX_SOURCE = 1_000_000;
const FRAMEWORKS: [string, NodeFramework][] = [['fastapi', 'fastapi'], ['django', 'django'], ['djangorestframework', 'django'], ['flask', 'flask'], ['quart', 'flask']];

export function analysePythonApps(files: ReadonlyArray<{ rel: string; text: string }>): PythonAppReport {
  const notes: NodeAppReport['notes'] = [];
  const manifests = new Map<string, PyManifest>();
  for (const f of files) if (MANIFEST.test(f.rel) && !SKIPPED_PY.test(f.rel)) readManifest(manifests, f.rel, f.text);
  const groups = new Map<string, { rel: string; text: string }[]>();
  for (const f of files) {
    if (!f.rel.endsWith('.py') || SKIPPED_PY.test(f.rel) || /(^|\/)setup\.py$/.test(f.rel)) continue;
    if (f.text.length > MAX_SOURCE) {
      notes.push({ file: f.rel, message: `skipped: ${f.text.length} characters is more than source code is expected to be (generated?)` });
      continue;
    }
    const dir = appDir(f.rel, manifests);
    const list = groups.get(dir) ?? [];
    list.push(f);
    groups.set(dir, list);
  }
  const apps: PythonApp[] = [];
  for (const [dir, sources] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) apps.push(analyseApp(dir, manifests.get(dir), sources, notes));
  return { apps, notes };
}

function appDir(rel: string, manifests: Map<string, PyManifest>): string {
  for (let dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : ''; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
    if (manifests.has(dir)) return dir;
    if (!dir) return '';
  }
}

function analyseApp(dir: string, manifest: PyManifest | undefined, sources: { rel: string; text: string }[], notes: NodeAppReport['notes']): PythonApp {
  const modules: PyModule[] = [];
  for (const f of sources) {
    try {
      modules.push(indexModule(f.rel, f.text, dir));
    } catch (error) {
      notes.push({ file: f.rel, message: `not read: ${(error as Error).message}` });
    }
  }
  const c = newCollector(new PyWorkspace(modules));
  const step = (file: string, what: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      notes.push({ file, message: `${what} not read: ${(error as Error).message}` });
    }
  };
  step(dir || '.', 'routes', () => scanRoutes(c, modules));
  step(dir || '.', 'Django routes', () => scanDjangoRoutes(c, modules));
  step(dir || '.', 'controls', () => scanControls(c, modules));
  for (const mod of modules) {
    step(mod.file, 'data and clients', () => {
      scanData(c, mod);
      scanClients(c, mod, manifest?.deps ?? new Set());
    });
    for (const site of mod.importSites) {
      const top = site.module.split('.')[0]!;
      if (top === 'flask' || top === 'fastapi' || top === 'django' || top === 'rest_framework') c.frameworks.add(top === 'rest_framework' ? 'django' : top);
    }
  }
  const framework = FRAMEWORKS.find(([dep]) => manifest?.deps.has(dep))?.[1] ?? (['fastapi', 'django', 'flask'] as const).find((f) => c.frameworks.has(f));
  if (framework === 'django') for (const m of modules) if (/(^|\/)(wsgi|asgi|manage)\.py$/.test(m.file)) c.serverFiles.add(m.file);
  if (framework === 'flask' && c.bodyRead && !c.bodyLimits.length) {
    // Flask reads a request body of any size unless MAX_CONTENT_LENGTH is set.
    c.bodyLimits.push({ parser: 'Flask request body (no MAX_CONTENT_LENGTH)', evidence: c.bodyRead });
  }
  const server = Boolean(framework) || c.serverFiles.size > 0 || c.ports.length > 0;
  const kind: NodeAppKind = server ? 'server' : c.clients.length || c.sql.length ? 'worker' : 'library';
  const entries = [...c.serverFiles].sort();
  if (!entries.length) {
    const main = modules.find((m) => /__name__\s*==\s*['"]__main__['"]/.test(m.t.text)) ?? modules.find((m) => /(^|\/)(main|app|worker|__main__)\.py$/.test(m.file));
    if (main) entries.push(main.file);
  }
  const app: Omit<PythonApp, 'summary'> = {
    dir,
    name: manifest?.name ?? (dir.split('/').pop() || 'app'),
    kind,
    ...(framework ? { framework } : {}),
    entries,
    // One entry per mechanism (its first use), as the Node.js reader reports them.
    ...factLists(c, { auth: dedupeBy(c.auth, (a) => `${a.kind}:${a.library ?? ''}`), logging: dedupeBy(c.logging, (l) => l.library) }),
    debug: c.debug,
  };
  return { ...app, summary: summariseApp(app, { routesAuthenticate: false }) };
}

