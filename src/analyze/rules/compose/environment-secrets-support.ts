// Literal secrets in a service's environment: the shared check and fix of the two secret rules (a literal
// secret, and a weak one anybody would guess, which is worse).

import { posix } from 'node:path';
import { dirOf } from '../../../core/dir-of.js';
import { environmentOf, setting, type ComposeService, type EnvironmentVariable } from '../../../adapt/compose/services.js';
import type { YamlFixContext, FixOutcome } from '../../fix.js';
import { findNamedSecrets, isSecretName, isWeakPassword, mask } from '../../secrets/patterns.js';
import type { ComposeRuleContext } from '../../yaml-rule.js';

export interface EnvSecretFix {
  variable: EnvironmentVariable;
  service: string;
}

/** A literal (no `${VAR}` in it) that is a secret: its name announces one, or its value holds credentials. */
export function literalSecrets(service: ComposeService): { variable: EnvironmentVariable; masked: string; weak: boolean }[] {
  const out: { variable: EnvironmentVariable; masked: string; weak: boolean }[] = [];
  const environment = environmentOf(service);
  // What a guessable password repeats: the service, its image, and the user and database names next to it.
  const image = setting(service, 'image')?.value ?? '';
  const context = [
    service.name,
    ...image.replace(/[:@].*$/, '').split('/'),
    ...environment.filter((v) => /(USER|DB|DATABASE|NAME)$/i.test(v.name) && v.value).map((v) => v.value!),
  ];
  for (const variable of environment) {
    if (variable.raw === undefined || variable.usesVariables) continue;
    const weak = isSecretName(variable.name) && /pass|pwd/i.test(variable.name) && isWeakPassword(variable.raw, variable.name, context);
    const [hit] = findNamedSecrets([[variable.name, variable.raw]]);
    if (weak || hit) out.push({ variable, masked: hit?.masked ?? mask(variable.raw), weak });
  }
  return out;
}

export function reportSecrets(service: ComposeService, ctx: ComposeRuleContext, weak: boolean): void {
  for (const found of literalSecrets(service)) {
    if (found.weak !== weak) continue;
    const { variable } = found;
    ctx.report({
      at: variable.entry ?? variable.node,
      message: weak
        ? `Service ${service.name} sets ${variable.name} to a weak, guessable password (${found.masked}) written in the compose file.`
        : `Service ${service.name} sets ${variable.name} to a literal secret (${found.masked}) written in the compose file.`,
      part: `environment.${variable.name}`,
      fixData: { variable, service: service.name } satisfies EnvSecretFix,
    });
  }
}

/** `NAME: literal` becomes `NAME: ${NAME:?…}`: Compose then takes it from `.env` (or the shell) and refuses to start without it. */
export function secretToVariable(ctx: YamlFixContext<EnvSecretFix>): FixOutcome {
  const { variable, service } = ctx.data;
  const reference = `\${${variable.name}:?set ${variable.name} in .env}`;
  const node = variable.node;
  if (node.kind !== 'scalar') return { declined: 'the value is not a plain scalar' };
  const replacement = variable.form === 'list' ? `${variable.name}=${reference}` : reference;
  const quoted = ctx.text[node.start] === '"' || ctx.text[node.start] === "'";
  return {
    kind: 'automatic',
    description:
      `Moves ${variable.name} of service ${service} out of the compose file: it now comes from .env (keep .env out of git; ` +
      `${variable.name}= is listed in .env.example) and Compose refuses to start without it. Rotate the exposed value.`,
    edits: [{ start: node.start, end: node.end, text: quoted ? JSON.stringify(replacement) : replacement }],
    // The name, never the value, goes to .env.example beside the compose file: Compose reads .env from there.
    companions: [{ file: posix.join(dirOf(ctx.finding.location.file), '.env.example'), key: variable.name, line: `${variable.name}=` }],
  };
}
