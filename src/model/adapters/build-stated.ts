// What a design states in words on its components and edges, as properties: controls and weaknesses written in
// a description or on an edge, what a server says of its listener, and weak logins a client states.

import { DATA_HOLDING_KINDS, type ElementProps } from '../schema/architecture.js';
import type { ElementDraft, FlowDraft } from './build-drafts.js';
import { elementControls } from './prose-controls.js';
import { flowHints } from './vocabulary.js';

/** Properties an edge label can state about the element it reaches. */
const TARGET_PROPS: ReadonlySet<keyof ElementProps> = new Set(['weakCredentials', 'corsRestricted', 'rateLimited', 'validatesInput', 'sizeLimits']);

/**
 * Controls and weaknesses a diagram writes in a component's description ("JWT auth, rate limited", "DB password
 * in env var", "no authentication enabled"), as the properties prose gets from the same words. What the input
 * states as a property itself wins.
 */
export function inferStatedControls(elements: ReadonlyMap<string, ElementDraft>, flows: readonly FlowDraft[]): void {
  for (const e of elements.values()) {
    if (!e.description) continue;
    for (const control of elementControls(e.description)) {
      if (e.props[control.prop] === undefined) e.props[control.prop] = control.value;
    }
  }
  // "The worker logs in as root/root": weak credentials a client states are the credentials of the stores it uses.
  // One pass over the flows, however many clients say so (a loop per client would be quadratic on a big model).
  const moved = new Set<ElementDraft>();
  for (const f of flows) {
    const client = elements.get(f.sourceKey);
    const store = elements.get(f.targetKey);
    if (client?.props.weakCredentials === undefined || DATA_HOLDING_KINDS.has(client.kind) || !store || !DATA_HOLDING_KINDS.has(store.kind)) continue;
    store.props.weakCredentials ??= client.props.weakCredentials;
    moved.add(client);
  }
  for (const client of moved) delete client.props.weakCredentials;
  // "Orders API<br/>HTTPS", "Kafka<br/>no TLS": what a server says of its listener holds for the connections to it
  // (and, for a store or broker, for those that read from it), where the flow itself says nothing.
  let described = false;
  for (const e of elements.values()) if ((described = e.description !== undefined)) break;
  for (const f of described ? flows : []) {
    const target = elements.get(f.targetKey);
    const source = elements.get(f.sourceKey);
    const server = target?.description ? target : source && DATA_HOLDING_KINDS.has(source.kind) && source.description ? source : undefined;
    if (!server || f.encrypted !== undefined) continue;
    const said = flowHints(server.description!);
    if (said.encrypted === undefined) continue;
    f.encrypted = said.encrypted;
    if (said.protocol && !f.protocol) f.protocol = said.protocol;
  }
  // An edge's words about the service it reaches ("CORS *", "no rate limit", "as root/root") describe the target.
  for (const f of flows) {
    const target = elements.get(f.targetKey);
    if (!f.label || !target) continue;
    for (const control of elementControls(f.label)) {
      if (!TARGET_PROPS.has(control.prop)) continue;
      if (target.props[control.prop] === undefined) target.props[control.prop] = control.value;
      // "password 'password'" is how the flow logs in, not user credentials it carries.
      if (control.prop === 'weakCredentials') f.data = f.data.filter((id) => id !== 'credentials');
    }
  }
}
