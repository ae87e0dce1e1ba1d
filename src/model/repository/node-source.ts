// Node.js application code as a repository source: every package's JavaScript and TypeScript is read by the
// Node.js application reader (node-app.ts, token scanning, never run), and each application joins the
// compose service built from its folder, or becomes an element of its own. What the code states about the
// service (authentication, CORS, rate limits, body limits, validation, SQL, hard-coded credentials, audit
// calls) becomes properties with the line that decides them; its clients become flows (node-flows.ts).

import { appElement, serviceOf } from './app-element.js';
import { composeServiceFacts } from './compose-environment.js';
import { analyseNodeApps } from './node-app.js';
import { appFlows } from './node-flows.js';
import { emptyFragment, type ModelFragment, type RepositorySource } from './types.js';

const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
/** Build output, bundles and type declarations: not the code that was written. */
const GENERATED = /(^|\/)(bower_components|dist|build|coverage|\.next|\.nuxt|vendor|out)\/|\.min\.js$|\.d\.[cm]?ts$|\.bundle\.js$/i;
const TEST_FILE = /(^|\/)(test|tests|__tests__|__mocks__|spec|e2e|fixtures?|cypress)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$/i;

/** Properties only the code can tell: they overwrite what configuration or a design said. */
const CODE_DECIDES = ['authenticatesCallers', 'corsRestricted', 'rateLimited', 'sizeLimits', 'validatesInput', 'auditLogging'] as const;

export const nodeSource: RepositorySource = {
  id: 'node',
  label: 'JavaScript/TypeScript file',
  wants: (rel) => SOURCE.test(rel) && !GENERATED.test(rel) && !TEST_FILE.test(rel),
  read(input) {
    const texts: { rel: string; text: string }[] = [];
    for (const [rel, file] of input.all) {
      if (!/(^|\/)package\.json$/.test(rel) || GENERATED.test(rel) || TEST_FILE.test(rel)) continue;
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
    const report = analyseNodeApps(texts);
    for (const n of report.notes) input.note({ level: 'warning', file: n.file, message: n.message });
    const services = composeServiceFacts(input.filesOf('compose'), input);
    const fragment = emptyFragment();
    fragment.decides = { props: CODE_DECIDES, flowFields: ['encrypted', 'label'], technology: true };
    for (const app of report.apps) {
      if (app.kind === 'library') continue;
      const service = serviceOf(app, services);
      const element = appElement(app, service);
      fragment.elements.push(element);
      const { elements, flows } = appFlows(app, element, service, services);
      fragment.elements.push(...elements);
      fragment.flows.push(...flows);
    }
    return fragment.elements.length ? { fragments: [fragment], read } : { fragments: [], read };
  },
};
