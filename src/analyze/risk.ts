// Risk = Severity × Exploitability × Data sensitivity, on a 0–10 scale, with every factor shown and
// explained. Severity stays the rule's impact class (it drives --fail-on); the risk score orders the
// work. Exploitability and sensitivity come from evidence in the configuration: what the finding is
// about, whether its resource is exposed to the internet, and what its tags, names and path say (or
// the policy's data classes, which win).

import type { DataClass } from '../core/safe-defaults.js';
import type { RuleMeta } from '../core/rule-meta.js';
import type { Finding } from '../core/types.js';
import { globMatcher } from '../core/glob.js';
import { exploitabilityOf, rating, scoreOf, SENSITIVITY, SEVERITY_WEIGHT, STRIDE_KIND, type Factor } from '../core/risk-factors.js';

export { rating, SENSITIVITY, SEVERITY_WEIGHT, type ExploitKind, type Factor } from '../core/risk-factors.js';

/** What a resource tells about its data: its tags, the names it carries, and its file. */
export interface DataEvidence {
  tags: Readonly<Record<string, string>>;
  /** The address and name-like attributes (`bucket`, `name`, `identifier`). */
  names: readonly string[];
  file: string;
}

export function exploitability(meta: RuleMeta, exposedBy?: string): Factor {
  return exploitabilityOf(meta.risk ?? STRIDE_KIND[meta.stride], exposedBy);
}

const RESTRICTED = /\b(pii|phi|pci|ssn|gdpr|hipaa|patients?|medical|health|payments?|cards?|cardholder|billing|customers?|personal|secrets?|credentials?|passwords?|restricted)\b/i;
const CONFIDENTIAL = /\b(confidential|sensitive|private|prod|production|finance|hr|users?|accounts?|orders?|backups?)\b/i;
const NON_PRODUCTION = /\b(dev|development|test|testing|qa|sandbox|staging|stage|demo|tmp|temp|scratch|playground)\b/i;
const PUBLIC = /\b(public|website|www|static|assets|cdn|docs)\b/i;

/** The data sensitivity of a resource: the first policy class it matches, else what its tags and names suggest. */
export function dataSensitivity(evidence: DataEvidence, classes: readonly DataClass[]): Factor {
  for (const c of classes) {
    const why = matchClass(c, evidence);
    if (why) return { factor: SENSITIVITY[c.level], reason: `${c.level} data (policy: ${why})` };
  }
  const tagged = Object.entries(evidence.tags).find(([key]) => /classification|sensitivity|data[-_ ]?class/i.test(key));
  if (tagged) {
    const level = RESTRICTED.test(tagged[1]) ? 'restricted' : CONFIDENTIAL.test(tagged[1]) ? 'confidential' : PUBLIC.test(tagged[1]) ? 'public' : 'internal';
    return { factor: SENSITIVITY[level], reason: `${level} data (tag ${tagged[0]} = ${tagged[1]})` };
  }
  const words = [...evidence.names, ...Object.values(evidence.tags)].map(spaced).join(' ');
  const restricted = RESTRICTED.exec(words);
  if (restricted) return { factor: 1, reason: `restricted data (named "${restricted[1]}")` };
  const nonProd = NON_PRODUCTION.exec(words);
  if (nonProd) return { factor: 0.8, reason: `non-production data (named "${nonProd[1]}")` };
  const confidential = CONFIDENTIAL.exec(words);
  if (confidential) return { factor: 0.9, reason: `confidential data (named "${confidential[1]}")` };
  const open = PUBLIC.exec(words);
  if (open) return { factor: 0.4, reason: `public data (named "${open[1]}")` };
  return { factor: 0.9, reason: 'unclassified data (assumed confidential; classify it in the policy)' };
}

/** `customer_pii-bucket` → `customer pii bucket`, so that word boundaries see its parts. */
function spaced(name: string): string {
  return name.replace(/[_\-./:"[\]]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
}

function matchClass(c: DataClass, evidence: DataEvidence): string | undefined {
  for (const [key, wanted] of Object.entries(c.tags ?? {})) {
    const value = evidence.tags[key];
    if (value !== undefined && (Array.isArray(wanted) ? wanted : [wanted]).some((w) => w.toLowerCase() === value.toLowerCase())) return `tag ${key} = ${value}`;
  }
  const name = c.names?.length ? evidence.names.find((n) => globMatcher(c.names!)(n)) : undefined;
  if (name) return `name ${name}`;
  if (c.paths?.length && globMatcher(c.paths, { paths: true })(evidence.file)) return `path ${evidence.file}`;
  return undefined;
}

/** The finding's score from its factors and its (final) severity. */
export function scoreRisk(finding: Finding): Finding {
  const risk = finding.risk;
  if (!risk) return finding;
  const score = scoreOf(finding.severity, risk.exploitability.factor, risk.dataSensitivity.factor);
  return { ...finding, risk: { ...risk, score, rating: rating(score), severityWeight: SEVERITY_WEIGHT[finding.severity] } };
}
