// What application code needs to know about the compose services that run it: each service's build folder
// (to find the service an application's folder becomes), the environment it is given (to resolve
// `process.env.DB_HOST` to the service it names) and the ports it publishes on every interface (to resolve
// a browser's `http://localhost:8080` to the service behind it). Values come from the `.env` beside the
// compose file, never from the shell, as for the compose source.

import { interpolate, parseDotenv } from '../../adapt/compose/interpolate.js';
import { environmentOf, portsOf, servicesOf } from '../../adapt/compose/services.js';
import { readYaml } from '../../parse/yaml/read.js';
import { buildFolder } from './compose-service.js';
import type { RepositoryFile, SourceInput } from './types.js';

export interface ComposeServiceFacts {
  name: string;
  /** Build folder relative to the repository root. */
  buildDir?: string;
  /** Environment values with every variable `.env` gives replaced; undefined when the value depends on the shell. */
  env: Map<string, string | undefined>;
  /** Host ports published on every interface. */
  publicPorts: number[];
  /** The compose file. */
  file: string;
}

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]', '*']);
const dirOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');

export function composeServiceFacts(files: readonly RepositoryFile[], input: Pick<SourceInput, 'all' | 'read'>): ComposeServiceFacts[] {
  const out: ComposeServiceFacts[] = [];
  for (const file of files) {
    const text = input.read(file);
    if (text === undefined) continue;
    const dir = dirOf(file.rel);
    const dotenv = input.all.get(dir ? `${dir}/.env` : '.env');
    const envText = dotenv ? input.read(dotenv) : undefined;
    const dotenvValues = envText === undefined ? new Map<string, string>() : parseDotenv(envText);
    for (const doc of readYaml(text).documents) {
      for (const service of servicesOf(doc.root, dotenvValues)) {
        const env = new Map<string, string | undefined>();
        for (const v of environmentOf(service)) {
          env.set(v.name, v.raw === undefined || interpolate(v.raw, service.env).unresolved.length ? undefined : v.value);
        }
        const publicPorts = portsOf(service)
          .filter((p) => ALL_INTERFACES.has(p.hostIp))
          .map((p) => Number(p.published.split('-')[0]))
          .filter((p) => Number.isInteger(p) && p > 0);
        const buildDir = buildFolder(service, dir);
        out.push({ name: service.name, env, publicPorts, file: file.rel, ...(buildDir !== undefined ? { buildDir } : {}) });
      }
    }
  }
  return out;
}
