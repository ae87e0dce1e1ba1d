// Where an outbound client points, from the value its address was given as: a URL, a host name, an
// environment variable, or a template that starts with one. Credentials in a URL are never kept.

import { envNames, strings, type Value } from './node-app-values.js';

export interface Target {
  target?: string;
  env?: string[];
  tls?: boolean;
  thirdParty?: boolean;
}

const TLS_SCHEMES = new Set(['https', 'wss', 'rediss', 'amqps', 'mongodb+srv', 'kafka+ssl']);
const PLAIN_SCHEMES = new Set(['http', 'ws', 'redis', 'amqp', 'mysql', 'mariadb', 'postgres', 'postgresql', 'mongodb', 'nats']);

/** A host that belongs to the system itself: a bare service name, localhost, a private or link-local address, an internal suffix. */
export function isInternalHost(host: string): boolean {
  const h = host.toLowerCase();
  if (!h.includes('.')) return true;
  if (/^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.0\.0\.0)/.test(h)) return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(h)) return true;
  return /\.(local|internal|localhost|svc|cluster\.local|lan|home|corp|test|example|invalid)$/.test(h) || /(^|\.)localstack\b/.test(h);
}

/** The target of one address string, without any `user:password@`. */
export function parseAddress(address: string): Target {
  const url = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/\s]*@)?(\[[^\]]*\]|[^/:?#\s]*)(:\d+)?([^\s]*)$/i.exec(address.trim());
  if (url) {
    const scheme = url[1]!.toLowerCase();
    const host = url[2]!;
    const target = `${scheme}://${host}${url[3] ?? ''}${(url[4] ?? '').replace(/[?#].*$/, '')}`;
    const tls = TLS_SCHEMES.has(scheme) ? true : PLAIN_SCHEMES.has(scheme) ? false : undefined;
    return { target, ...(tls === undefined ? {} : { tls }), ...(host && !host.includes('$') ? { thirdParty: !isInternalHost(host) } : {}) };
  }
  const bare = address.trim();
  if (bare.startsWith('/')) return { target: bare, thirdParty: false };
  if (/^[\w.-]+(:\d+)?$/.test(bare)) return { target: bare, thirdParty: !isInternalHost(bare.replace(/:\d+$/, '')) };
  return {};
}

/** The target of an address value (a literal, an environment variable and its fallback, a template). */
export function targetOf(value: Value | undefined): Target {
  if (!value) return {};
  const env = envNames(value);
  let literal = strings(value)[0];
  if (value.t === 'template') {
    const head = value.head ? strings(value.head)[0] : undefined;
    literal = head !== undefined ? head + value.raw.replace(/^`\$\{[^}]*\}/, '').replace(/`$/, '') : /^`([^$`]*)/.exec(value.raw)?.[1];
    if (literal !== undefined) literal = literal.replace(/\$\{[^}]*\}/g, '').trim() || undefined;
  }
  const parsed = literal ? parseAddress(literal) : {};
  return { ...parsed, ...(env.length ? { env } : {}) };
}
