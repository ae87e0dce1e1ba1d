// Reports over real analyses: Markdown sections carry this design's content; JSON and SARIF are schema-valid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { analyze } from '../../../src/model/engine/index.js';
import { buildThreatSarif, renderMermaidDfd, renderThreatJson, renderThreatMarkdown, threatReportJsonSchema } from '../../../src/model/report/index.js';
import { errorsOf, sarifValidator } from '../../report/validators.js';
import { fixture, model } from '../engine/helpers.js';

const exampleA = analyze({ ...fixture('example-a.yaml'), origin: { format: 'yaml', file: 'designs/example-a.yaml' } }, { toolVersion: '1.2.3' });

/** The text of one `## Heading` section, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `section "${heading}" present`);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('Markdown threat model', () => {
  const md = renderThreatMarkdown(exampleA);

  it('summarises the register with the severity counts', () => {
    assert.match(md, /^# Threat model: Image uploads$/m);
    assert.match(md, /\*\*6 open threats\*\* \(Critical 0 \/ High 3 \/ Medium 3 \/ Low 0\)/);
    const register = section(md, 'Risk register');
    assert.match(register, /\| High \| 3 \|/);
    assert.match(register, /\| Medium \| 3 \|/);
    assert.match(register, /\| 1 \| 8\.1 \| HIGH 9 × 1\.0 × 0\.9 \| Spoofing \| Unauthenticated users upload malicious files to Web API \| Web API \|/);
  });

  it('lists recommended actions in risk order with steps for high risks', () => {
    const actions = section(md, 'Recommended actions');
    const first = actions.indexOf('Unauthenticated users upload');
    const last = actions.indexOf("Signed URLs from Signed-URL generator don't expire");
    assert.ok(first >= 0 && last > first, 'highest risk first');
    assert.match(actions, /Enable S3 Block Public Access on the bucket and the account\./);
  });

  it('groups threats by STRIDE category, with empty categories said so', () => {
    const stride = section(md, 'Threats by STRIDE category');
    assert.match(stride, /### Spoofing \(1\)/);
    assert.match(stride, /### Information disclosure \(2\)/);
    assert.match(stride, /### Repudiation \(0\)\n\nNo open threats in this category/);
    assert.match(stride, /`TM-STORAGE-001@s3` · \*\*HIGH\*\* · risk 4\.9\/10 \(severity 9 × exploitability 0\.6 × data 0\.9\)/);
    assert.match(stride, /- exploitability: exploitable after another breach \(storage, network or account access\); data: unclassified data \(assumed confidential\)/);
  });

  it('describes components, flows, boundaries, attack surfaces, the diagram and mitigations', () => {
    assert.match(section(md, 'Components'), /\| S3 bucket \| bucket \| AWS S3 \| {2}\| no \| User images \(confidential\) \|/);
    assert.match(section(md, 'Data flows'), /\| User \| Web API \| upload image \|/);
    assert.match(section(md, 'Trust boundaries'), /declares no trust boundaries/);
    assert.match(section(md, 'Attack surfaces'), /\*\*Web API\*\*: internet-facing \(receives flows from User on the internet\)/);
    assert.match(section(md, 'Data-flow diagram'), /```mermaid\nflowchart LR/);
    assert.match(section(md, 'Mitigations'), /### Least-privilege execution role \(`MIT-LEAST-PRIVILEGE-ROLE`\)/);
    assert.match(section(md, 'What was inferred'), /Web API is an upload endpoint/);
  });

  it('explains threats mitigated by design', () => {
    const hardened = analyze(
      model({
        elements: [
          { id: 'svc', name: 'Svc', kind: 'process' },
          { id: 'b', name: 'Archive', kind: 'bucket', props: { publicAccess: false, versioning: true } },
        ],
        flows: [{ id: 'f', source: 'svc', target: 'b' }],
      }),
    );
    const text = section(renderThreatMarkdown(hardened), 'Mitigated by design');
    assert.match(text, /Archive may be publicly accessible \(`TM-STORAGE-001@b`\): not reported because Archive blocks public access/);
    assert.match(text, /not reported because Archive keeps object versions/);
  });
});

describe('JSON threat report', () => {
  it('validates against its exported JSON Schema and carries the schema version', () => {
    const parsed = JSON.parse(renderThreatJson(exampleA)) as { schemaVersion: number; threats: unknown[] };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(threatReportJsonSchema());
    assert.equal(validate(parsed), true, JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(parsed.schemaVersion, 1);
    assert.equal(parsed.threats.length, 6);
  });

  it('the schema rejects a report with an unknown severity', () => {
    const parsed = JSON.parse(renderThreatJson(exampleA)) as { threats: { severity: string }[] };
    parsed.threats[0]!.severity = 'severe';
    const validate = new Ajv({ allErrors: true, strict: false }).compile(threatReportJsonSchema());
    assert.equal(validate(parsed), false);
  });
});

describe('SARIF', () => {
  const sarif = buildThreatSarif(exampleA);

  it('is valid SARIF 2.1.0', () => {
    const validate = sarifValidator();
    assert.equal(validate(sarif), true, errorsOf(validate));
  });

  it('locates each threat at the line that declared its element, with the stable id as fingerprint', () => {
    const results = sarif.runs[0]!.results!;
    assert.equal(results.length, 6);
    const bucket = results.find((r) => r.partialFingerprints?.['bulwarkThreatId/v1'] === 'TM-STORAGE-001@s3');
    assert.ok(bucket, 'public-bucket threat present');
    const loc = bucket.locations![0]!.physicalLocation!;
    assert.equal(loc.artifactLocation!.uri, 'designs/example-a.yaml');
    // Elements come from ArchitectureSchema.parse here (no adapter), so no line: the threat falls back to line 1.
    assert.equal(loc.region!.startLine, 1);
    assert.equal(bucket.level, 'error');
    const rule = sarif.runs[0]!.tool.driver.rules![bucket.ruleIndex!]!;
    assert.equal(rule.id, 'TM-STORAGE-001');
  });

  it('uses the element line when the model has one', () => {
    const m = fixture('example-a.yaml');
    m.elements.find((e) => e.id === 's3')!.location = { file: 'a.mmd', line: 7 };
    const results = buildThreatSarif(analyze(m)).runs[0]!.results!;
    const r = results.find((x) => x.partialFingerprints?.['bulwarkThreatId/v1'] === 'TM-STORAGE-002@s3');
    assert.equal(r?.locations?.[0]?.physicalLocation?.region?.startLine, 7);
    assert.equal(r?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'a.mmd');
  });
});

describe('Mermaid data-flow diagram', () => {
  const nested = analyze(
    model({
      boundaries: [
        { id: 'aws', name: 'AWS account', type: 'cloud-account' },
        { id: 'vpc', name: 'VPC', type: 'network-zone', parent: 'aws' },
      ],
      elements: [
        { id: 'u', name: 'Customer', kind: 'actor' },
        { id: 'api', name: 'Orders "v2" API', kind: 'process', boundary: 'vpc' },
        { id: 'db', name: 'Orders DB', kind: 'datastore', technology: 'PostgreSQL', boundary: 'vpc' },
      ],
      flows: [
        { id: 'f1', source: 'u', target: 'api', label: 'place order', protocol: 'https' },
        { id: 'f2', source: 'api', target: 'db', protocol: 'sql', port: 5432 },
      ],
    }),
  );
  const dfd = renderMermaidDfd(nested);

  it('draws nested boundaries as nested subgraphs', () => {
    const lines = dfd.split('\n');
    const aws = lines.findIndex((l) => l.includes('subgraph b0["AWS account (cloud-account)"]'));
    const vpc = lines.findIndex((l) => l.includes('subgraph b1["VPC (network-zone)"]'));
    assert.ok(aws >= 0 && vpc > aws, 'VPC inside AWS account');
    assert.match(lines[vpc]!, /^ {4}subgraph/);
    // The database gets SQL injection (written by an internet-facing API): one open threat.
    assert.match(dfd, /\n {6}n2\[\("Orders DB<br\/>PostgreSQL<br\/>⚠ 1 open threat"\)\]\n/);
  });

  it('labels flows, escapes quotes, and counts open threats per element', () => {
    assert.match(dfd, /n0 -->\|"place order · https"\| n1/);
    assert.match(dfd, /n1 -->\|"sql:5432"\| n2/);
    // The API is internet-facing without authentication or rate limiting: two open threats.
    assert.match(dfd, /n1\("Orders #quot;v2#quot; API<br\/>⚠ 2 open threats"\)/);
    assert.match(dfd, /class n1,n2 threatened/);
    assert.ok(!dfd.includes('n0["Customer<br/>'), 'actors carry no threat count');
  });
});
