// `bulwark model` given a file that is not a design: one line says what the file is and what to do instead,
// and the exit is a usage error, never an empty threat model that passes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { capturedIo, ExitCode } from '../../../src/cli/support/io.js';
import { run } from '../../../src/cli/main.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-foreign-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function model(name: string, content: string | Buffer, ...extra: string[]) {
  writeFileSync(join(dir, name), content);
  const io = capturedIo({ cwd: dir });
  const code = await run(['model', name, '--fail-on', 'none', ...extra], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

const READS = '`bulwark model` reads architecture designs (Mermaid, PlantUML, prose, YAML/JSON models, Threat Dragon, Threagile, OTM)';

describe('bulwark model on files that are not designs', () => {
  const cases: Array<[string, string, string | Buffer, string]> = [
    ['a Kubernetes manifest', 'deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n', `this is a Kubernetes manifest, not a design: ${READS}; scan it with \`bulwark scan deploy.yaml\``],
    ['a Kubernetes manifest in JSON', 'service.json', '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}}', `this is a Kubernetes manifest, not a design: ${READS}; scan it with \`bulwark scan service.json\``],
    ['a CloudFormation template', 'stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Uploads:\n    Type: AWS::S3::Bucket\n', `this is a CloudFormation template, not a design: ${READS}`],
    ['a CloudFormation template without its version', 'bucket.yml', 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n', `this is a CloudFormation template, not a design: ${READS}`],
    ['a docker-compose file', 'docker-compose.yml', 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n', `this is a Docker Compose file, not a design: ${READS}; scan it with \`bulwark scan docker-compose.yml\``],
    ['a compose file by content', 'stack.yaml', 'services:\n  api:\n    build: .\n', `this is a Docker Compose file, not a design: ${READS}; scan it with \`bulwark scan stack.yaml\``],
    ['a Terraform file', 'main.tf', 'resource "aws_s3_bucket" "uploads" {\n  bucket = "uploads"\n}\n', `this is a Terraform configuration, not a design: ${READS}; scan it with \`bulwark scan main.tf\``],
    ['a Terraform JSON file', 'main.tf.json', '{"resource": {"aws_s3_bucket": {"uploads": {"bucket": "uploads"}}}}', `this is a Terraform configuration, not a design: ${READS}; scan it with \`bulwark scan main.tf.json\``],
    ['a Dockerfile', 'Dockerfile', 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n', `this is a Dockerfile, not a design: ${READS}; scan it with \`bulwark scan Dockerfile\``],
    ['a Dockerfile by content', 'build-image', '# build\nARG BASE=node:20\nFROM ${BASE}\nRUN apt-get update && \\\n    apt-get install -y curl\n', `this is a Dockerfile, not a design: ${READS}; scan it with \`bulwark scan build-image\``],
    ['a package.json', 'package.json', '{"name": "shop", "version": "1.0.0", "dependencies": {"express": "4.21.2"}}', `this is a package manifest, not a design: ${READS}`],
    ['a CycloneDX bill of materials', 'tmbom.cdx.json', '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6",\n  "version": 1,\n  "components": [{"type": "application", "name": "Checkout API"}, {"type": "data", "name": "Orders"}]\n}\n', `this is a CycloneDX bill of materials, not a design: ${READS}`],
    ['a Microsoft Threat Modeling Tool model', 'ticketing.tm7', '<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><DrawingSurfaceList><DrawingSurfaceModel><GenericTypeId>DRAWINGSURFACE</GenericTypeId></DrawingSurfaceModel></DrawingSurfaceList></ThreatModel>', `this is a Microsoft Threat Modeling Tool model, not a design: ${READS}`],
    ['a Threat Modeling Tool model converted to JSON', 'ticketing.json', '{\n  "ThreatModel": {\n    "DrawingSurfaceList": {\n      "DrawingSurfaceModel": {"GenericTypeId": "DRAWINGSURFACE"}\n    }\n  }\n}\n', `this is a Microsoft Threat Modeling Tool model, not a design: ${READS}`],
    ['other JSON', 'settings.json', '{"theme": "dark", "fontSize": 14}', `this JSON document is neither a Bulwark model nor a design format Bulwark reads: ${READS}; a Bulwark model has top-level elements and flows`],
    ['other YAML', 'ci.yaml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n', `this YAML document is neither a Bulwark model nor a design format Bulwark reads: ${READS}; a Bulwark model has top-level elements and flows`],
    ['an empty file', 'design.md', '', `this is an empty file, not a design: ${READS}; write the design into it first`],
    ['a file of blank lines', 'notes.txt', '\n  \n\t\n', `this is an empty file, not a design: ${READS}; write the design into it first`],
    ['binary content', 'diagram.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), `this is binary content, not a design: ${READS}`],
  ];
  for (const [what, name, content, message] of cases) {
    it(`refuses ${what} with one line and a usage error`, async () => {
      const r = await model(name, content);
      assert.equal(r.code, ExitCode.Usage, r.err);
      assert.equal(r.out, '');
      assert.equal(r.err, `bulwark: ${name}: ${message}\n`);
    });
  }

  it('names a Threat Modeling Tool model larger than the prose limit, rather than calling it long prose', async () => {
    const stencil = '<a:KeyValueOfguidanyType><a:Value i:type="StencilEllipse"><GenericTypeId>GE.P</GenericTypeId></a:Value></a:KeyValueOfguidanyType>';
    const big = `<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model"><DrawingSurfaceList><DrawingSurfaceModel><Borders>${stencil.repeat(3000)}</Borders></DrawingSurfaceModel></DrawingSurfaceList></ThreatModel>`;
    assert.ok(big.length > 256 * 1024);
    const r = await model('portal.tm7', big);
    assert.equal(r.code, ExitCode.Usage, r.err);
    assert.equal(r.err, `bulwark: portal.tm7: this is a Microsoft Threat Modeling Tool model, not a design: ${READS}\n`);
  });

  it('names a manifest read with --from yaml too, once nothing was found in it', async () => {
    const r = await model('deploy.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n', '--from', 'yaml');
    assert.equal(r.code, ExitCode.Usage, r.err);
    assert.match(r.err, /^bulwark: deploy\.yaml: this is a Kubernetes manifest, not a design/);
  });

  it('still reads designs that quote infrastructure code, and OTM and Threagile models', async () => {
    const prose = [
      '# Shop',
      '',
      'Customers use the Web App over HTTPS. The Web App calls the Orders API, which stores orders in PostgreSQL.',
      '',
      '```yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      '```',
      '',
    ].join('\n');
    const md = await model('shop.md', prose);
    assert.equal(md.code, 0, md.err);
    const otm = await model('shop.otm.json', JSON.stringify({ otmVersion: '0.2.0', project: { name: 'Shop', id: 'shop' }, components: [{ id: 'api', name: 'Orders API', parent: { trustZone: 'tz' } }], trustZones: [{ id: 'tz', name: 'Internal', risk: { trustRating: 50 } }], dataflows: [] }));
    assert.doesNotMatch(otm.err, /not a design|neither a Bulwark model/);
    const threagile = await model('threagile.yaml', 'threagile_version: 1.0.0\ntechnical_assets:\n  API:\n    id: api\n    type: process\n    technology: web-service-rest\n');
    assert.equal(threagile.code, 0, threagile.err);
  });
});
