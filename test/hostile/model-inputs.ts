// Deterministic generators of large and hostile design inputs for `bulwark model`: long prose, huge and
// deeply nested diagrams, big Threat Dragon files and YAML models. Shapes follow real designs (services
// calling databases over named protocols, zones inside zones) so every reader does its full work, and the
// same arguments always give the same text. Tests use them at small sizes; benchmarks at large ones.

import { seededRandom } from '../../scripts/bench/random.js';

const TEAMS = ['Orders', 'Billing', 'Catalog', 'Inventory', 'Shipping', 'Search', 'Profile', 'Reporting', 'Checkout', 'Ledger', 'Pricing', 'Review'];
const STORES = ['PostgreSQL', 'MySQL', 'MongoDB', 'Redis cache', 'S3 bucket', 'DynamoDB table', 'Kafka topic', 'SQS queue'];
const DATA = ['orders', 'card details', 'session tokens', 'profile data', 'uploaded images', 'audit events', 'passwords', 'metadata'];
const PROTOCOLS = ['over HTTPS', 'over plain HTTP', 'via gRPC', 'over TLS', 'using SQL', 'with mTLS', 'over AMQP', ''];
const CONTROLS = ['It is rate-limited.', 'The data is encrypted at rest.', 'Requests are authenticated with JWT.', 'Uploads are limited to 10MB.', 'It runs as root.', 'Backups run nightly.'];
const EDGE_LABELS = ['HTTPS', 'SQL', 'gRPC + TLS', 'publishes events', 'reads session token', 'HTTP', 'AMQP', 'login with password'];

const random = seededRandom;

function picker(seed: number) {
  const rnd = random(seed);
  return { rnd, pick: <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]! };
}

/** Joins pieces until `bytes` is reached; the result is ASCII, so its length is its size in bytes. */
function fill(bytes: number, next: (i: number) => string, separator: string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = next(i);
    parts.push(part);
    size += part.length + separator.length;
  }
  return parts.join(separator).slice(0, bytes);
}

/**
 * A design description of about `bytes` bytes: paragraphs of varied sentences about services calling
 * databases, queues and each other, with protocols, data and stated controls. The number of distinct
 * components grows with the text, as it would in a long real description.
 */
export function prose(bytes: number): string {
  const { rnd, pick } = picker(1);
  const service = (i: number) => `${pick(TEAMS)}${1 + Math.floor(rnd() * Math.max(1, i / 4))} service`;
  const sentence = (i: number): string => {
    switch (i % 7) {
      case 0:
        return `The ${service(i)} reads ${pick(DATA)} from the ${pick(STORES)} ${pick(PROTOCOLS)}.`.replace(' .', '.');
      case 1:
        return `Users upload ${pick(DATA)} to the ${pick(TEAMS)} web app, which calls the ${service(i)} ${pick(PROTOCOLS)}.`.replace(' .', '.');
      case 2:
        return `The ${service(i)} publishes ${pick(DATA)} to a Kafka topic, and the ${service(i)} consumes them and writes to ${pick(STORES)}.`;
      case 3:
        return pick(CONTROLS);
      case 4:
        return `Admins log in to the ${pick(TEAMS)} admin portal with MFA; the portal queries the ${service(i)}.`;
      case 5:
        return `The ${service(i)} stores ${pick(DATA)} in the ${pick(STORES)} -> the ${service(i)} returns a signed URL.`;
      default:
        return `Customers send ${pick(DATA)} to the API gateway ${pick(PROTOCOLS)}, then the gateway forwards them to the ${service(i)}.`.replace(' ,', ',');
    }
  };
  let sentenceIndex = 0;
  const paragraph = (): string => {
    const count = 3 + Math.floor(rnd() * 4);
    return Array.from({ length: count }, () => sentence(sentenceIndex++)).join(' ');
  };
  return `# Generated system\n\n${fill(bytes - 20, paragraph, '\n\n')}\n`;
}

/** The same kind of description as one paragraph with no sentence ending at all: a single enormous clause chain. */
export function proseRunOn(bytes: number): string {
  const { pick } = picker(2);
  return fill(bytes, (i) => `the ${pick(TEAMS)}${i} service calls the ${pick(STORES)} ${pick(PROTOCOLS)} and`, ' ');
}

/** A Mermaid flowchart with `n` nodes in zones of 50, chained by labelled edges to shared stores; many nodes share a label. */
export function mermaidNodes(n: number): string {
  const { pick } = picker(3);
  const lines = ['flowchart LR', '  user([Customer])'];
  for (let zone = 0; zone * 50 < n; zone++) {
    lines.push(`  subgraph z${zone}[Private subnet ${zone}]`);
    for (let i = zone * 50; i < Math.min(n, (zone + 1) * 50); i++) {
      if (i % 10 === 9) lines.push(`    n${i}[(${pick(STORES)})]`);
      else if (i % 3 === 0) lines.push(`    n${i}[Worker]`); // replicas drawn with one label
      else lines.push(`    n${i}[${pick(TEAMS)} service ${i}]`);
    }
    lines.push('  end');
  }
  lines.push('  user -->|HTTPS| n0');
  for (let i = 1; i < n; i++) lines.push(`  n${i - 1} -->|${pick(EDGE_LABELS)}| n${i}`);
  return `${lines.join('\n')}\n`;
}

/** A Mermaid flowchart whose subgraphs nest `depth` deep, with a node at every level and edges across levels. */
export function mermaidNestedSubgraphs(depth: number): string {
  const lines = ['flowchart TB', '  user([Customer])'];
  for (let i = 0; i < depth; i++) lines.push(`subgraph zone${i}[Network zone ${i}]`, `  svc${i}[Service ${i}]`);
  for (let i = 0; i < depth; i++) lines.push('end');
  lines.push('user -->|HTTPS| svc0');
  for (let i = 1; i < depth; i++) lines.push(`svc${i - 1} -->|HTTP| svc${i}`);
  return `${lines.join('\n')}\n`;
}

/** A PlantUML component diagram with `n` components in packages of 50, linked by labelled arrows. */
export function plantUmlComponents(n: number): string {
  const { pick } = picker(4);
  const lines = ['@startuml', 'actor Customer as user'];
  for (let pkg = 0; pkg * 50 < n; pkg++) {
    lines.push(`package "VPC ${pkg}" {`);
    for (let i = pkg * 50; i < Math.min(n, (pkg + 1) * 50); i++) {
      lines.push(i % 10 === 9 ? `  database "${pick(STORES)}" as c${i}` : `  component "${pick(TEAMS)} service" as c${i}`);
    }
    lines.push('}');
  }
  lines.push('user --> c0 : HTTPS');
  for (let i = 1; i < n; i++) lines.push(`c${i - 1} --> c${i} : ${pick(EDGE_LABELS)}`);
  lines.push('@enduml');
  return `${lines.join('\n')}\n`;
}

/** PlantUML packages nested `depth` deep, a component in each. */
export function plantUmlNestedPackages(depth: number): string {
  const lines = ['@startuml'];
  for (let i = 0; i < depth; i++) lines.push(`package "Zone ${i}" {`, `  component "Service ${i}" as s${i}`);
  for (let i = 0; i < depth; i++) lines.push('}');
  for (let i = 1; i < depth; i++) lines.push(`s${i - 1} --> s${i} : HTTP`);
  lines.push('@enduml');
  return `${lines.join('\n')}\n`;
}

/** A Mermaid C4 container diagram with `n` containers in system boundaries of 50 and a Rel between neighbours. */
export function c4Containers(n: number): string {
  const { pick } = picker(5);
  const lines = ['C4Container', '  Person(user, "Customer")'];
  for (let b = 0; b * 50 < n; b++) {
    lines.push(`  System_Boundary(sys${b}, "Shop ${b}") {`);
    for (let i = b * 50; i < Math.min(n, (b + 1) * 50); i++) {
      lines.push(i % 10 === 9 ? `    ContainerDb(c${i}, "${pick(TEAMS)} DB", "PostgreSQL")` : `    Container(c${i}, "${pick(TEAMS)} API", "Node.js")`);
    }
    lines.push('  }');
  }
  lines.push('  Rel(user, c0, "Uses", "HTTPS")');
  for (let i = 1; i < n; i++) lines.push(`  Rel(c${i - 1}, c${i}, "${pick(EDGE_LABELS)}", "HTTPS")`);
  return `${lines.join('\n')}\n`;
}

/** A Mermaid architecture-beta diagram with `n` services in groups of 50, edges between neighbours. */
export function mermaidArchitecture(n: number): string {
  const lines = ['architecture-beta'];
  for (let g = 0; g * 50 < n; g++) {
    lines.push(`  group g${g}(cloud)[VPC ${g}]`);
    for (let i = g * 50; i < Math.min(n, (g + 1) * 50); i++) lines.push(`  service s${i}(${i % 10 === 9 ? 'database' : 'server'})[Service ${i}] in g${g}`);
  }
  for (let i = 1; i < n; i++) lines.push(`  s${i - 1}:R --> L:s${i}`);
  return `${lines.join('\n')}\n`;
}

/**
 * An OWASP Threat Dragon v2 model with `n` cells: actors, processes and stores laid out on a grid inside
 * trust-boundary boxes, and flows between neighbours (about a third of the cells).
 */
export function threatDragonCells(n: number): string {
  const { pick } = picker(6);
  const cells: object[] = [];
  const nodes = Math.max(1, Math.ceil((n * 2) / 3));
  const boxes = Math.ceil(nodes / 100);
  for (let b = 0; b < boxes && cells.length < n; b++) {
    cells.push({
      id: `box-${b}`, shape: 'trust-boundary-box', position: { x: (b % 10) * 2000, y: Math.floor(b / 10) * 2000 }, size: { width: 1900, height: 1900 },
      data: { type: 'tm.Boundary', name: `Private subnet ${b}` },
    });
  }
  for (let i = 0; i < nodes && cells.length < n; i++) {
    const box = Math.floor(i / 100);
    const x = (box % 10) * 2000 + 50 + (i % 10) * 180;
    const y = Math.floor(box / 10) * 2000 + 50 + Math.floor((i % 100) / 10) * 180;
    const kind = i % 20 === 0 ? 'actor' : i % 5 === 4 ? 'store' : 'process';
    const type = kind === 'actor' ? 'tm.Actor' : kind === 'store' ? 'tm.Store' : 'tm.Process';
    const name = kind === 'actor' ? 'Customer' : kind === 'store' ? pick(STORES) : `${pick(TEAMS)} service`;
    cells.push({
      id: `cell-${i}`, shape: kind, position: { x, y }, size: { width: 120, height: 60 }, attrs: { text: { text: name } },
      data: { type, name, description: '', isEncrypted: kind === 'store' && i % 2 === 0, isWebApplication: i % 7 === 0, threats: [] },
    });
  }
  for (let i = 1; cells.length < n; i++) {
    const from = (i - 1) % nodes;
    const to = i % nodes;
    const label = pick(EDGE_LABELS);
    cells.push({
      id: `flow-${i}`, shape: 'flow', source: { cell: `cell-${from}` }, target: { cell: `cell-${to}` }, labels: [label],
      data: { type: 'tm.Flow', name: label, protocol: label.includes('HTTPS') ? 'HTTPS' : '', isEncrypted: label.includes('TLS'), isPublicNetwork: from % 20 === 0, threats: [] },
    });
  }
  const model = {
    version: '2.2.0',
    summary: { title: 'Generated Threat Dragon model', owner: 'platform team', description: 'Many services and stores', id: 0 },
    detail: { contributors: [], diagrams: [{ id: 0, title: 'Main', diagramType: 'STRIDE', version: '2.2.0', cells }], diagramTop: 1, reviewer: '', threatTop: 0 },
  };
  return JSON.stringify(model);
}

/** Threat Dragon boxes nested `depth` deep (each inside the previous), a process in each. */
export function threatDragonNestedBoxes(depth: number): string {
  const cells: object[] = [];
  const size = 10 * depth + 200;
  for (let i = 0; i < depth; i++) {
    cells.push({ id: `box-${i}`, shape: 'trust-boundary-box', position: { x: i * 5, y: i * 5 }, size: { width: size - i * 10, height: size - i * 10 }, data: { type: 'tm.Boundary', name: `Zone ${i}` } });
    cells.push({ id: `svc-${i}`, shape: 'process', position: { x: i * 5 + 1, y: i * 5 + 1 }, size: { width: 2, height: 2 }, data: { type: 'tm.Process', name: `Service ${i}` } });
  }
  for (let i = 1; i < depth; i++) cells.push({ id: `flow-${i}`, shape: 'flow', source: { cell: `svc-${i - 1}` }, target: { cell: `svc-${i}` }, data: { type: 'tm.Flow', name: 'HTTP' } });
  return JSON.stringify({ summary: { title: 'Nested zones' }, detail: { diagrams: [{ id: 0, cells }] } });
}

/**
 * A Bulwark YAML model with `elements` elements and `flows` flows: nested boundaries, data assets, mixed
 * kinds, technologies and properties. Flows connect random pairs; some repeat a pair.
 */
export function yamlModel(elements: number, flows: number): string {
  const { rnd, pick } = picker(7);
  const kinds = ['process', 'web-app', 'gateway', 'function', 'datastore', 'cache', 'queue', 'bucket', 'secret-store', 'external-system'];
  const zones = Math.max(1, Math.ceil(elements / 200));
  const lines = ['version: 1', 'name: Generated shop', 'dataAssets:', '  - {id: cards, name: Card details, classification: payment}', '  - {id: pii, name: Customer profiles, classification: pii}', 'boundaries:'];
  lines.push('  - {id: internet, name: Internet, type: internet}', '  - {id: vpc, name: Production VPC, type: network-zone}');
  for (let z = 0; z < zones; z++) lines.push(`  - {id: zone${z}, name: Private subnet ${z}, type: network-zone, parent: vpc}`);
  lines.push('elements:');
  for (let i = 0; i < elements; i++) {
    if (i % 50 === 0) {
      lines.push(`  - {id: e${i}, name: Customer ${i}, kind: actor, boundary: internet}`);
      continue;
    }
    const kind = pick(kinds);
    const props = rnd() < 0.2 ? `, props: {encryptedAtRest: ${rnd() < 0.5}}` : '';
    const data = rnd() < 0.1 ? `, data: [${pick(['cards', 'pii'])}]` : '';
    const technology = rnd() < 0.3 ? `, technology: ${pick(STORES)}` : '';
    lines.push(`  - {id: e${i}, name: ${pick(TEAMS)} ${i}, kind: ${kind}, boundary: zone${Math.floor(rnd() * zones)}${technology}${props}${data}}`);
  }
  lines.push('flows:');
  for (let i = 0; i < flows; i++) {
    const from = Math.floor(rnd() * elements);
    const to = rnd() < 0.1 ? (from + 1) % elements : Math.floor(rnd() * elements);
    const protocol = rnd() < 0.5 ? `, protocol: ${pick(['https', 'http', 'grpc', 'sql', 'amqp'])}` : '';
    lines.push(`  - {from: e${from}, to: e${to}${protocol}${rnd() < 0.1 ? ', data: [cards]' : ''}}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A YAML model whose boundaries nest `depth` deep through `children` (flow style, as block style would need quadratic indentation), an element in the innermost. */
export function yamlNestedBoundaries(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `{name: Zone ${i}, type: network-zone, children: [`).join('');
  const close = ']}'.repeat(depth);
  return [
    'name: Nested',
    `boundaries: [${open}{name: Innermost zone, elements: [api]}${close}]`,
    'elements:',
    '  - {id: api, name: Orders API, kind: process}',
    '  - {id: db, name: Orders DB, kind: datastore}',
    'flows:',
    '  - {from: api, to: db, protocol: sql}',
    '',
  ].join('\n');
}

/** The model of yamlModel as a Bulwark JSON model: the format for designs too large for YAML's size limit. */
export function jsonModel(elements: number, flows: number): string {
  const { rnd, pick } = picker(7);
  const kinds = ['process', 'web-app', 'gateway', 'function', 'datastore', 'cache', 'queue', 'bucket', 'secret-store', 'external-system'];
  const zones = Math.max(1, Math.ceil(elements / 200));
  const boundaries: object[] = [{ id: 'internet', name: 'Internet', type: 'internet' }, { id: 'vpc', name: 'Production VPC', type: 'network-zone' }];
  for (let z = 0; z < zones; z++) boundaries.push({ id: `zone${z}`, name: `Private subnet ${z}`, type: 'network-zone', parent: 'vpc' });
  const items: object[] = [];
  for (let i = 0; i < elements; i++) {
    if (i % 50 === 0) {
      items.push({ id: `e${i}`, name: `Customer ${i}`, kind: 'actor', boundary: 'internet' });
      continue;
    }
    items.push({
      id: `e${i}`, name: `${pick(TEAMS)} ${i}`, kind: pick(kinds), boundary: `zone${Math.floor(rnd() * zones)}`,
      ...(rnd() < 0.3 ? { technology: pick(STORES) } : {}),
      ...(rnd() < 0.2 ? { props: { encryptedAtRest: rnd() < 0.5 } } : {}),
      ...(rnd() < 0.1 ? { data: [pick(['cards', 'pii'])] } : {}),
    });
  }
  const links: object[] = [];
  for (let i = 0; i < flows; i++) {
    const from = Math.floor(rnd() * elements);
    const to = rnd() < 0.1 ? (from + 1) % elements : Math.floor(rnd() * elements);
    links.push({ from: `e${from}`, to: `e${to}`, ...(rnd() < 0.5 ? { protocol: pick(['https', 'http', 'grpc', 'sql', 'amqp']) } : {}), ...(rnd() < 0.1 ? { data: ['cards'] } : {}) });
  }
  const dataAssets = [{ id: 'cards', name: 'Card details', classification: 'payment' }, { id: 'pii', name: 'Customer profiles', classification: 'pii' }];
  return `${JSON.stringify({ version: 1, name: 'Generated shop', dataAssets, boundaries, elements: items, flows: links })}\n`;
}
