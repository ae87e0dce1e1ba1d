import { defineRule } from '../../rule.js';
import { get, isMap, type YMap } from '../../../parse/yaml/tree.js';
import { addMissing, markYamlForInput, yamlScalar } from '../../../edit/yaml-edit.js';
import type { YamlFixContext } from '../../fix.js';
import { COMPOSE_REFERENCE, type ServiceFixData } from './support.js';

/** Kubernetes quantities (the policy's form) as Compose writes them: `500m` CPU → `0.5`, `256Mi` → `256m`. */
export function composeCpus(cpu: string | number): string | undefined {
  if (typeof cpu === 'number') return String(cpu);
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(cpu.trim());
  return m ? String(m[2] ? Number(m[1]) / 1000 : Number(m[1])) : undefined;
}

export function composeMemory(memory: string): string | undefined {
  const m = /^(\d+)(Ki|Mi|Gi|K|M|G|k|m|g|b)?$/.exec(memory.trim());
  if (!m) return undefined;
  const unit = { Ki: 'k', Mi: 'm', Gi: 'g', K: 'k', M: 'm', G: 'g', k: 'k', m: 'm', g: 'g', b: 'b' }[m[2] ?? 'b']!;
  return `${m[1]}${unit === 'b' ? '' : unit}`;
}

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-RES-001',
    title: 'Services have memory and CPU limits',
    problem: 'Service without resource limits',
    severity: 'low',
    stride: 'denial-of-service',
    cwe: ['CWE-770'],
    compliance: [{ framework: 'NIST-800-53', control: 'SC-5' }, { framework: 'ISO27001', control: 'A.8.6' }],
    description: 'Without limits one service (a leak, a flood of requests, a crypto miner) can take all the host\'s memory or CPU, and the kernel then kills the other services.',
    remediation: 'Set `deploy.resources.limits` (`cpus`, `memory`), or `mem_limit` and `cpus`.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'availability',
    uses: ['containerResources'],
    links: [`${COMPOSE_REFERENCE}#deploy`, 'https://docs.docker.com/reference/compose-file/deploy/#resources'],
  },
  compose: {
    check(service, ctx) {
      const limits = get(service.node, ['deploy', 'resources', 'limits']);
      const hasMemory = (isMap(limits) && get(limits, 'memory') !== undefined) || get(service.node, 'mem_limit') !== undefined;
      const hasCpu = (isMap(limits) && get(limits, 'cpus') !== undefined) || get(service.node, 'cpus') !== undefined;
      if (hasMemory && hasCpu) return;
      const missing = [hasMemory ? '' : 'memory', hasCpu ? '' : 'CPU'].filter(Boolean).join(' and ');
      ctx.report({ message: `Service ${service.name} has no ${missing} limit.`, part: 'deploy.resources.limits', fixData: { node: service.node, name: service.name } satisfies ServiceFixData });
    },
  },
  fix: {
    compose: (ctx: YamlFixContext<ServiceFixData>) => {
      const policy = ctx.defaults.containerResources?.limits;
      const cpus = policy?.cpu !== undefined ? composeCpus(policy.cpu) : undefined;
      const memory = policy?.memory !== undefined ? composeMemory(policy.memory) : undefined;
      if (!cpus || !memory) {
        const question = 'Set deploy.resources.limits (cpus and memory) for this service, or give defaults in the policy (safeDefaults.containerResources.limits)';
        const key = ctx.data.node.entries[0];
        return { kind: 'needs-input', description: `Marks service ${ctx.data.name} for a decision: ${question}`, question, edits: key ? markYamlForInput(ctx.text, key, question) : [] };
      }
      const node: YMap = ctx.data.node;
      return {
        kind: 'automatic',
        description: `Sets the policy's limits (cpus ${cpus}, memory ${memory}) on service ${ctx.data.name}.`,
        edits: addMissing(ctx.text, node, { deploy: { resources: { limits: { cpus: yamlScalar(cpus), memory: yamlScalar(memory) } } } }),
      };
    },
  },
  examples: {
    compose: {
      good: [`services:\n  api:\n    image: registry.example.com/api:1.2.0\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 256m\n  worker:\n    image: registry.example.com/worker:1.2.0\n    mem_limit: 512m\n    cpus: 1\n`],
      bad: [
        {
          code: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n`,
          errors: [{ line: 2 }],
          defaults: { containerResources: { limits: { cpu: '500m', memory: '256Mi' } } },
          output: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 256m\n`,
        },
        {
          code: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n`,
          errors: [{ line: 2 }],
          output: `services:\n  api:\n    # NEEDS YOUR INPUT: Set deploy.resources.limits (cpus and memory) for this service, or give defaults in the policy (safeDefaults.containerResources.limits)\n    image: registry.example.com/api:1.2.0\n`,
        },
      ],
    },
  },
});
