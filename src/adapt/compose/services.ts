// The services of a compose file, and their settings read as Compose reads them: short and long forms of
// ports and volumes, environment as a mapping or a list, values interpolated from the project's `.env`.

import { entry, isMap, isScalar, itemsOf, text, type YEntry, type YMap, type YNode } from '../../parse/yaml/tree.js';
import { interpolate } from './interpolate.js';

export interface ComposeService {
  name: string;
  node: YMap;
  /** The `name:` key under `services`. */
  key: YEntry;
  env: ReadonlyMap<string, string>;
}

export function servicesOf(root: YNode | undefined, env: ReadonlyMap<string, string>): ComposeService[] {
  const services = entry(root, 'services')?.value;
  if (!isMap(services)) return [];
  return services.entries.filter((e) => isMap(e.value)).map((e) => ({ name: e.key, node: e.value as YMap, key: e, env }));
}

/** A scalar setting after interpolation; undefined when absent or not a scalar. */
export function setting(service: ComposeService, key: string): { value: string; entry: YEntry; usesVariables: boolean; unresolved: string[] } | undefined {
  const found = entry(service.node, key);
  const raw = text(found?.value);
  if (!found || raw === undefined) return undefined;
  const done = interpolate(raw, service.env);
  return { value: done.value, entry: found, usesVariables: done.usesVariables, unresolved: done.unresolved };
}

export interface EnvironmentVariable {
  name: string;
  /** The literal as written (before interpolation); undefined for `- NAME` (taken from the shell). */
  raw: string | undefined;
  value: string | undefined;
  usesVariables: boolean;
  /** The node holding the value (a mapping value, or the list item `NAME=value`). */
  node: YNode;
  /** Mapping form (`NAME: value`) or list form (`- NAME=value`). */
  form: 'map' | 'list';
  entry?: YEntry;
}

export function environmentOf(service: ComposeService): EnvironmentVariable[] {
  const env = entry(service.node, 'environment')?.value;
  const out: EnvironmentVariable[] = [];
  if (isMap(env)) {
    for (const e of env.entries) {
      const raw = isScalar(e.value) && e.value.value !== null ? String(e.value.value) : undefined;
      const done = raw === undefined ? undefined : interpolate(raw, service.env);
      out.push({ name: e.key, raw, value: done?.value, usesVariables: done?.usesVariables ?? false, node: e.value, form: 'map', entry: e });
    }
  } else {
    for (const item of itemsOf(env)) {
      const line = text(item);
      if (line === undefined) continue;
      const eq = line.indexOf('=');
      const name = eq < 0 ? line : line.slice(0, eq);
      const raw = eq < 0 ? undefined : line.slice(eq + 1);
      const done = raw === undefined ? undefined : interpolate(raw, service.env);
      out.push({ name, raw, value: done?.value, usesVariables: done?.usesVariables ?? false, node: item, form: 'list' });
    }
  }
  return out;
}

export interface PublishedPort {
  node: YNode;
  /** Interface it binds on the host ('' for all). */
  hostIp: string;
  /** Host port (or range) as written; '' when Compose picks one. */
  published: string;
  /** Container port. */
  target: number | undefined;
  form: 'short' | 'long';
}

/** `"8080:80"`, `"127.0.0.1:5432:5432"`, `"[::1]:6379:6379/tcp"`, `"3000"`, and the long form. */
export function portsOf(service: ComposeService): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const item of itemsOf(entry(service.node, 'ports')?.value)) {
    if (isMap(item)) {
      const target = Number(interpolate(text(entry(item, 'target')?.value) ?? '', service.env).value);
      out.push({
        node: item,
        hostIp: interpolate(text(entry(item, 'host_ip')?.value) ?? '', service.env).value,
        published: interpolate(text(entry(item, 'published')?.value) ?? '', service.env).value,
        target: Number.isFinite(target) && target > 0 ? target : undefined,
        form: 'long',
      });
      continue;
    }
    const raw = text(item);
    if (raw === undefined) continue;
    const spec = interpolate(raw, service.env).value.replace(/\/(tcp|udp|sctp)$/i, '');
    const m = /^(?:(\[[^\]]+\]|[^:]+):)??(?:([\d-]*):)?([\d-]+)$/.exec(spec);
    if (!m) continue;
    const [, ip = '', published = '', target = ''] = m;
    out.push({ node: item, hostIp: ip.replace(/^\[|\]$/g, ''), published, target: Number(target.split('-')[0]) || undefined, form: 'short' });
  }
  return out;
}

/** A loopback or otherwise private binding: reachable from the host itself only. */
export function bindsLocally(hostIp: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(hostIp);
}

export interface VolumeMount {
  node: YNode;
  source: string;
  target: string;
}

export function volumesOf(service: ComposeService): VolumeMount[] {
  const out: VolumeMount[] = [];
  for (const item of itemsOf(entry(service.node, 'volumes')?.value)) {
    if (isMap(item)) {
      out.push({ node: item, source: interpolate(text(entry(item, 'source')?.value) ?? '', service.env).value, target: interpolate(text(entry(item, 'target')?.value) ?? '', service.env).value });
      continue;
    }
    const raw = text(item);
    if (raw === undefined) continue;
    const parts = interpolate(raw, service.env).value.split(':');
    out.push({ node: item, source: parts.length > 1 ? parts[0]! : '', target: parts.length > 1 ? parts[1]! : parts[0]! });
  }
  return out;
}
