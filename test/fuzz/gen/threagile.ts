// Threagile models as YAML text: data assets (some sharing fields through merge keys), technical assets of
// every type and of known, aliased and unknown technologies, communication links to existing and missing
// assets, trust boundaries nesting each other (cycles and double parents included), shared runtimes, and risk
// tracking keyed by categories, ids and wildcards that may name nothing.

import fc from 'fast-check';
import { stringify } from 'yaml';
import { COMPONENTS, DATA, mostly, phrase, pick } from './common.js';

type Obj = Record<string, unknown>;
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | undefined> => fc.option(arb, { freq, nil: undefined });
const strip = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const ASSET_IDS = ['web', 'api', 'db', 'queue', 'idp', 'ci', 'git', 'client', '__proto__', 'constructor', ''];
const DATA_IDS = ['pii', 'creds', 'orders', 'code', 'ghost'];
const BOUNDARY_IDS = ['net', 'dmz', 'app', 'data', 'toString'];
const TECHNOLOGIES = ['web-server', 'web-application', 'database', 'browser', 'build-pipeline', 'sourcecode-repository', 'message-queue', 'identity-provider', 'identity-store-ldap', 'vault', 'waf', 'load-balancer', 'function', 'file-server', 'mobile-app', 'devops-client', 'search-engine', 'db', 'git', 'ci', 'unknown-technology', 'toaster', ''];
const PROTOCOLS = ['https', 'http', 'jdbc', 'jdbc-encrypted', 'ssh', 'ldap', 'ldaps', 'binary', 'nfs', 'in-process-library-call', 'carrier-pigeon', ''];
const AUTHENTICATIONS = ['none', 'credentials', 'session-id', 'token', 'client-certificate', 'two-factor', 'externalized', 'magic'];
const AUTHORIZATIONS = ['none', 'technical-user', 'end-user-identity-propagation', 'enduser-identity-propagation', 'root'];
const CATEGORIES = ['sql-nosql-injection', 'unencrypted-asset', 'missing-authentication', 'ldap-injection', 'cross-site-scripting', 'dos-risky-access-across-trust-boundary', 'made-up-risk', ''];
const STATUSES = ['unchecked', 'in-discussion', 'accepted', 'in-progress', 'mitigated', 'false-positive', 'done', ''];

const title = phrase(COMPONENTS, 3);
const ids = (pool: readonly string[]) => fc.array(pick(pool), { maxLength: 4 });

const link = fc
  .tuple(pick(ASSET_IDS), maybe(phrase(DATA, 3)), pick(PROTOCOLS), pick(AUTHENTICATIONS), pick(AUTHORIZATIONS), maybe(pick(['business', 'devops', 'x'])), maybe(fc.boolean()), maybe(ids(DATA_IDS)), maybe(ids(DATA_IDS)))
  .map(([target, description, protocol, authentication, authorization, usage, vpn, sent, received]) =>
    strip({ target, description, protocol, authentication, authorization, usage, vpn, data_assets_sent: sent, data_assets_received: received }),
  );

const asset = fc
  .tuple(
    maybe(pick(ASSET_IDS), 8),
    pick(['external-entity', 'process', 'datastore', 'robot']),
    fc.oneof(pick(TECHNOLOGIES), fc.array(pick(TECHNOLOGIES), { maxLength: 2 })),
    fc.record({ internet: fc.boolean(), out_of_scope: fc.boolean(), used_as_client_by_human: fc.boolean(), custom_developed_parts: fc.boolean() }),
    maybe(pick(['none', 'transparent', 'data-with-symmetric-shared-key'])),
    maybe(pick(['physical', 'virtual', 'container', 'serverless'])),
    maybe(ids(DATA_IDS)),
    maybe(fc.array(pick(['json', 'xml', 'serialization', 'file', 'csv', 'yaml', 'pdf']), { maxLength: 3 })),
    maybe(fc.dictionary(title, mostly(link, fc.constantFrom<unknown>(null, 'x', [1])), { maxKeys: 3 })),
  )
  .map(([id, type, tech, flags, encryption, machine, stored, formats, links]) =>
    strip({ id, type, ...(Array.isArray(tech) ? { technologies: tech } : { technology: tech }), ...flags, encryption, machine, data_assets_stored: stored, data_assets_processed: stored, data_formats_accepted: formats, communication_links: links }),
  );

const boundary = fc
  .tuple(maybe(pick(BOUNDARY_IDS), 8), pick(['network-on-prem', 'network-cloud-provider', 'network-cloud-security-group', 'execution-environment', 'network-policy-namespace-isolation', 'moat']), maybe(ids(ASSET_IDS)), maybe(ids(BOUNDARY_IDS)))
  .map(([id, type, inside, nested]) => strip({ id, type, technical_assets_inside: inside, trust_boundaries_nested: nested }));

const runtime = fc.tuple(maybe(pick(['rt1', 'rt2'])), maybe(ids(ASSET_IDS))).map(([id, running]) => strip({ id, technical_assets_running: running }));

const riskKey = fc
  .tuple(fc.oneof(pick(CATEGORIES), pick(['own-risk', 'other-risk'])), fc.array(fc.oneof(pick(['*', ...ASSET_IDS, ...BOUNDARY_IDS, ...DATA_IDS, 'rt1', 'web>call-api', 'api>x->y'])), { maxLength: 3 }))
  .map(([category, parts]) => [category, ...parts].join('@'));
const tracking = fc
  .tuple(pick(STATUSES), maybe(phrase(DATA, 4)), maybe(pick(['T-1', 42])), maybe(pick(['Ana', ''])))
  .map(([status, justification, ticket, checked_by]) => strip({ status, justification, ticket, checked_by }));

/** A hand-written risk category with risks on assets (some unknown), as `individual_risk_categories` holds them. */
const identifiedRisk = fc
  .tuple(maybe(pick(['low', 'medium', 'elevated', 'high', 'critical', 'severe'])), maybe(pick(['unlikely', 'likely', 'frequent', 7])), maybe(pick([...ASSET_IDS, 'nowhere'])), maybe(ids(ASSET_IDS)))
  .map(([severity, exploitation_likelihood, most_relevant_technical_asset, data_breach_technical_assets]) =>
    strip({ severity, exploitation_likelihood, most_relevant_technical_asset, data_breach_technical_assets }),
  );
const individualCategory = fc
  .tuple(maybe(pick(['own-risk', 'other-risk'])), maybe(pick(['spoofing', 'repudiation', 'hijacking', 3])), maybe(phrase(DATA, 4)), maybe(fc.dictionary(title, mostly(identifiedRisk, fc.constantFrom<unknown>('x', null)), { maxKeys: 3 })))
  .map(([id, stride, description, risks_identified]) => strip({ id, stride, description, mitigation: description, risks_identified }));

const dataAsset = fc
  .tuple(maybe(pick(DATA_IDS), 8), maybe(phrase(DATA, 3)), maybe(pick(['public', 'internal', 'restricted', 'confidential', 'strictly-confidential', 'secret'])))
  .map(([id, description, confidentiality]) => strip({ id, description, confidentiality }));

const model = fc
  .tuple(
    maybe(title),
    fc.dictionary(title, dataAsset, { maxKeys: 4 }),
    fc.dictionary(title, mostly(asset, fc.constantFrom<unknown>('x', 7, null)), { maxKeys: 7 }),
    fc.dictionary(title, boundary, { maxKeys: 4 }),
    fc.dictionary(title, runtime, { maxKeys: 2 }),
    fc.dictionary(riskKey, tracking, { maxKeys: 4 }),
    maybe(fc.dictionary(title, mostly(individualCategory, fc.constantFrom<unknown>('x', null)), { maxKeys: 2 })),
  )
  .map(([name, data, assets, boundaries, runtimes, risks, individual]) =>
    strip({ threagile_version: '1.0.0', title: name, data_assets: data, technical_assets: assets, trust_boundaries: boundaries, shared_runtimes: runtimes, risk_tracking: risks, individual_risk_categories: individual }),
  );

/** A data asset whose fields come from an anchor through a merge key, as Threagile's own example writes them. */
const MERGED_DATA = 'data_assets:\n  Base: &base\n    id: base\n    confidentiality: confidential\n  Derived:\n    <<: *base\n    id: derived\n';

/** The model as YAML; sometimes with merge-key data assets in front (a later `data_assets` wins in YAML, so only when there is none). */
export const threagileModel: fc.Arbitrary<string> = fc.tuple(model, fc.boolean()).map(([m, merged]) => {
  const text = stringify(m);
  return merged && !('data_assets' in m) ? `${MERGED_DATA}${text}` : text;
});
