// Threagile's technology words (its `technology`/`technologies` field, aliases included) as Bulwark element
// kinds and technology phrases. The phrases are the words the knowledge base recognises ("CI/CD build
// pipeline", "LDAP directory"), so a Threagile asset gets the threats Bulwark has for what it is.

import type { ElementKind } from '../schema/architecture.js';

/** What a Threagile technology is to Bulwark. `client`: a device or program end users work on. */
interface TechnologyRow {
  kind: ElementKind | 'client';
  phrase: string;
}

const TECHNOLOGIES: Readonly<Record<string, TechnologyRow>> = {
  ai: { kind: 'process', phrase: 'AI/ML service' },
  'application-server': { kind: 'process', phrase: 'Application server' },
  'artifact-registry': { kind: 'process', phrase: 'Artifact registry' },
  'batch-processing': { kind: 'process', phrase: 'Batch processing' },
  'big-data-platform': { kind: 'datastore', phrase: 'Big data platform' },
  // File and block storage hold data but are no object storage: no bucket policies or signed URLs.
  'block-storage': { kind: 'datastore', phrase: 'Block storage (SAN)' },
  browser: { kind: 'client', phrase: 'Web browser' },
  'build-pipeline': { kind: 'process', phrase: 'CI/CD build pipeline' },
  'client-system': { kind: 'client', phrase: 'Client system' },
  cli: { kind: 'process', phrase: 'Command-line tool' },
  cms: { kind: 'web-app', phrase: 'Content management system' },
  'code-inspection-platform': { kind: 'process', phrase: 'Code inspection platform' },
  'container-platform': { kind: 'process', phrase: 'Container platform' },
  'data-lake': { kind: 'datastore', phrase: 'Data lake' },
  database: { kind: 'datastore', phrase: 'Database' },
  desktop: { kind: 'client', phrase: 'Desktop client' },
  'devops-client': { kind: 'client', phrase: 'DevOps client' },
  ejb: { kind: 'process', phrase: 'Enterprise JavaBeans (Java)' },
  erp: { kind: 'process', phrase: 'ERP system' },
  'event-listener': { kind: 'process', phrase: 'Event listener' },
  'file-server': { kind: 'datastore', phrase: 'File server' },
  function: { kind: 'function', phrase: 'Function' },
  gateway: { kind: 'gateway', phrase: 'Gateway' },
  hsm: { kind: 'secret-store', phrase: 'Hardware security module (HSM)' },
  'identity-provider': { kind: 'identity-provider', phrase: 'Identity provider' },
  'identity-store-database': { kind: 'datastore', phrase: 'Identity store database' },
  'identity-store-ldap': { kind: 'identity-provider', phrase: 'LDAP directory' },
  ids: { kind: 'process', phrase: 'Intrusion detection system' },
  'iot-device': { kind: 'client', phrase: 'IoT device' },
  ips: { kind: 'process', phrase: 'Intrusion prevention system' },
  'ldap-server': { kind: 'identity-provider', phrase: 'LDAP directory' },
  library: { kind: 'process', phrase: 'Software library' },
  'load-balancer': { kind: 'gateway', phrase: 'Load balancer' },
  'local-file-system': { kind: 'datastore', phrase: 'Local file system' },
  'mail-server': { kind: 'process', phrase: 'Mail server' },
  mainframe: { kind: 'process', phrase: 'Mainframe' },
  'message-queue': { kind: 'queue', phrase: 'Message queue' },
  'mobile-app': { kind: 'client', phrase: 'Mobile app' },
  monitoring: { kind: 'process', phrase: 'Monitoring (SIEM)' },
  'report-engine': { kind: 'process', phrase: 'Report engine' },
  'reverse-proxy': { kind: 'gateway', phrase: 'Reverse proxy' },
  scheduler: { kind: 'process', phrase: 'Scheduler' },
  'search-engine': { kind: 'process', phrase: 'Search engine' },
  'search-index': { kind: 'datastore', phrase: 'Search engine index' },
  'service-mesh': { kind: 'process', phrase: 'Service mesh' },
  'service-registry': { kind: 'process', phrase: 'Service registry' },
  'sourcecode-repository': { kind: 'process', phrase: 'Source code repository' },
  'stream-processing': { kind: 'process', phrase: 'Stream processing' },
  task: { kind: 'process', phrase: 'Task' },
  tool: { kind: 'process', phrase: 'Tool' },
  vault: { kind: 'secret-store', phrase: 'Vault (secrets and key management)' },
  waf: { kind: 'gateway', phrase: 'Web application firewall (WAF)' },
  'web-application': { kind: 'web-app', phrase: 'Web application' },
  // A web server serves pages to browsers: Threagile rates it a web application (CSRF, XSS).
  'web-server': { kind: 'web-app', phrase: 'Web server' },
  'web-service-rest': { kind: 'process', phrase: 'REST API' },
  'web-service-soap': { kind: 'process', phrase: 'SOAP web service' },
};

/** Threagile's aliases for its technologies. */
const ALIASES: Readonly<Record<string, string>> = {
  'artificial-intelligence': 'ai',
  'machine-learning': 'ai',
  'deep-learning': 'ai',
  'neural-network': 'ai',
  ml: 'ai',
  dl: 'ai',
  'app-server': 'application-server',
  'big-data': 'big-data-platform',
  san: 'block-storage',
  'web-browser': 'browser',
  ci: 'build-pipeline',
  'continuous-integration': 'build-pipeline',
  client: 'client-system',
  'command-line': 'cli',
  'command-line-tool': 'cli',
  'command-line-interface': 'cli',
  'content-management-system': 'cms',
  'code-inspection': 'code-inspection-platform',
  'code-analysis': 'code-inspection-platform',
  container: 'container-platform',
  docker: 'container-platform',
  kubernetes: 'container-platform',
  db: 'database',
  'desktop-system': 'desktop',
  'enterprise-java-beans': 'ejb',
  'enterprise-resource-planning': 'erp',
  'file-storage': 'file-server',
  'hardware-security-module': 'hsm',
  idp: 'identity-provider',
  'identity-store': 'identity-store-database',
  'intrusion-detection-system': 'ids',
  iot: 'iot-device',
  'intrusion-prevention-system': 'ips',
  ldap: 'ldap-server',
  lb: 'load-balancer',
  'local-storage': 'local-file-system',
  'email-server': 'mail-server',
  mq: 'message-queue',
  siem: 'monitoring',
  reporting: 'report-engine',
  cron: 'scheduler',
  'service-discovery': 'service-registry',
  git: 'sourcecode-repository',
  job: 'task',
  utility: 'tool',
  'hashicorp-vault': 'vault',
  'web-application-firewall': 'waf',
  'web-app': 'web-application',
  'rest-api': 'web-service-rest',
  'soap-api': 'web-service-soap',
};

/** A Threagile technology word in its canonical form, or undefined when Threagile does not know it either. */
export function canonicalTechnology(word: string): string | undefined {
  const w = word.trim().toLowerCase();
  if (Object.hasOwn(TECHNOLOGIES, w)) return w;
  return Object.hasOwn(ALIASES, w) ? ALIASES[w] : undefined;
}

export interface AssetNature {
  /** Threagile's `type`: external-entity, process or datastore. */
  type?: string;
  /** Canonical technologies, most telling first. */
  technologies: readonly string[];
  usedByHuman: boolean;
  outOfScope: boolean;
  customDeveloped: boolean;
  serverless: boolean;
}

export interface KindDecision {
  kind: ElementKind;
  /** Readable technology phrase ("Load balancer, Reverse proxy"), if any technology was known. */
  technology?: string;
  /** True when the asset would be one of ours but Threagile puts it out of scope: taken as a third party's. */
  outOfScopeAsThirdParty: boolean;
}

/**
 * The Bulwark kind of a Threagile asset: the first technology that says a specific kind decides, then the
 * asset's type. End-user clients are actors (a person at a browser, desktop or phone) or, when no person uses
 * them, third-party systems; a mobile app that is ours (custom-developed, in scope) is a client-side app.
 * An asset Threagile declares out of scope is not analysed as ours: it is a third party's system.
 */
export function decideKind(asset: AssetNature): KindDecision {
  const rows = asset.technologies.map((t) => TECHNOLOGIES[t]!).filter(Boolean);
  const technology = rows.length ? [...new Set(rows.map((r) => r.phrase))].join(', ') : undefined;
  const specific = rows.find((r) => r.kind !== 'process') ?? rows[0];
  let kind: ElementKind | 'client';
  if (specific) kind = specific.kind;
  else if (asset.type === 'datastore') kind = 'datastore';
  else if (asset.type === 'external-entity') kind = asset.usedByHuman ? 'actor' : 'external-system';
  else kind = 'process';
  if (kind === 'client') {
    const ownApp = asset.customDeveloped && !asset.outOfScope && asset.type !== 'external-entity';
    if (ownApp && asset.technologies.includes('mobile-app')) kind = 'web-app';
    else kind = asset.usedByHuman ? 'actor' : 'external-system';
  }
  if (asset.serverless && (kind === 'process' || kind === 'web-app')) kind = 'function';
  // A datastore typed so in Threagile stays a store even when its technology reads as a process.
  if (asset.type === 'datastore' && (kind === 'process' || kind === 'web-app')) kind = 'datastore';
  if (asset.type === 'external-entity' && kind !== 'actor') kind = 'external-system';
  const ours = kind !== 'actor' && kind !== 'external-system';
  if (asset.outOfScope && ours) return withTechnology({ kind: 'external-system', outOfScopeAsThirdParty: true }, technology);
  return withTechnology({ kind, outOfScopeAsThirdParty: false }, technology);
}

function withTechnology(decision: KindDecision, technology: string | undefined): KindDecision {
  return technology ? { ...decision, technology } : decision;
}
