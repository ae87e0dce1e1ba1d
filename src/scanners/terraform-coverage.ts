// What a Terraform scan could not check: resource types no rule reads, and providers with no rules at
// all (Azure, Google, ...). Reported so that "no findings" is never said about code nobody looked at.

import type { Rule } from '../analyze/rule.js';
import { plural } from '../core/plural.js';
import type { Diagnostic } from '../core/types.js';
import type { TerraformCoverage } from '../pipeline/terraform.js';
import { TERRAFORM_AWS_ADAPTERS } from '../adapt/terraform/aws/index.js';

/**
 * Providers whose resources hold no security configuration (random values, local files, timers, glue).
 * They count neither as checked nor as unchecked.
 */
export const UTILITY_PROVIDERS: ReadonlySet<string> = new Set(['random', 'null', 'local', 'time', 'archive', 'template', 'http', 'external', 'terraform', 'cloudinit']);

/** How many of the most common unchecked types are named. */
const TYPES_SHOWN = 10;

export function providerOf(type: string): string {
  const cut = type.indexOf('_');
  return cut < 0 ? type : type.slice(0, cut);
}

export interface CoverageGaps {
  /** Unchecked types of providers that have rules, most common first (all of them; reports show the first). */
  types: { type: string; count: number }[];
  providers: { provider: string; resources: number }[];
  /** Resources of utility providers. */
  utility: number;
  diagnostics: Diagnostic[];
}

export function coverageGaps(coverage: TerraformCoverage, rules: readonly Rule[]): CoverageGaps {
  const ruledProviders = new Set<string>();
  for (const rule of rules) {
    for (const type of rule.terraform?.resourceTypes ?? []) ruledProviders.add(providerOf(type.replace(/^data\./, '')));
    if (rule.aws) for (const type of TERRAFORM_AWS_ADAPTERS[rule.aws.collection].resourceTypes) ruledProviders.add(providerOf(type));
  }
  let utility = 0;
  const byProvider = new Map<string, number>();
  const types: { type: string; count: number }[] = [];
  for (const [type, count] of coverage.uncovered) {
    const provider = providerOf(type);
    if (UTILITY_PROVIDERS.has(provider)) utility += count;
    else if (!ruledProviders.has(provider)) byProvider.set(provider, (byProvider.get(provider) ?? 0) + count);
    else types.push({ type, count });
  }
  types.sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
  const providers = [...byProvider].map(([provider, resources]) => ({ provider, resources })).sort((a, b) => b.resources - a.resources || (a.provider < b.provider ? -1 : 1));

  const diagnostics: Diagnostic[] = providers.map(({ provider, resources }) => ({
    severity: 'warning',
    code: 'provider-without-rules',
    format: 'terraform',
    message: `Bulwark has no rules for the ${provider} provider yet: ${plural(resources, 'resource')} of it ${resources === 1 ? 'was' : 'were'} not checked.`,
  }));
  if (types.length) {
    const total = types.reduce((n, t) => n + t.count, 0);
    const shown = types.slice(0, TYPES_SHOWN).map((t) => `${t.type} (${t.count})`);
    const more = types.length > TYPES_SHOWN ? `, and ${plural(types.length - TYPES_SHOWN, 'more type')}` : '';
    diagnostics.push({
      severity: 'note',
      code: 'types-without-rules',
      format: 'terraform',
      message: `${plural(total, 'resource')} of ${plural(types.length, 'type')} no rule checks yet: ${shown.join(', ')}${more}.`,
    });
  }
  return { types, providers, utility, diagnostics };
}
