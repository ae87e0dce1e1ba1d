// Schema validators for report tests: the official SARIF 2.1.0 schema and Bulwark's own JSON schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { scanResultJsonSchema } from '../../src/report/json-schema.js';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** A validator that is not a type guard, so asserting validity keeps the tested value's type. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidateFunction['errors'];
}

function newAjv(): Ajv {
  // unicodeRegExp off: the SARIF schema's `language` pattern has a stray `]` that is invalid in unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv;
}

/** The SARIF 2.1.0 schema shipped by @microsoft/jest-sarif (draft-04 `id` adapted for ajv's draft-07 core). */
export function sarifValidator(): Validator {
  const dir = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas');
  const schema = JSON.parse(readFileSync(join(dir, 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  return newAjv().compile({ $id: id as string, ...rest });
}

export function scanResultValidator(): Validator {
  return newAjv().compile(scanResultJsonSchema);
}

export function errorsOf(validate: Validator): string {
  return JSON.stringify(validate.errors?.slice(0, 5), null, 2);
}
