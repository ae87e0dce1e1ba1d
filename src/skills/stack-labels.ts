// Names for the stacks a stack-specific remediation fits. knowledge/remediations.ts states fit as a predicate
// over the technologies and files a repository shows; the skill's readers need a name instead. Each
// remediation is named after the first of these sample stacks it fits: single technologies and files first,
// then pairs, so a change that fits any MySQL is not named after MySQL in docker-compose.

import type { Stack, StackRemediation } from '../model/knowledge/remediations.js';

const SAMPLE_STACKS: readonly { label: string; stack: Stack }[] = [
  { label: 'Express', stack: { technologies: ['Node.js (Express)'], files: [] } },
  { label: 'Fastify', stack: { technologies: ['Node.js (Fastify)'], files: [] } },
  { label: 'Flask', stack: { technologies: ['Python (Flask)'], files: [] } },
  { label: 'FastAPI', stack: { technologies: ['Python (FastAPI)'], files: [] } },
  { label: 'Django', stack: { technologies: ['Python (Django)'], files: [] } },
  { label: 'React', stack: { technologies: ['React'], files: [] } },
  { label: 'MariaDB/MySQL', stack: { technologies: ['MariaDB'], files: [] } },
  { label: 'PostgreSQL', stack: { technologies: ['PostgreSQL'], files: [] } },
  { label: 'AWS SQS', stack: { technologies: ['AWS SQS'], files: [] } },
  { label: 'docker-compose', stack: { technologies: [], files: ['docker-compose.yml'] } },
  { label: 'Terraform', stack: { technologies: [], files: ['main.tf'] } },
  { label: 'Dockerfile', stack: { technologies: [], files: ['Dockerfile'] } },
  { label: 'Kubernetes', stack: { technologies: [], files: ['k8s/deployment.yaml'] } },
  { label: 'docker-compose with MariaDB/MySQL', stack: { technologies: ['MariaDB'], files: ['docker-compose.yml'] } },
  { label: 'docker-compose with PostgreSQL', stack: { technologies: ['PostgreSQL'], files: ['docker-compose.yml'] } },
  { label: 'Terraform with AWS SQS', stack: { technologies: ['AWS SQS'], files: ['main.tf'] } },
];

/** The name of the stack a remediation is for; undefined when no sample stack fits (a test keeps that from happening). */
export function stackLabel(remediation: StackRemediation): string | undefined {
  return SAMPLE_STACKS.find((sample) => remediation.fits(sample.stack))?.label;
}
