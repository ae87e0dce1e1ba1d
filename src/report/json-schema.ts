// The JSON Schema of `bulwark scan --format json`, generated from the zod declaration of the result.
// Published as docs/scan-result-schema.json (`npm run docs`); a test checks real output against it.

import { scanResultJsonSchema as build } from '../core/scan-schema.js';

export const scanResultJsonSchema: Record<string, unknown> = build();
