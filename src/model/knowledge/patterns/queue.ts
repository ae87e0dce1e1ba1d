// Queue and stream pattern (SQS, Kafka, RabbitMQ): message confidentiality and poison messages.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementContext, ElementThreatRule } from '../types.js';
import { describeClassification, isSensitive, joinNames } from '../vocabulary.js';

const DEAD_LETTER = /\b(?:dlq|dead[- ]letters?|redrive|poison|failed messages?|after \d+ (?:failed|failures|attempts|retries))/i;

/** Who takes messages out: what the queue delivers to, and whoever receives from it. */
export function consumersOf(ctx: ElementContext): string[] {
  const names = [
    ...ctx.facts.outgoing.filter((f) => f.target.kind !== 'queue').map((f) => f.target.name),
    ...ctx.facts.incoming.filter((f) => f.reads).map((f) => f.source.name),
  ];
  return [...new Set(names)];
}

/** The dead-letter queues a queue redrives to (a queue-to-queue edge named as one, or a queue called a DLQ). */
function deadLetterQueuesOf(ctx: ElementContext): string[] {
  return ctx.facts.outgoing.filter((f) => f.target.kind === 'queue' && DEAD_LETTER.test(`${f.flow.label ?? ''} ${f.target.name}`)).map((f) => f.target.name);
}

/** A queue that takes another queue's failed messages. */
function isDeadLetterQueue(ctx: ElementContext): boolean {
  return DEAD_LETTER.test(ctx.element.name) || ctx.facts.incoming.some((f) => f.source.kind === 'queue' && DEAD_LETTER.test(`${f.flow.label ?? ''} ${ctx.element.name}`));
}

export const queueRules: ElementThreatRule[] = [
  {
    id: 'TM-QUEUE-001',
    scope: 'element',
    pattern: 'queue',
    stride: 'information-disclosure',
    kinds: ['queue'],
    condition: 'a queue or stream carrying PII, credentials or payment data, or stated unencrypted, without encryption at rest',
    applies: (ctx) => isSensitive(ctx.facts.sensitivity) || ctx.element.props.encryptedAtRest === false,
    controls: [elementHas('encryptedAtRest', 'encrypts messages at rest')],
    title: (ctx) => `Messages in ${ctx.element.name} expose ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'data'}`,
    description: (ctx) =>
      `${ctx.element.name} buffers ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'sensitive data'} and the design does not encrypt messages at rest; anyone with read access to the broker's storage or a too-broad queue policy reads them.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-311'],
    capec: [],
    compliance: [C.gdprSecurity, C.pciAtRest, C.nistAtRest],
    decidedBy: ['encryptedAtRest'],
    mitigations: ['MIT-QUEUE-ENCRYPTION'],
  },
  {
    id: 'TM-QUEUE-002',
    scope: 'element',
    pattern: 'queue',
    stride: 'denial-of-service',
    kinds: ['queue'],
    condition: 'a queue with producers and consumers, no dead-letter queue drawn and none stated (`deadLetterQueue: true`); dead-letter queues themselves excluded',
    applies: (ctx) => !isDeadLetterQueue(ctx) && consumersOf(ctx).length > 0 && ctx.facts.incoming.some((f) => !f.reads),
    controls: [
      elementHas('deadLetterQueue', 'has a dead-letter queue with alarms'),
      {
        id: 'flow.to-dead-letter-queue',
        effect: 'remove',
        present: (ctx) => deadLetterQueuesOf(ctx).length > 0,
        reason: (ctx) => `${ctx.element.name} moves failing messages to ${joinNames(deadLetterQueuesOf(ctx))}`,
      },
    ],
    title: (ctx) => `Poison messages in ${ctx.element.name} block ${joinNames(consumersOf(ctx))}`,
    description: (ctx) =>
      `A malformed message that makes ${joinNames(consumersOf(ctx))} fail is redelivered forever without a dead-letter queue, blocking or slowing every message behind it, and failures go unnoticed.`,
    severity: 'low',
    likelihood: 'medium',
    cwe: ['CWE-400'],
    capec: [],
    compliance: [C.soc2Availability, C.soc2Monitoring],
    mitigations: ['MIT-QUEUE-DLQ'],
  },
  {
    id: 'TM-QUEUE-003',
    scope: 'element',
    pattern: 'queue',
    stride: 'denial-of-service',
    kinds: ['queue'],
    condition: 'a dead-letter queue (named as one, or fed by another queue\'s redrive) with no alarm or monitoring stated (`monitored: true`)',
    applies: (ctx) => isDeadLetterQueue(ctx),
    controls: [elementHas('monitored', 'is monitored, with an alarm on its depth')],
    title: (ctx) => `Failed messages pile up unnoticed in ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} collects the messages that could not be processed${ctx.element.props.monitored === false ? ', and the design states nobody watches it' : ' and the design shows no alarm on it'}: failed work (an order, a payment) is silently dropped until a customer complains, and an attack that poisons messages goes unseen.`,
    exploit: 'detection',
    severity: 'low',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-778'],
    capec: [],
    compliance: [C.soc2Monitoring, C.soc2Availability],
    mitigations: ['MIT-DLQ-ALARM'],
  },
];
