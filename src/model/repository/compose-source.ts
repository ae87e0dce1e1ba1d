// docker-compose as a repository source: each compose file (compose.yaml, docker-compose*.yml, or any YAML
// whose content is one) becomes services, networks as trust boundaries inside the Docker host, flows
// between services, and the people who reach what is published. Values come from the `.env` beside the
// file, never from the shell.

import { parseDotenv } from '../../adapt/compose/interpolate.js';
import { servicesOf } from '../../adapt/compose/services.js';
import { COMPOSE_NAME, isCompose } from '../../core/iac-content.js';
import { readYaml } from '../../parse/yaml/read.js';
import { entry, isMap, type YNode } from '../../parse/yaml/tree.js';
import type { Boundary, Element, Flow } from '../schema/architecture.js';
import { serviceFlows } from './compose-flows.js';
import { serviceElement, servesPeople, type ServiceElement } from './compose-service.js';
import type { EvidenceSite } from './evidence.js';
import { LineIndex } from './lines.js';
import { keepApartFromPeople, USER_ID } from './people.js';
import { emptyFragment, type ModelFragment, type RepositorySource, type SourceInput } from './types.js';

export { USER_ID };

export const HOST_BOUNDARY = 'docker-host';
const dirOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
const baseName = (rel: string): string => rel.slice(rel.lastIndexOf('/') + 1);

const TEST_HARNESS = /(^|\/)(tests?|__tests__|e2e|fixtures?)\/|[._-](test|tests|e2e|ci)\.ya?ml$/i;

export const composeSource: RepositorySource = {
  id: 'compose',
  label: 'compose file',
  // A test harness (`docker-compose.test.yml`, a `tests/` folder) runs the system under test, not the system.
  wants: (rel, head) => !TEST_HARNESS.test(rel) && (COMPOSE_NAME.test(baseName(rel)) || (/\.ya?ml$/i.test(rel) && !/bulwark/i.test(baseName(rel)) && isCompose(head()))),
  read(input) {
    const fragments: ModelFragment[] = [];
    const read: string[] = [];
    for (const file of input.files) {
      const text = input.read(file);
      if (text === undefined) continue;
      const fragment = composeFragment(file.rel, text, input);
      if (fragment) {
        fragments.push(fragment);
        read.push(file.rel);
      }
    }
    return { fragments, read };
  },
};

/** One compose file as part of the model; undefined when it holds no services. */
export function composeFragment(rel: string, text: string, input: Pick<SourceInput, 'all' | 'read' | 'note'>): ModelFragment | undefined {
  const dir = dirOf(rel);
  const dotenv = input.all.get(dir ? `${dir}/.env` : '.env');
  const envText = dotenv ? input.read(dotenv) : undefined;
  const env = envText === undefined ? new Map<string, string>() : parseDotenv(envText);
  const stream = readYaml(text);
  const site: EvidenceSite = { file: rel, lines: new LineIndex(text) };
  if (stream.error) input.note({ level: 'warning', file: rel, line: site.lines.lineAt(stream.error.offset), message: `compose file not fully read: ${stream.error.message}` });
  const services = stream.documents.flatMap((d) => servicesOf(d.root, env));
  if (!services.length) {
    input.note({ level: 'info', file: rel, message: 'compose file without services: nothing to model' });
    return undefined;
  }
  const look = {
    site,
    dir,
    note: input.note,
    packageJsonOf: (folder: string) => {
      const pkg = input.all.get(folder ? `${folder}/package.json` : 'package.json');
      return pkg ? input.read(pkg) : undefined;
    },
  };
  const built: ServiceElement[] = services.map((s) => serviceElement(s, look));
  const fragment = emptyFragment();
  const elements = new Map<string, Element>(built.map((b) => [b.element.id, b.element]));
  fragment.elements.push(...elements.values());
  for (const b of built) if (b.buildDir !== undefined) fragment.aliases.set(b.element.id, [b.buildDir, ...(b.buildDir.includes('/') ? [b.buildDir.slice(b.buildDir.lastIndexOf('/') + 1)] : [])]);

  fragment.boundaries.push(...boundaries(stream.documents.map((d) => d.root), built, site));
  for (const service of services) fragment.flows.push(...serviceFlows(service, elements, site, input.note));
  keepApartFromPeople(fragment);
  const people = userFlows(built);
  if (people.length) {
    fragment.elements.unshift({ id: USER_ID, name: 'User', kind: 'actor', technology: 'Browser', props: {}, data: [], inferredFrom: 'people reach the services published on all interfaces' });
    fragment.flows.push(...people);
  }
  return fragment;
}

/** The Docker host holds one container network per compose network; each service sits in its first network. */
function boundaries(roots: readonly (YNode | undefined)[], built: readonly ServiceElement[], site: EvidenceSite): Boundary[] {
  const out: Boundary[] = [{ id: HOST_BOUNDARY, name: 'Docker host', type: 'network-zone' }];
  const declared = new Map<string, number>();
  for (const root of roots) {
    const networks = entry(root, 'networks');
    if (networks && isMap(networks.value)) for (const e of networks.value.entries) declared.set(e.key, e.keyStart);
  }
  const used = new Set(built.flatMap((b) => b.networks));
  for (const name of [...new Set([...declared.keys(), ...used])]) {
    const at = declared.get(name);
    out.push({
      id: `network:${name}`,
      name: name === 'default' ? 'default network' : `${name} network`,
      type: 'container-network',
      parent: HOST_BOUNDARY,
      ...(at !== undefined ? { location: { file: site.file, line: site.lines.lineAt(at) } } : {}),
    });
  }
  for (const b of built) {
    b.element.boundary = b.hostNetwork ? HOST_BOUNDARY : `network:${b.networks[0]}`;
    if (b.networks.length > 1) b.element.inferredFrom += `; on networks ${b.networks.join(', ')} (placed in ${b.networks[0]}, the first)`;
  }
  return out;
}

/** People open the published frontends and call the published APIs: one User, one flow per such service. */
function userFlows(built: readonly ServiceElement[]): Flow[] {
  const flows: Flow[] = [];
  for (const b of built) {
    const port = b.publicPorts.find((p) => servesPeople(b.element, p));
    if (!port) continue;
    const tls = port.port === 443 || port.port === 8443 || port.hostPort === 443;
    const evidence = b.element.evidence!.find((e) => e.prop === 'internetFacing')!;
    flows.push({
      id: `${USER_ID}->${b.element.id}`,
      source: USER_ID,
      target: b.element.id,
      label: tls ? 'HTTPS' : 'HTTP',
      protocol: tls ? 'https' : 'http',
      ...(port.hostPort !== undefined ? { port: port.hostPort } : {}),
      ...(tls ? {} : { encrypted: false }),
      data: [],
      location: { file: evidence.file, line: evidence.line },
      inferredFrom: `published on all interfaces as ${port.spec}${tls ? '' : ': plain HTTP unless a proxy in front terminates TLS'}`,
      evidence: [{ file: evidence.file, line: evidence.line, says: `ports: ${port.spec} published on all interfaces`, ...(tls ? {} : { prop: 'encrypted', value: false }) }],
    });
  }
  return flows;
}

