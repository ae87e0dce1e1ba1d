// Node.js application code as a repository source: every package's JavaScript and TypeScript is read by the
// Node.js application reader (node-app.ts, token scanning, never run), and each application joins the
// compose service built from its folder, or becomes an element of its own. What the code states about the
// service (authentication, CORS, rate limits, body limits, validation, SQL, hard-coded credentials, audit
// calls) becomes properties with the line that decides them; its clients become flows (node-flows.ts).

import { NODE_LANGUAGE } from './app-element.js';
import { readApplications } from './app-source.js';
import { analyseNodeApps } from './node-app.js';
import type { RepositorySource } from './types.js';

const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
/** Build output, bundles and type declarations: not the code that was written. */
const GENERATED = /(^|\/)(bower_components|dist|build|coverage|\.next|\.nuxt|vendor|out)\/|\.min\.js$|\.d\.[cm]?ts$|\.bundle\.js$/i;
const TEST_FILE = /(^|\/)(test|tests|__tests__|__mocks__|spec|e2e|fixtures?|cypress)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$/i;

export const nodeSource: RepositorySource = {
  id: 'node',
  label: 'JavaScript/TypeScript file',
  wants: (rel) => SOURCE.test(rel) && !GENERATED.test(rel) && !TEST_FILE.test(rel),
  read: (input) =>
    readApplications(input, {
      language: NODE_LANGUAGE,
      isManifest: (rel) => /(^|\/)package\.json$/.test(rel) && !GENERATED.test(rel) && !TEST_FILE.test(rel),
      analyse: analyseNodeApps,
    }),
};
