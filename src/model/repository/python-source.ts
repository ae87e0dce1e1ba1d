// Python application code as a repository source: every application's modules (Flask, FastAPI, Django or
// a plain worker) are read by the Python reader (python-app.ts, token scanning, never run), and each
// application joins the compose service built from its folder, or becomes an element of its own, with the
// properties its code decides (app-element.ts) and the flows its clients open (node-flows.ts).

import { PYTHON_LANGUAGE, state } from './app-element.js';
import { readApplications } from './app-source.js';
import { analysePythonApps, SKIPPED_PY } from './python-app.js';
import { MANIFEST } from './python-app-manifest.js';
import type { RepositorySource } from './types.js';

export const pythonSource: RepositorySource = {
  id: 'python',
  label: 'Python file',
  wants: (rel) => rel.endsWith('.py') && !SKIPPED_PY.test(rel),
  read: (input) =>
    readApplications(input, {
      language: PYTHON_LANGUAGE,
      isManifest: (rel) => MANIFEST.test(rel) && !rel.endsWith('.py') && !SKIPPED_PY.test(rel),
      analyse: analysePythonApps,
      annotate(app, element, input) {
        for (const d of app.debug) {
          // Django's debug pages show settings and SQL; Werkzeug's debugger runs code typed into the error page.
          const says = /^DEBUG\b/.test(d.says) ? 'Django DEBUG = True: error pages show code, settings and queries to any caller' : 'debug mode: the Werkzeug debugger lets anyone who reaches an error page run code';
          state(element, 'debugMode', true, d, `${says} (${d.says})`);
          input.note({ level: 'warning', file: d.file, line: d.line, message: says });
        }
      },
    }),
};
