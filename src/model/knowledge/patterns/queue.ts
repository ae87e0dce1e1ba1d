// Queue and stream pattern (SQS, Kafka, RabbitMQ): message confidentiality and poison messages.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementThreatRule } from '../types.js';
import { describeClassification, isSensitive, joinNames } from '../vocabulary.js';

export const queueRules: ElementThreatRule[] = [
  {
    id: 'TM-QUEUE-001',
    scope: 'element',
    pattern: 'queue',
    stride: 'information-disclosure',
    kinds: ['queue'],
    condition: 'a queue or stream carrying PII, credentials or payment data without encryption at rest',
    applies: (ctx) => isSensitive(ctx.facts.sensitivity),
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
    mitigations: ['MIT-QUEUE-ENCRYPTION'],
  },
  {
    id: 'TM-QUEUE-002',
    scope: 'element',
    pattern: 'queue',
    stride: 'denial-of-service',
    kinds: ['queue'],
    condition: 'a queue with consumers and no dead-letter queue stated (`deadLetterQueue: true`)',
    applies: (ctx) => ctx.facts.outgoing.some((f) => f.target.kind !== 'queue') && ctx.facts.incoming.length > 0,
    controls: [elementHas('deadLetterQueue', 'has a dead-letter queue with alarms')],
    title: (ctx) => `Poison messages in ${ctx.element.name} block ${joinNames([...new Set(ctx.facts.outgoing.map((f) => f.target.name))])}`,
    description: (ctx) =>
      `A malformed message that makes ${joinNames([...new Set(ctx.facts.outgoing.map((f) => f.target.name))])} fail is redelivered forever without a dead-letter queue, blocking or slowing every message behind it, and failures go unnoticed.`,
    severity: 'low',
    likelihood: 'medium',
    cwe: ['CWE-400'],
    capec: [],
    compliance: [C.soc2Availability, C.soc2Monitoring],
    mitigations: ['MIT-QUEUE-DLQ'],
  },
];
