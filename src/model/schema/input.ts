// The model as people write it (YAML or JSON): ids may be left out, flows say `from`/`to` and may name
// their ends, boundaries list their `elements` or nest `children`, lists may be maps keyed by id, and a
// few friendly aliases are accepted. The YAML/JSON reader takes its field names and aliases from here,
// so the published editor schema (docs/model-input-schema.json) and the reader cannot disagree.
// The reader still turns this form into the canonical Architecture of schema.ts.

import { z } from 'zod';
import { BOUNDARY_TYPES, CLASSIFICATIONS, DATA_FORMATS, ELEMENT_KINDS, ElementPropsSchema, FLOW_AUTHORIZATIONS, FLOW_USAGES, SourceRefSchema, type BoundaryType, type ElementKind } from './architecture.js';

/** Friendly words for element kinds (matched case-insensitively). */
export const KIND_ALIASES: Readonly<Record<string, ElementKind>> = {
  user: 'actor', person: 'actor', human: 'actor', 'external-entity': 'actor', external: 'external-system', 'third-party': 'external-system',
  service: 'process', app: 'process', application: 'process', server: 'process', worker: 'process', api: 'process', microservice: 'process',
  frontend: 'web-app', spa: 'web-app', webapp: 'web-app', 'load-balancer': 'gateway', proxy: 'gateway', cdn: 'gateway', lambda: 'function',
  serverless: 'function', database: 'datastore', db: 'datastore', store: 'datastore', 'data-store': 'datastore', topic: 'queue', stream: 'queue',
  broker: 'queue', storage: 'bucket', 's3': 'bucket', 'object-storage': 'bucket', idp: 'identity-provider', vault: 'secret-store', secrets: 'secret-store',
};

/** Friendly words for boundary types (matched case-insensitively). */
export const BOUNDARY_ALIASES: Readonly<Record<string, BoundaryType>> = {
  vpc: 'network-zone', network: 'network-zone', zone: 'network-zone', subnet: 'network-zone', dmz: 'network-zone', account: 'cloud-account',
  cloud: 'cloud-account', subscription: 'cloud-account', k8s: 'cluster', kubernetes: 'cluster', namespace: 'cluster', docker: 'container-network',
  compose: 'container-network', host: 'process', container: 'process', public: 'internet',
};

// Names and ids may be numbers in YAML (`id: 42`); the reader reads them as text.
const Text = z.union([z.string(), z.number()]);
/** One name, or a list of them: an element, boundary or data asset by id or name. */
const Refs = z.union([z.string(), z.array(Text)]);
const Location = SourceRefSchema.describe('Where this was read from; set by Bulwark, kept on round trips.');

const DataAssetInput = z
  .strictObject({
    id: Text.optional().describe('Derived from the name when left out.'),
    name: Text.optional(),
    classification: z.enum(CLASSIFICATIONS).optional().describe('Guessed from the name when left out ("passwords" → credentials), else internal.'),
    description: Text.optional(),
    location: Location.optional(),
  })
  .meta({ id: 'DataAsset' });

const BoundaryInput = z
  .strictObject({
    id: Text.optional().describe('Derived from the name when left out.'),
    name: Text.optional(),
    type: z.enum([...BOUNDARY_TYPES, ...Object.keys(BOUNDARY_ALIASES)]).optional().describe('Guessed from the name when left out ("Private subnet" → network-zone).'),
    parent: Text.optional().describe('Enclosing boundary, by id or name (or nest this one under its `children`).'),
    elements: Refs.optional().describe('Members, by element id or name; the innermost boundary wins.'),
    members: Refs.optional().describe('Same as `elements`.'),
    get children() {
      return boundaryEntries.describe('Nested boundaries.');
    },
    get boundaries() {
      return boundaryEntries.describe('Same as `children`.');
    },
    location: Location.optional(),
  })
  .meta({ id: 'Boundary' });

const boundaryEntries = entries(BoundaryInput).meta({ id: 'Boundaries' });

const kinds = z.enum([...ELEMENT_KINDS, ...Object.keys(KIND_ALIASES)]);
const props = ElementPropsSchema.strict().meta({ id: 'ElementProps', description: 'What the design states; leave out what it does not say.' });

const ElementInput = z
  .strictObject({
    id: Text.optional().describe('Derived from the name when left out ("Order Service" → order-service).'),
    name: Text.optional(),
    kind: kinds.optional().describe('Guessed from the name and technology when left out.'),
    type: kinds.optional().describe('Same as `kind`.'),
    technology: Text.optional().describe('e.g. PostgreSQL, S3, Lambda, Redis, Kafka.'),
    tech: Text.optional().describe('Same as `technology`.'),
    description: Text.optional(),
    boundary: Text.optional().describe('Innermost trust boundary, by id or name.'),
    zone: Text.optional().describe('Same as `boundary`.'),
    props: props.optional(),
    properties: props.optional().describe('Same as `props`.'),
    // Properties may also sit on the element itself (`internetFacing: true`).
    ...ElementPropsSchema.shape,
    data: Refs.optional().describe('Data assets stored or processed here, by id or name.'),
    dataFormats: z.array(z.enum(DATA_FORMATS)).optional().describe('Data formats it accepts and parses (xml, serialization, file, ...).'),
    runtime: Text.optional().describe('The shared runtime (host, VM, container platform) it runs on with other elements.'),
    inferredFrom: z.string().optional(),
    location: Location.optional(),
  })
  .meta({ id: 'Element' });

const FlowInput = z
  .strictObject({
    id: Text.optional().describe('Derived from its ends when left out ("api-to-db").'),
    from: Text.optional().describe('Source element, by id or name.'),
    to: Text.optional().describe('Target element, by id or name.'),
    source: Text.optional().describe('Same as `from`.'),
    target: Text.optional().describe('Same as `to`.'),
    label: Text.optional(),
    name: Text.optional().describe('Same as `label`.'),
    protocol: Text.optional().describe('e.g. https, http, grpc, sql, amqp, tcp.'),
    port: z.number().int().min(0).max(65535).optional(),
    encrypted: z.boolean().optional(),
    authenticated: z.boolean().optional(),
    data: Refs.optional().describe('Data assets carried, by id or name.'),
    bidirectional: z.boolean().optional(),
    authorization: z.enum(FLOW_AUTHORIZATIONS).optional().describe('How the target authorises the call: none, technical-user, or end-user (identity propagated).'),
    usage: z.enum(FLOW_USAGES).optional().describe('devops for deployment, administration and build traffic.'),
    inferredFrom: z.string().optional(),
    location: Location.optional(),
  })
  .meta({ id: 'Flow' });

/** A list, or a map keyed by id (`elements: { api: { name: API } }`); an entry may be just its name. */
function entries<T extends z.ZodType>(entry: T) {
  const item = z.union([entry, z.string()]);
  return z.union([z.array(item), z.record(z.string(), z.union([entry, z.string(), z.null()]))]).nullable().optional();
}

const elementEntries = entries(ElementInput).meta({ id: 'Elements' });
const assetEntries = entries(DataAssetInput).meta({ id: 'DataAssets' });
/** Flows need their ends, so an entry is always a mapping. */
const flowEntries = z.union([z.array(FlowInput), z.record(z.string(), FlowInput)]).nullable().optional().meta({ id: 'Flows' });

export const ArchitectureInputSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1).optional(),
    name: z.string().optional(),
    title: z.string().optional().describe('Same as `name`.'),
    description: z.string().optional(),
    dataAssets: assetEntries,
    assets: assetEntries.describe('Same as `dataAssets`.'),
    boundaries: boundaryEntries,
    elements: elementEntries,
    components: elementEntries.describe('Same as `elements`.'),
    flows: flowEntries,
    dataflows: flowEntries.describe('Same as `flows`.'),
    origin: z.object({ format: z.string(), file: z.string().optional() }).optional(),
  })
  .meta({ title: 'Bulwark architecture model (as written by hand)' });

/** Field names the reader accepts, by part of the model. */
export const INPUT_FIELDS = {
  model: new Set(Object.keys(ArchitectureInputSchema.shape)),
  element: new Set(Object.keys(ElementInput.shape)),
  flow: new Set(Object.keys(FlowInput.shape)),
  boundary: new Set(Object.keys(BoundaryInput.shape)),
  dataAsset: new Set(Object.keys(DataAssetInput.shape)),
  props: new Set(Object.keys(ElementPropsSchema.shape)),
} as const;

/** JSON Schema of the hand-written form, for editors (`# yaml-language-server: $schema=…`). */
export function architectureInputJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ArchitectureInputSchema, { io: 'input' }) as Record<string, unknown>;
}
