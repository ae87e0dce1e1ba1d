// Reusable controls: a design property that removes or downgrades a threat, with the reason the register shows.

import type { ElementProps } from '../schema/architecture.js';
import type { Control, ElementContext, FlowContext, FlowView } from './types.js';
import { encryptionOfProtocol } from './vocabulary.js';

type Prop = keyof ElementProps;

/** The element sets `prop: true`. */
export function elementHas(prop: Prop, what: string, effect: 'remove' | 'downgrade' = 'remove'): Control<ElementContext> {
  return {
    id: `element.${prop}`,
    effect,
    present: (ctx) => ctx.element.props[prop] === true,
    reason: (ctx) => `${ctx.element.name} ${what}`,
  };
}

/** The element sets `prop: false` (e.g. `publicAccess: false`, `internetFacing: false`). */
export function elementDenies(prop: Prop, what: string, effect: 'remove' | 'downgrade' = 'remove'): Control<ElementContext> {
  return {
    id: `element.${prop}=false`,
    effect,
    present: (ctx) => ctx.element.props[prop] === false,
    reason: (ctx) => `${ctx.element.name} ${what}`,
  };
}

/** Every incoming flow from the internet is authenticated. */
export const internetFlowsAuthenticated: Control<ElementContext> = {
  id: 'flow.authenticated',
  effect: 'remove',
  present: (ctx) => {
    const fromInternet = ctx.facts.incoming.filter((f) => f.fromInternet);
    return fromInternet.length > 0 && fromInternet.every((f) => f.authenticated === true);
  },
  reason: (ctx) =>
    `every flow from the internet into ${ctx.element.name} is authenticated (${ctx.facts.incoming
      .filter((f) => f.fromInternet)
      .map((f) => f.display)
      .join(', ')})`,
};

export const flowEncrypted: Control<FlowContext> = {
  id: 'flow.encrypted',
  effect: 'remove',
  present: (ctx) => ctx.flow.encrypted === true,
  reason: (ctx) => `flow ${ctx.flow.display} is encrypted (${encryptionOfProtocol(ctx.flow.flow.protocol) ? ctx.flow.flow.protocol!.toUpperCase() : 'TLS'})`,
};

export const flowAuthenticated: Control<FlowContext> = {
  id: 'flow.authenticated',
  effect: 'remove',
  present: (ctx) => ctx.flow.authenticated === true,
  reason: (ctx) => `flow ${ctx.flow.display} is authenticated`,
};

export const targetAuthenticatesCallers: Control<FlowContext> = {
  id: 'target.authenticatesCallers',
  effect: 'remove',
  present: (ctx) => ctx.flow.target.props.authenticatesCallers === true,
  reason: (ctx) => `${ctx.flow.target.name} authenticates its callers`,
};

export const sourceValidatesInput: Control<FlowContext> = {
  id: 'source.validatesInput',
  effect: 'remove',
  present: (ctx) => ctx.flow.source.props.validatesInput === true,
  reason: (ctx) => `${ctx.flow.source.name} validates the data it receives`,
};

/** The flow states token authentication ("JWT auth"): a bearer token is how it authenticates. */
export function tokenAuthenticated(flow: FlowView): boolean {
  return flow.authenticated === true && flow.tags.has('jwt');
}
