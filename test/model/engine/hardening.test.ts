// Hardening never looks worse: for generated designs, stating any control (on an element or a flow) never adds
// risk. The risk total is the sum of the open threats' risk scores; a control may remove or downgrade threats,
// never add one or raise one.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../src/model/engine/analyze.js';
import { ELEMENT_KINDS, type Architecture, type ElementProps } from '../../../src/model/schema/architecture.js';

/** Properties that are controls: true says the design is safer. */
const CONTROLS = [
  'authenticatesCallers', 'authorizesRequests', 'encryptedAtRest', 'auditLogging', 'rateLimited', 'validatesInput', 'versioning',
  'leastPrivilege', 'sizeLimits', 'backups', 'mfa', 'signedUrlExpiry', 'tokenValidation', 'shortLivedTokens', 'pkce', 'resourceLimits',
  'deadLetterQueue', 'objectLock', 'corsRestricted', 'monitored',
] as const satisfies readonly (keyof ElementProps)[]; // prettier-ignore
/** Properties whose false is the safer statement. */
const WEAKNESSES = ['runsAsRoot', 'storesCredentials', 'publicAccess', 'weakCredentials'] as const satisfies readonly (keyof ElementProps)[];

const CLASSES = ['public', 'internal', 'confidential', 'pii', 'credentials', 'payment'] as const;
const PROTOCOLS = [undefined, 'http', 'https', 'grpc', 'sql', 'amqp', 'resp'] as const;

const design: fc.Arbitrary<Architecture> = fc
  .record({
    kinds: fc.array(fc.constantFrom(...ELEMENT_KINDS), { minLength: 2, maxLength: 7 }),
    props: fc.array(fc.dictionary(fc.constantFrom(...CONTROLS, ...WEAKNESSES, 'internetFacing' as const), fc.boolean(), { maxKeys: 4 }), { minLength: 7, maxLength: 7 }),
    zones: fc.array(fc.constantFrom(undefined, 'internet', 'dmz', 'private'), { minLength: 7, maxLength: 7 }),
    held: fc.array(fc.option(fc.constantFrom(...CLASSES), { nil: undefined }), { minLength: 7, maxLength: 7 }),
    flows: fc.array(
      fc.record({
        from: fc.nat(6),
        to: fc.nat(6),
        protocol: fc.constantFrom(...PROTOCOLS),
        encrypted: fc.option(fc.boolean(), { nil: undefined }),
        authenticated: fc.option(fc.boolean(), { nil: undefined }),
        data: fc.option(fc.constantFrom(...CLASSES), { nil: undefined }),
        label: fc.constantFrom('', 'login', 'uploads files', 'JWT', 'card payments', 'webhook', 'reads sessions'),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ kinds, props, zones, held, flows }) => {
    const elements = kinds.map((kind, i) => ({
      id: `e${i}`,
      name: `${kind} ${i}`,
      kind,
      props: props[i]!,
      data: held[i] ? [`d-${held[i]}`] : [],
      ...(zones[i] ? { boundary: zones[i]! } : {}),
    }));
    return {
      version: 1 as const,
      name: 'generated',
      elements,
      flows: flows
        .filter((f) => f.from < kinds.length && f.to < kinds.length && f.from !== f.to)
        .map((f, i) => ({
          id: `f${i}`,
          source: `e${f.from}`,
          target: `e${f.to}`,
          ...(f.label ? { label: f.label } : {}),
          ...(f.protocol ? { protocol: f.protocol } : {}),
          ...(f.encrypted !== undefined ? { encrypted: f.encrypted } : {}),
          ...(f.authenticated !== undefined ? { authenticated: f.authenticated } : {}),
          data: f.data ? [`d-${f.data}`] : [],
        })),
      boundaries: [
        { id: 'internet', name: 'Internet', type: 'internet' as const },
        { id: 'dmz', name: 'DMZ', type: 'network-zone' as const },
        { id: 'private', name: 'Private subnet', type: 'network-zone' as const },
      ],
      dataAssets: CLASSES.map((c) => ({ id: `d-${c}`, name: `${c} data`, classification: c })),
    } as Architecture;
  });

const riskTotal = (model: Architecture) => analyze(model).threats.reduce((sum, t) => sum + t.riskScore, 0);

/** Every way to state one more control on the design. */
function hardenings(model: Architecture): { what: string; model: Architecture }[] {
  const out: { what: string; model: Architecture }[] = [];
  model.elements.forEach((e, i) => {
    for (const control of CONTROLS) {
      if (e.props[control] === true) continue;
      const elements = model.elements.map((x, j) => (j === i ? { ...x, props: { ...x.props, [control]: true } } : x));
      out.push({ what: `${e.id}.${control} = true`, model: { ...model, elements } });
    }
    for (const weakness of WEAKNESSES) {
      if (e.props[weakness] === false) continue;
      const elements = model.elements.map((x, j) => (j === i ? { ...x, props: { ...x.props, [weakness]: false } } : x));
      out.push({ what: `${e.id}.${weakness} = false`, model: { ...model, elements } });
    }
  });
  model.flows.forEach((f, i) => {
    for (const key of ['encrypted', 'authenticated'] as const) {
      if (f[key] === true) continue;
      const flows = model.flows.map((x, j) => (j === i ? { ...x, [key]: true } : x));
      out.push({ what: `${f.id}.${key} = true`, model: { ...model, flows } });
    }
    // The same controls written in words on the flow, as people label diagrams. "JWT auth" makes the target a
    // token verifier: its token threats are counted against the spoofing threats the authentication removes.
    // (Written on a request to a service: sent by an identity provider, or to a person or an outside system, a JWT
    // is a token being issued, which is data. And like the properties above, only where it is not stated yet:
    // naming the mechanism of a flow already stated as authenticated adds no control.)
    const kindOf = (id: string) => model.elements.find((e) => e.id === id)?.kind ?? 'process';
    const issued = ['actor', 'external-system'].includes(kindOf(f.target)) || kindOf(f.source) === 'identity-provider';
    for (const words of issued || f.authenticated === true ? ['over HTTPS', 'mTLS'] : ['over HTTPS', 'mTLS', 'JWT auth']) {
      const authenticated = words === 'JWT auth' ? { authenticated: true } : {};
      const flows = model.flows.map((x, j) => (j === i ? { ...x, ...authenticated, label: `${x.label ?? ''} ${words}`.trim() } : x));
      out.push({ what: `${f.id} labelled "${words}"`, model: { ...model, flows } });
    }
  });
  return out;
}

describe('hardening never looks worse', () => {
  it('stating any control never raises the risk total (generated designs)', () => {
    fc.assert(
      fc.property(design, (model) => {
        const before = riskTotal(model);
        for (const { what, model: hardened } of hardenings(model)) {
          const after = riskTotal(hardened);
          assert.ok(after <= before + 1e-9, `${what} raised the risk total from ${before} to ${after}`);
        }
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});
