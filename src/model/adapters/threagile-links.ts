// Threagile's communication-link vocabulary as Bulwark flow properties: its protocols as Bulwark's
// protocol words with whether they encrypt, its authentication and authorisation words.

import type { FlowAuthorization, FlowUsage } from '../schema/architecture.js';

interface ProtocolRow {
  protocol: string;
  encrypted: boolean;
}

/** Threagile's protocols (pkg/types/protocol.go), each with Threagile's own answer to "is it encrypted?". */
const PROTOCOLS: Readonly<Record<string, ProtocolRow>> = {
  http: { protocol: 'http', encrypted: false },
  https: { protocol: 'https', encrypted: true },
  ws: { protocol: 'ws', encrypted: false },
  wss: { protocol: 'wss', encrypted: true },
  'reverse-proxy-web-protocol': { protocol: 'http', encrypted: false },
  'reverse-proxy-web-protocol-encrypted': { protocol: 'https', encrypted: true },
  mqtt: { protocol: 'mqtt', encrypted: false },
  jdbc: { protocol: 'sql', encrypted: false },
  'jdbc-encrypted': { protocol: 'sql', encrypted: true },
  odbc: { protocol: 'sql', encrypted: false },
  'odbc-encrypted': { protocol: 'sql', encrypted: true },
  'sql-access-protocol': { protocol: 'sql', encrypted: false },
  'sql-access-protocol-encrypted': { protocol: 'sql', encrypted: true },
  'nosql-access-protocol': { protocol: 'nosql', encrypted: false },
  'nosql-access-protocol-encrypted': { protocol: 'nosql', encrypted: true },
  binary: { protocol: 'tcp', encrypted: false },
  'binary-encrypted': { protocol: 'tcp', encrypted: true },
  text: { protocol: 'tcp', encrypted: false },
  'text-encrypted': { protocol: 'tcp', encrypted: true },
  ssh: { protocol: 'ssh', encrypted: true },
  'ssh-tunnel': { protocol: 'ssh', encrypted: true },
  smtp: { protocol: 'smtp', encrypted: false },
  'smtp-encrypted': { protocol: 'smtps', encrypted: true },
  pop3: { protocol: 'pop3', encrypted: false },
  'pop3-encrypted': { protocol: 'pop3s', encrypted: true },
  imap: { protocol: 'imap', encrypted: false },
  'imap-encrypted': { protocol: 'imaps', encrypted: true },
  ftp: { protocol: 'ftp', encrypted: false },
  ftps: { protocol: 'ftps', encrypted: true },
  sftp: { protocol: 'sftp', encrypted: true },
  scp: { protocol: 'scp', encrypted: true },
  ldap: { protocol: 'ldap', encrypted: false },
  ldaps: { protocol: 'ldaps', encrypted: true },
  jms: { protocol: 'jms', encrypted: false },
  nfs: { protocol: 'nfs', encrypted: false },
  smb: { protocol: 'smb', encrypted: false },
  'smb-encrypted': { protocol: 'smb', encrypted: true },
  nrpe: { protocol: 'nrpe', encrypted: false },
  xmpp: { protocol: 'xmpp', encrypted: false },
  iiop: { protocol: 'iiop', encrypted: false },
  'iiop-encrypted': { protocol: 'iiop', encrypted: true },
  jrmp: { protocol: 'jrmp', encrypted: false },
  'jrmp-encrypted': { protocol: 'jrmp', encrypted: true },
};

/** Calls that never leave the host: nothing on a wire to encrypt. */
const LOCAL_PROTOCOLS: ReadonlySet<string> = new Set(['in-process-library-call', 'inter-process-communication', 'local-file-access', 'container-spawning']);

export interface LinkTransport {
  protocol?: string;
  encrypted?: boolean;
}

/**
 * A Threagile protocol as Bulwark's protocol word and encryption. A VPN encrypts whatever runs inside it.
 * `known` is false for a word Threagile does not have (the reader says so).
 */
export function linkTransport(raw: string | undefined, vpn: boolean): LinkTransport & { known: boolean } {
  const word = raw?.trim().toLowerCase();
  if (!word || word === 'unknown-protocol') return vpn ? { encrypted: true, known: true } : { known: true };
  const row = Object.hasOwn(PROTOCOLS, word) ? PROTOCOLS[word] : undefined;
  if (row) return { protocol: row.protocol, encrypted: row.encrypted || vpn, known: true };
  if (LOCAL_PROTOCOLS.has(word)) return { protocol: 'local', known: true };
  return vpn ? { protocol: word, encrypted: true, known: false } : { protocol: word, known: false };
}

const AUTHENTICATIONS: ReadonlySet<string> = new Set(['credentials', 'session-id', 'token', 'client-certificate', 'two-factor', 'externalized']);

/** Whether the link authenticates its caller: `none` → false, any of Threagile's mechanisms → true. */
export function linkAuthenticated(raw: string | undefined): boolean | undefined {
  const word = raw?.trim().toLowerCase();
  if (!word) return undefined;
  if (word === 'none') return false;
  return AUTHENTICATIONS.has(word) ? true : undefined;
}

/** Threagile's authorisation words as Bulwark's. */
export function linkAuthorization(raw: string | undefined): FlowAuthorization | undefined {
  const word = raw?.trim().toLowerCase();
  if (word === 'none') return 'none';
  if (word === 'technical-user') return 'technical-user';
  if (word === 'end-user-identity-propagation' || word === 'enduser-identity-propagation' || word === 'end-user') return 'end-user';
  return undefined;
}

export function usageOf(raw: unknown): FlowUsage | undefined {
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  return word === 'business' || word === 'devops' ? word : undefined;
}

/** Threagile's id for a communication link: the source asset's id, `>`, and the title in lower-case words joined by hyphens. */
export function threagileLinkId(sourceId: string, title: string): string {
  return `${sourceId}>${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[-\s]+|[-\s]+$/g, '')}`;
}
