// The mission's Example A read the same however it is written: a bulleted list under its lead-in (with the blank
// line Markdown puts there), a numbered list under a heading, and a free paragraph with synonyms (REST API,
// photo uploads, AWS Lambda, Postgres, presigned URLs). Each yields the six threats at the stated severities.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threatModel } from '../../../src/model/index.js';

const FORMS: Record<string, string> = {
  'bulleted list': `# Image service

We're building a web API that:

- accepts user uploads (images, up to 10MB)
- stores uploads in S3
- processes images using a Lambda function
- updates metadata in PostgreSQL
- returns signed URLs for download
`,
  'numbered list under a heading': `## Image pipeline

1. The web API accepts user uploads (images, up to 10MB).
2. It stores uploads in S3.
3. A Lambda function processes the images.
4. Metadata is updated in PostgreSQL.
5. The API returns signed URLs for download.
`,
  'paragraph with synonyms': `Our REST API takes photo uploads from users (max 10MB each), puts them in an S3 bucket, and an AWS Lambda resizes them and writes metadata to Postgres. Downloads use presigned URLs.`,
};

/** The table of Example A: STRIDE category, what the threat is about, severity. */
const EXPECTED: Array<[string, RegExp, string]> = [
  ['spoofing', /unauthenticated/i, 'high'],
  ['tampering', /modified|replaced/i, 'medium'],
  ['information-disclosure', /public/i, 'high'],
  ['information-disclosure', /signed url/i, 'medium'],
  ['denial-of-service', /uploads?.*exhaust|exhaust/i, 'medium'],
  ['elevation-of-privilege', /lambda.*(?:iam|permission)/i, 'high'],
];

describe("the mission's Example A in three forms", () => {
  for (const [form, text] of Object.entries(FORMS)) {
    it(`${form}: the six threats at their severities`, () => {
      const { threats } = threatModel(text, { fileName: 'design.md' }).report;
      for (const [stride, about, severity] of EXPECTED) {
        const found = threats.find((t) => t.stride === stride && about.test(t.title));
        assert.ok(found, `${form}: no ${stride} threat about ${about} (got: ${threats.map((t) => t.title).join('; ')})`);
        assert.equal(found.severity, severity, `${form}: ${found.title}`);
      }
    });
  }
});
