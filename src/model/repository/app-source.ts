// What every application-code source does the same way: read the manifests (package.json,
// requirements.txt) and the source files it was given, let its language's reader analyse them, and turn
// each application into an element joined with the compose service built from its folder, with the flows
// its clients open. The language sources (node-source.ts, python-source.ts) say only what differs.

import type { Element } from '../schema/architecture.js';
import { appElement, serviceOf, type AppLanguage } from './app-element.js';
import { composeServiceFacts } from './compose-environment.js';
import type { NodeApp } from './node-app-types.js';
import { appFlows } from './node-flows.js';
import { emptyFragment, type SourceInput, type SourceResult } from './types.js';

/** Properties only the code can tell: they overwrite what configuration or a design said. */
const CODE_DECIDES = ['authenticatesCallers', 'corsRestricted', 'rateLimited', 'sizeLimits', 'validatesInput', 'auditLogging'] as const;

export interface AppReader<A extends NodeApp> {
  language: AppLanguage;
  /** The manifests to read beside the sources (`package.json`), from every file of the repository. */
  isManifest(rel: string): boolean;
  analyse(files: ReadonlyArray<{ rel: string; text: string }>): { apps: A[]; notes: { file: string; message: string }[] };
  /** Anything else the language says about an application's element (Python's debug mode). */
  annotate?(app: A, element: Element, input: SourceInput): void;
}

export function readApplications<A extends NodeApp>(input: SourceInput, reader: AppReader<A>): SourceResult {
  const texts: { rel: string; text: string }[] = [];
  for (const [rel, file] of input.all) {
    if (!reader.isManifest(rel)) continue;
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
  const report = reader.analyse(texts);
  for (const n of report.notes) input.note({ level: 'warning', file: n.file, message: n.message });
  const services = composeServiceFacts(input.filesOf('compose'), input);
  const fragment = emptyFragment();
  fragment.decides = { props: CODE_DECIDES, flowFields: ['encrypted', 'label'], technology: true };
  for (const app of report.apps) {
    if (app.kind === 'library') continue;
    const service = serviceOf(app, services);
    const element = appElement(app, service, reader.language);
    reader.annotate?.(app, element, input);
    fragment.elements.push(element);
    const { elements, flows } = appFlows(app, element, service, services);
    fragment.elements.push(...elements);
    fragment.flows.push(...flows);
  }
  return fragment.elements.length ? { fragments: [fragment], read } : { fragments: [], read };
}
