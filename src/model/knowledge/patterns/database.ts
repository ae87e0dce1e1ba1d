// Relational and NoSQL database pattern: injection, exposure, encryption at rest, backups.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementContext, ElementThreatRule } from '../types.js';
import { describeClassification, isSensitive, joinNames } from '../vocabulary.js';

/** Internet-facing services that write to this store without validating input. */
function taintedWriters(ctx: ElementContext): string[] {
  const names = ctx.facts.incoming
    .filter((f) => {
      const writer = ctx.model.element(f.source.id);
      return writer !== undefined && writer.internetFacing && f.source.kind !== 'actor' && f.source.props.validatesInput !== true;
    })
    .map((f) => f.source.name);
  return [...new Set(names)];
}

export const databaseRules: ElementThreatRule[] = [
  {
    id: 'TM-DB-001',
    scope: 'element',
    pattern: 'database',
    stride: 'tampering',
    kinds: ['datastore'],
    condition: 'written to directly by an internet-facing service that does not state input validation (`validatesInput: true`)',
    applies: (ctx) => taintedWriters(ctx).length > 0,
    controls: [],
    title: (ctx) => `${ctx.facts.tags.has('nosql') ? 'NoSQL' : 'SQL'} injection into ${ctx.element.name} via ${joinNames(taintedWriters(ctx))}`,
    description: (ctx) =>
      `${joinNames(taintedWriters(ctx))} takes requests from the internet and writes to ${ctx.element.name}. Input built into queries (string concatenation, ${
        ctx.facts.tags.has('nosql') ? '`$where`/`$ne` operators in JSON bodies' : 'dynamic ORDER BY or raw SQL'
      }) lets an attacker read or change any row.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-89', 'CWE-943'],
    capec: ['CAPEC-66', 'CAPEC-676'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    mitigations: ['MIT-PARAMETERISED-QUERIES'],
  },
  {
    id: 'TM-DB-002',
    scope: 'element',
    pattern: 'database',
    stride: 'information-disclosure',
    kinds: ['datastore'],
    condition: 'a database holding PII, credentials or payment data without encryption at rest',
    applies: (ctx) => isSensitive(ctx.facts.sensitivity),
    controls: [elementHas('encryptedAtRest', 'is encrypted at rest')],
    title: (ctx) => `${ctx.element.name} stores ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'data'} unencrypted at rest`,
    description: (ctx) =>
      `${ctx.element.name} holds ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'sensitive data'}; without storage encryption, disk snapshots, backups and decommissioned volumes expose the data.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-311', 'CWE-312'],
    capec: [],
    compliance: [C.gdprSecurity, C.pciAtRest, C.soc2Transmission, C.isoCrypto, C.nistAtRest],
    mitigations: ['MIT-ENCRYPT-AT-REST'],
  },
  {
    id: 'TM-DB-003',
    scope: 'element',
    pattern: 'database',
    stride: 'information-disclosure',
    kinds: ['datastore', 'cache'],
    condition: 'a database or cache reachable from the internet',
    applies: (ctx) => ctx.facts.internetFacing,
    controls: [],
    title: (ctx) => `${ctx.element.name} is reachable from the internet`,
    description: (ctx) =>
      `${ctx.element.name} is exposed to the internet (${ctx.facts.exposure}); scanners find open database ports within minutes and try default and weak credentials.`,
    severity: 'high',
    likelihood: 'high',
    raiseForSensitiveData: true,
    cwe: ['CWE-284', 'CWE-668'],
    capec: ['CAPEC-118'],
    compliance: [C.pciNetwork, C.soc2Boundary, C.isoNetwork, C.nistBoundary],
    mitigations: ['MIT-PRIVATE-NETWORK'],
  },
  {
    id: 'TM-DB-004',
    scope: 'element',
    pattern: 'database',
    stride: 'denial-of-service',
    kinds: ['datastore'],
    condition: 'the design states the database has no backups (`backups: false`)',
    applies: (ctx) => ctx.element.props.backups === false,
    controls: [],
    title: (ctx) => `Data in ${ctx.element.name} lost for good after deletion or ransomware`,
    description: (ctx) => `${ctx.element.name} has no backups: a bad migration, a deleted table or ransomware makes its data unrecoverable.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: false,
    cwe: ['CWE-404'],
    capec: [],
    compliance: [C.soc2Availability, C.isoBackup, C.nistBackup],
    mitigations: ['MIT-BACKUPS'],
  },
];
