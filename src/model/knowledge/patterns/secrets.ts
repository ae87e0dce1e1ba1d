// Secrets pattern: credentials kept outside a secrets manager, and a secret store exposed by what shares its zone.

import { C } from '../compliance.js';
import type { ElementContext, ElementFacts, ElementThreatRule } from '../types.js';
import { explicitModel, exposedZoneMates, hasBoundaries, listNames, networkZoneOf, networklessService, runtimeOf } from './infra-roles.js';

/** Internet-facing components that share the secret store's runtime, or its zone (a drawn one, or none in an explicit model). */
function exposedNeighbours(ctx: ElementContext): ElementFacts[] {
  if (networklessService(ctx.element)) return [];
  const sameRuntime = runtimeOf(ctx)?.members.filter((m) => m !== ctx.facts && m.internetFacing) ?? [];
  if (sameRuntime.length) return sameRuntime;
  if (!networkZoneOf(ctx.facts) && !(explicitModel(ctx.model) && !hasBoundaries(ctx.model))) return [];
  return exposedZoneMates(ctx);
}

export const secretsRules: ElementThreatRule[] = [
  {
    id: 'TM-SECRET-001',
    scope: 'element',
    pattern: 'secrets',
    stride: 'information-disclosure',
    kinds: ['process', 'web-app', 'gateway', 'function'],
    condition: 'a service that holds credentials (`storesCredentials: true`) and reads none from a secret store',
    applies: (ctx) => ctx.element.props.storesCredentials === true,
    controls: [
      {
        id: 'flow.to-secret-store',
        effect: 'remove',
        present: (ctx) => ctx.facts.outgoing.some((f) => f.target.kind === 'secret-store'),
        reason: (ctx) => `${ctx.element.name} reads its credentials from a secret store`,
      },
    ],
    title: (ctx) => `Credentials held by ${ctx.element.name} leak through code, images or environment`,
    description: (ctx) =>
      `${ctx.element.name} holds credentials and the design shows no secrets manager. Credentials in source, environment variables or images end up in repositories, logs and crash dumps, and rarely get rotated.`,
    exploit: 'credentials',
    severity: 'high',
    likelihood: 'medium',
    cwe: ['CWE-798', 'CWE-522'],
    capec: ['CAPEC-191'],
    compliance: [C.pciAuthn, C.soc2Access, C.nistSecrets],
    decidedBy: ['storesCredentials'],
    mitigations: ['MIT-SECRETS-MANAGER'],
  },
  {
    id: 'TM-SECRET-002',
    scope: 'element',
    pattern: 'secrets',
    stride: 'elevation-of-privilege',
    kinds: ['secret-store'],
    condition:
      'a secret store we run (HashiCorp Vault, a self-hosted secret store; not managed services such as Secrets Manager, Key Vault or KMS) that shares its runtime or trust zone with internet-facing components',
    applies: (ctx) => exposedNeighbours(ctx).length > 0,
    controls: [],
    title: (ctx) => `${ctx.element.name} shares its ${runtimeOf(ctx) ? 'runtime' : 'zone'} with internet-facing ${listNames(exposedNeighbours(ctx))}`,
    description: (ctx) =>
      `${ctx.element.name} holds the keys to everything else, and ${listNames(exposedNeighbours(ctx))} ${exposedNeighbours(ctx).length > 1 ? 'run' : 'runs'} ${runtimeOf(ctx) ? `on the same runtime (${runtimeOf(ctx)!.name})` : `in the same ${networkZoneOf(ctx.facts) ? `zone (${networkZoneOf(ctx.facts)!.name})` : 'network'}`} while taking traffic from the internet. A compromise of ${exposedNeighbours(ctx).length > 1 ? 'one of them' : 'it'} puts the attacker next to the vault: its port, its host or its unseal keys are one step away, and every secret it holds is the prize.`,
    severity: 'high',
    likelihood: 'low',
    cwe: ['CWE-653', 'CWE-668'],
    capec: [],
    compliance: [C.isoSegregation, C.nistBoundary, C.pciNotReachable],
    mitigations: ['MIT-VAULT-ISOLATION'],
  },
];
