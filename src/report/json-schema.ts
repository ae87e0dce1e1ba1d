// JSON Schema (draft-07) of `bulwark scan --format json`, schemaVersion 1. Documented in docs/json-output.md.
// Objects are closed (additionalProperties: false) so a field added without a doc and schema update fails the tests;
// consumers should still ignore unknown fields, since minor releases may add optional ones.

import { COMPLIANCE_FRAMEWORKS } from '../core/compliance.js';
import { SEVERITIES, STRIDE_CATEGORIES } from '../core/types.js';

const position = {
  type: 'object',
  additionalProperties: false,
  required: ['line', 'column', 'offset'],
  properties: {
    line: { type: 'integer', minimum: 1, description: '1-based line.' },
    column: { type: 'integer', minimum: 1, description: '1-based column in UTF-16 code units.' },
    offset: { type: 'integer', minimum: 0, description: '0-based UTF-16 offset into the file text.' },
  },
} as const;

const location = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'range'],
  properties: {
    file: { type: 'string', description: 'POSIX path relative to `root`.' },
    range: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      properties: { start: { $ref: '#/definitions/position' }, end: { $ref: '#/definitions/position' } },
    },
  },
} as const;

const stringList = { type: 'array', items: { type: 'string' } } as const;

export const scanResultJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:bulwark:scan-result:1',
  title: 'Bulwark scan result',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'tool', 'root', 'stats', 'findings', 'diagnostics', 'rules'],
  definitions: {
    position,
    location,
    severity: { enum: [...SEVERITIES] },
  },
  properties: {
    schemaVersion: { const: 1 },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: { name: { const: 'bulwark' }, version: { type: 'string' } },
    },
    root: { type: 'string', description: 'Absolute path every location.file is relative to.' },
    stats: {
      type: 'object',
      additionalProperties: false,
      required: ['files', 'bytes', 'resources', 'rootModules', 'durationMs'],
      properties: {
        files: { type: 'integer', minimum: 0 },
        bytes: { type: 'integer', minimum: 0 },
        resources: { type: 'integer', minimum: 0 },
        rootModules: { type: 'integer', minimum: 0 },
        durationMs: { type: 'number', minimum: 0 },
      },
    },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['ruleId', 'severity', 'title', 'message', 'location', 'remediation'],
        properties: {
          ruleId: { type: 'string', minLength: 1 },
          severity: { $ref: '#/definitions/severity' },
          title: { type: 'string' },
          message: { type: 'string' },
          location: { $ref: '#/definitions/location' },
          resource: { type: 'string' },
          callPath: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['module', 'location'],
              properties: { module: { type: 'string' }, location: { $ref: '#/definitions/location' } },
            },
          },
          remediation: { type: 'string' },
        },
      },
    },
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['severity', 'message', 'location'],
        properties: {
          severity: { enum: ['error', 'warning'] },
          message: { type: 'string' },
          location: { $ref: '#/definitions/location' },
        },
      },
    },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'severity', 'stride', 'cwe', 'compliance', 'description', 'remediation', 'provider', 'service', 'peers'],
        properties: {
          id: { type: 'string', pattern: '^[A-Z0-9-]+$' },
          title: { type: 'string' },
          severity: { $ref: '#/definitions/severity' },
          stride: { enum: [...STRIDE_CATEGORIES] },
          cwe: { type: 'array', items: { type: 'string', pattern: '^CWE-[0-9]+$' } },
          compliance: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['framework', 'control'],
              properties: { framework: { enum: [...COMPLIANCE_FRAMEWORKS] }, control: { type: 'string' } },
            },
          },
          description: { type: 'string' },
          remediation: { type: 'string' },
          provider: { enum: ['aws', 'generic'] },
          service: { type: 'string' },
          peers: {
            type: 'object',
            additionalProperties: false,
            properties: { checkov: stringList, trivy: stringList, kics: stringList },
          },
          links: stringList,
        },
      },
    },
  },
} as const;
