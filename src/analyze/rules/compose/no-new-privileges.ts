import { defineRule } from '../../rule.js';
import { insertEntries } from '../../../edit/yaml-edit.js';
import { entry, isSeq } from '../../../parse/yaml/tree.js';
import type { YamlFixContext } from '../../fix.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE, listSetting, type ServiceFixData } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-PRIV-005',
    title: 'Services cannot gain new privileges',
    problem: 'Service without no-new-privileges',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: COMPOSE_COMPLIANCE.leastPrivilege,
    description:
      'Without `no-new-privileges`, a process in the container can gain privileges through setuid binaries: an attacker ' +
      'with a foothold as an unprivileged user becomes root inside the container, one step from the host.',
    remediation: 'Add `security_opt: ["no-new-privileges:true"]` to the service.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'privilege',
    links: [`${COMPOSE_REFERENCE}#security_opt`],
  },
  compose: {
    check(service, ctx) {
      const opts = listSetting(service, 'security_opt');
      if (opts.values.some((o) => /^no-new-privileges(:true|=true)?$/.test(o.trim()))) return;
      ctx.report({ at: opts.entry ?? service.key, message: `Service ${service.name} does not set no-new-privileges: setuid binaries in it can gain root.`, part: 'security_opt', fixData: { node: service.node, name: service.name } satisfies ServiceFixData });
    },
  },
  fix: {
    compose: (ctx: YamlFixContext<ServiceFixData>) => {
      const existing = entry(ctx.data.node, 'security_opt');
      if (existing && isSeq(existing.value) && !existing.value.flow && existing.value.items.length) {
        // Another item in the list, at the indentation of the ones there.
        const last = existing.value.items[existing.value.items.length - 1]!;
        const lineStart = ctx.text.lastIndexOf('\n', last.start - 1) + 1;
        const indent = ctx.text.slice(lineStart, last.start);
        const lineEnd = ctx.text.indexOf('\n', last.end);
        const at = lineEnd < 0 ? ctx.text.length : lineEnd;
        return { kind: 'automatic', description: `Adds no-new-privileges:true to security_opt of service ${ctx.data.name}.`, edits: [{ start: at, end: at, text: `\n${indent}no-new-privileges:true` }] };
      }
      if (existing) return { declined: 'security_opt is written in flow style; add no-new-privileges:true to it by hand' };
      return { kind: 'automatic', description: `Adds security_opt: [no-new-privileges:true] to service ${ctx.data.name}.`, edits: insertEntries(ctx.text, ctx.data.node, ['security_opt'], ['- no-new-privileges:true']) };
    },
  },
  examples: {
    compose: {
      good: [`services:\n  api:\n    image: registry.example.com/api:1.2.0\n    security_opt:\n      - no-new-privileges:true\n`],
      bad: [
        {
          code: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n    ports:\n      - "127.0.0.1:3000:3000"\n`,
          errors: [{ line: 2 }],
          output: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n    ports:\n      - "127.0.0.1:3000:3000"\n    security_opt:\n      - no-new-privileges:true\n`,
        },
        {
          code: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n    security_opt:\n      - apparmor:docker-default\n`,
          errors: [{ line: 4 }],
          output: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n    security_opt:\n      - apparmor:docker-default\n      - no-new-privileges:true\n`,
        },
      ],
    },
  },
});
