// Object storage pattern (S3, GCS, Azure Blob): public exposure, object integrity, signed URLs, encryption.

import { C } from '../compliance.js';
import { elementDenies, elementHas } from '../controls.js';
import type { ElementThreatRule } from '../types.js';
import { capitalize, describeClassification, isSensitive } from '../vocabulary.js';

export const objectStorageRules: ElementThreatRule[] = [
  {
    id: 'TM-STORAGE-001',
    scope: 'element',
    pattern: 'object-storage',
    stride: 'information-disclosure',
    kinds: ['bucket'],
    condition: 'object storage whose design does not state `publicAccess: false`',
    applies: () => true,
    controls: [elementDenies('publicAccess', 'blocks public access')],
    title: (ctx) =>
      ctx.element.props.publicAccess === true ? `${ctx.element.name} is publicly accessible` : `${ctx.element.name} may be publicly accessible`,
    description: (ctx) =>
      `${ctx.element.name} holds ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'stored objects'}${
        ctx.element.props.publicAccess === true ? ' and is public' : ' and the design does not block public access'
      }: a public bucket policy or ACL exposes every object to anyone who guesses or lists the keys.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-284', 'CWE-200'],
    capec: ['CAPEC-150'],
    compliance: [C.gdprSecurity, C.soc2Access, C.isoAccess, C.nistAccess],
    mitigations: ['MIT-S3-BLOCK-PUBLIC'],
  },
  {
    id: 'TM-STORAGE-002',
    scope: 'element',
    pattern: 'object-storage',
    stride: 'tampering',
    kinds: ['bucket'],
    condition: 'object storage without versioning or object lock',
    applies: () => true,
    controls: [elementHas('versioning', 'keeps object versions'), elementHas('objectLock', 'uses object lock')],
    title: (ctx) => `Files in ${ctx.element.name} modified or replaced after upload`,
    description: (ctx) => {
      const writers = ctx.facts.incoming.map((f) => f.source.name);
      return `Anything that can write to ${ctx.element.name}${writers.length ? ` (${[...new Set(writers)].join(', ')})` : ''} can overwrite or delete objects after they were checked, and without versioning the original cannot be recovered or compared.`;
    },
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-345', 'CWE-494'],
    capec: ['CAPEC-268'],
    compliance: [C.soc2Monitoring, C.nistIntegrity, C.isoBackup],
    mitigations: ['MIT-S3-VERSIONING'],
  },
  {
    id: 'TM-STORAGE-003',
    scope: 'element',
    pattern: 'object-storage',
    stride: 'information-disclosure',
    tags: ['signed-url'],
    condition: 'the design issues signed (pre-signed) URLs and does not state a short expiry (`signedUrlExpiry: true`)',
    applies: (ctx) => ctx.element.kind !== 'actor',
    controls: [
      elementHas('signedUrlExpiry', 'issues signed URLs with a short expiry'),
      {
        // The expiry is often stated on the bucket the URLs point into ("signed URLs expire after 1 hour").
        id: 'bucket.signedUrlExpiry',
        effect: 'remove',
        present: (ctx) => ctx.element.kind !== 'bucket' && ctx.model.elementsOfKind('bucket').some((b) => b.element.props.signedUrlExpiry === true),
        reason: (ctx) =>
          `signed URLs for ${ctx.model
            .elementsOfKind('bucket')
            .filter((b) => b.element.props.signedUrlExpiry === true)
            .map((b) => b.element.name)
            .join(', ')} have a short expiry`,
      },
    ],
    title: (ctx) => `Signed URLs from ${ctx.element.name} don't expire`,
    description: (ctx) =>
      `${ctx.element.name} hands out signed URLs. A URL with a long or default (up to 7 days) lifetime keeps working after it is shared, logged or leaked, giving anyone who holds it access to the object.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-613'],
    capec: ['CAPEC-593'],
    compliance: [C.gdprSecurity, C.soc2Access, C.isoAccess],
    mitigations: ['MIT-SIGNED-URL-EXPIRY'],
  },
  {
    id: 'TM-STORAGE-004',
    scope: 'element',
    pattern: 'object-storage',
    stride: 'information-disclosure',
    kinds: ['bucket'],
    condition: 'object storage holding PII, credentials or payment data without encryption at rest',
    applies: (ctx) => isSensitive(ctx.facts.sensitivity),
    controls: [elementHas('encryptedAtRest', 'is encrypted at rest')],
    title: (ctx) => `${capitalize(ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'data')} in ${ctx.element.name} stored unencrypted`,
    description: (ctx) =>
      `${ctx.element.name} stores ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'sensitive data'} and the design does not encrypt it with a managed key; copies, snapshots or a misconfigured policy expose it in clear.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-311'],
    capec: [],
    compliance: [C.gdprSecurity, C.pciAtRest, C.soc2Transmission, C.nistAtRest],
    mitigations: ['MIT-ENCRYPT-AT-REST'],
  },
];
