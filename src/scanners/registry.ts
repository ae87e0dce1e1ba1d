// The formats Bulwark scans, in the order they get to claim files. A file goes to the first scanner
// that claims it; a new format is one entry here.

import type { FormatScanner } from './format.js';
import { RECOGNISED_SCANNERS } from './recognised.js';
import { composeScanner } from './compose.js';
import { secretsScanner } from './secrets.js';
import { dockerfileScanner } from './dockerfile.js';
import { kubernetesScanner } from './kubernetes.js';
import { terraformScanner } from './terraform.js';

/** Scanners that read their format first, then the formats only recognised (reported as not checked). */
// Kubernetes claims after the formats whose files also carry `apiVersion`/`kind`-like keys or live in charts
// (CloudFormation, Helm templates, Kustomize, compose) have had their say.
const READERS: readonly FormatScanner<any>[] = [terraformScanner, kubernetesScanner, dockerfileScanner, composeScanner, secretsScanner];
const CLAIM_ORDER: readonly string[] = ['terraform', 'terraform-plan', 'opentofu', 'cloudformation', 'helm', 'kustomize', 'compose', 'kubernetes', 'dockerfile', 'arm', 'bicep', 'serverless', 'secrets'];

export const BUILTIN_SCANNERS: readonly FormatScanner<any>[] = [...READERS, ...RECOGNISED_SCANNERS.filter((r) => !READERS.some((s) => s.id === r.id))].sort(
  (a, b) => claimRank(a.id) - claimRank(b.id),
);

function claimRank(id: string): number {
  const rank = CLAIM_ORDER.indexOf(id);
  return rank < 0 ? CLAIM_ORDER.length : rank;
}

export function scannerById(id: string): FormatScanner<any> | undefined {
  return BUILTIN_SCANNERS.find((s) => s.id === id);
}
