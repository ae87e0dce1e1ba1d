// Python application code as a repository source: every application's modules (Flask, FastAPI, Django or
// a plain worker) are read by the Python reader (python-app.ts, token scanning, never run), and each
// application joins the compose service built from its folder, or becomes an element of its own, with the
// properties its code decides (app-element.ts) and the flows its clients open (node-flows.ts).

import { appElement, note, PYTHON_LANGUAGE, serviceOf } from './app-element.js';
import { composeServiceFacts } from './compose-environment.js';
import { appFlows } from './node-flows.js';
import { analysePythonApps, SKIPPED_PY } from './python-app.js';
import { MANIFEST } from './python-app-manifest.js';
import { emptyFragment, type RepositorySource } from './types.js';

/** Properties only the code can tell: they overwrite what configuration or a design said. */
const CODE_DECIDES = ['authenticatesCallers', 'corsRestricted', 'rateLimited', 'sizeLimits', 'validatesInput', 'auditLogging'] as const;

export const pythonSource: RepositorySource = {
  id: 'python',
  label: 'Python file',
  wants: (rel) => rel.endsWith('.py') && !SKIPPED_PY.test(rel),
  read(input) {
    const texts: { rel: string; text: string }[] = [];
    for (const [rel, file] of input.all) {
      if (!MANIFEST.test(rel) || rel.endsWith('.py') || SKIPPED_PY.test(rel)) continue;
      const text = input.read(file);
      if (text !== undefined) texts.push({ rel, text });
    }
    const read: string[] = [];
    for (const file of input.files) {
      const text = input.read(file);
      if (text === undefined) continue;
      texts.push({ rel: file.rel, text });
      read.push(file.rel);
    }
    const report = analysePythonApps(texts);
    for (const n of report.notes) input.note({ level: 'warning', file: n.file, message: n.message });
    const services = composeServiceFacts(input.filesOf('compose'), input);
    const fragment = emptyFragment();
    fragment.decides = { props: CODE_DECIDES, flowFields: ['encrypted', 'label'], technology: true };
    for (const app of report.apps) {
      if (app.kind === 'library') continue;
      const service = serviceOf(app, services);
      const element = appElement(app, service, PYTHON_LANGUAGE);
      for (const d of app.debug) {
        // Django's debug pages show settings and SQL; Werkzeug's debugger runs code typed into the error page.
        const says = /^DEBUG\b/.test(d.says) ? 'Django DEBUG = True: error pages show code, settings and queries to any caller' : 'debug mode: the Werkzeug debugger lets anyone who reaches an error page run code';
        note(element, d, `${says} (${d.says})`);
        input.note({ level: 'warning', file: d.file, line: d.line, message: says });
      }
      fragment.elements.push(element);
      const { elements, flows } = appFlows(app, element, service, services);
      fragment.elements.push(...elements);
      fragment.flows.push(...flows);
    }
    return fragment.elements.length ? { fragments: [fragment], read } : { fragments: [], read };
  },
};
