import { defineRule } from '../../rule.js';
import { bindsLocally, portsOf, setting, type PublishedPort } from '../../../adapt/compose/services.js';
import { DATA_STORE_PORTS } from '../../../core/data-store-ports.js';
import { entry, text } from '../../../parse/yaml/tree.js';
import { insertEntries } from '../../../edit/yaml-edit.js';
import type { YamlFixContext } from '../../fix.js';
import { COMPOSE_REFERENCE } from './support.js';
import { imageName } from '../../images.js';

/** Images of data stores, for ports remapped away from their defaults (`"13306:3306"` still reaches MariaDB). */
const DATA_STORE_IMAGES = /(^|\/)(mysql|mariadb|postgres|postgis|mongo|redis|valkey|keydb|memcached|elasticsearch|opensearch|cassandra|couchdb|neo4j|influxdb|clickhouse|mssql|rabbitmq|etcd)([-/]|$)/;

interface PortFix {
  port: PublishedPort;
}

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-NET-001',
    title: 'Data stores are published on localhost only',
    problem: 'Data-store port published on every interface',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-668'],
    compliance: [
      { framework: 'PCI-DSS', control: '1.4.4' },
      { framework: 'NIST-800-53', control: 'SC-7' },
      { framework: 'ISO27001', control: 'A.8.20' },
    ],
    description:
      'A port published as `"3306:3306"` listens on every interface of the host, and Docker\'s iptables rules bypass host ' +
      'firewalls like ufw: the database is reachable from the network (and from the internet on a cloud VM). The other ' +
      'services reach it over the compose network without any published port.',
    remediation: 'Publish it on 127.0.0.1 only (`"127.0.0.1:3306:3306"`), or remove the `ports` entry when only other services use it.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'exposure',
    links: [`${COMPOSE_REFERENCE}#ports`],
  },
  compose: {
    check(service, ctx) {
      const image = setting(service, 'image')?.value ?? '';
      const isStore = DATA_STORE_IMAGES.test(imageName(image));
      for (const port of portsOf(service)) {
        if (bindsLocally(port.hostIp) || port.target === undefined) continue;
        const known = DATA_STORE_PORTS.get(port.target);
        if (!known && !isStore) continue;
        const what = known ?? image;
        ctx.report({
          at: port.node,
          message: `Service ${service.name} publishes ${what} (container port ${port.target}) on ${port.hostIp ? `interface ${port.hostIp}` : 'every interface of the host'}.`,
          part: `ports.${port.target}`,
          fixData: { port } satisfies PortFix,
        });
      }
    },
  },
  fix: {
    compose: (ctx: YamlFixContext<PortFix>) => {
      const { port } = ctx.data;
      if (port.hostIp && port.hostIp !== '0.0.0.0' && port.hostIp !== '::') return { declined: `the port is bound to ${port.hostIp} on purpose` };
      if (port.form === 'long') {
        if (port.node.kind !== 'map' || entry(port.node, 'host_ip')) return { declined: 'host_ip is set; change it by hand' };
        return { kind: 'automatic', description: 'Publishes the port on 127.0.0.1 only.', edits: insertEntries(ctx.text, port.node, ['host_ip'], '127.0.0.1') };
      }
      if (port.node.kind !== 'scalar') return { declined: 'the port is not written as a plain string' };
      const raw = text(port.node)!;
      // `3306:3306` → `127.0.0.1:3306:3306`; `3306` (any host port) → `127.0.0.1::3306`; `0.0.0.0:…` → `127.0.0.1:…`.
      const bound = port.hostIp ? raw.replace(/^(\[[^\]]+\]|[^:]+):/, '127.0.0.1:') : port.published ? `127.0.0.1:${raw}` : `127.0.0.1::${raw}`;
      const written = ctx.text.slice(port.node.start, port.node.end);
      const quote = written.startsWith('"') ? '"' : written.startsWith("'") ? "'" : '"';
      return { kind: 'automatic', description: `Publishes ${raw} on 127.0.0.1 only.`, edits: [{ start: port.node.start, end: port.node.end, text: `${quote}${bound}${quote}` }] };
    },
  },
  examples: {
    compose: {
      good: [`services:\n  db:\n    image: mariadb:11.4\n    ports:\n      - "127.0.0.1:3306:3306"\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n`],
      bad: [
        {
          code: `services:\n  db:\n    image: mariadb:11.4\n    ports:\n      - "3306:3306"\n  cache:\n    image: redis:7.4\n    ports:\n      - 16379:6379\n`,
          errors: [{ line: 5 }, { line: 9 }],
          output: `services:\n  db:\n    image: mariadb:11.4\n    ports:\n      - "127.0.0.1:3306:3306"\n  cache:\n    image: redis:7.4\n    ports:\n      - "127.0.0.1:16379:6379"\n`,
        },
      ],
    },
  },
});
