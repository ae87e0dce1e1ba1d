// A generated multi-service repository for the repository-model benchmark: many Express services, each a
// package with routes, middleware, database and queue clients spread over many modules, wired together by a
// docker-compose file, with Terraform queues and Kubernetes manifests beside them. About 5,000 files and
// 50 MB by default. Deterministic: the same options give the same files.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RepositoryTreeOptions {
  dir: string;
  services: number;
  filesPerService: number;
  /** Approximate size of each source module, in bytes. */
  moduleBytes: number;
}

export interface RepositoryTreeStats {
  files: number;
  bytes: number;
}

const ROUTES = ['orders', 'customers', 'invoices', 'products', 'carts', 'payments', 'shipments', 'reviews'];

function moduleText(service: number, module: number, bytes: number): string {
  const resource = ROUTES[(service + module) % ROUTES.length]!;
  const head = [
    `// Service ${service}, module ${module}: ${resource} handlers.`,
    "const express = require('express');",
    "const mysql = require('mysql2/promise');",
    "const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');",
    `const { audit } = require('./audit-${module % 7}.js');`,
    '',
    'const router = express.Router();',
    `const db = mysql.createPool({ host: process.env.DB_HOST || 'db-${service}', user: 'app', database: '${resource}' });`,
    "const sqs = new SQSClient({ endpoint: process.env.SQS_ENDPOINT, region: 'us-east-1' });",
    '',
  ];
  const body: string[] = [];
  let size = head.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const handler = [
      `router.get('/${resource}/${i}/:id', async (req, res) => {`,
      `  const [rows] = await db.query('SELECT * FROM ${resource} WHERE id = ? AND tenant = ?', [req.params.id, req.headers['x-tenant']]);`,
      '  if (!rows.length) return res.status(404).json({ error: `not found: ${req.params.id}` });',
      `  audit('read', '${resource}', req.params.id);`,
      '  res.json(rows[0]);',
      '});',
      `router.post('/${resource}/${i}', async (req, res) => {`,
      `  const [result] = await db.query('INSERT INTO ${resource} (payload) VALUES (?)', [JSON.stringify(req.body)]);`,
      `  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ id: result.insertId, kind: '${resource}' }) }));`,
      '  res.status(201).json({ id: result.insertId });',
      '});',
      '',
    ].join('\n');
    body.push(handler);
    size += handler.length + 1;
  }
  return [...head, ...body, 'module.exports = router;', ''].join('\n');
}

function serverText(service: number, modules: number): string {
  const mounts = Array.from({ length: Math.min(modules, 40) }, (_, m) => `app.use('/api', require('./routes/module-${m}.js'));`);
  return [
    "const express = require('express');",
    "const cors = require('cors');",
    '',
    'const app = express();',
    "app.use(cors({ origin: '*' }));",
    'app.use(express.json());',
    ...mounts,
    `app.listen(${3000 + (service % 1000)});`,
    '',
  ].join('\n');
}

export function generateRepositoryTree(options: RepositoryTreeOptions): RepositoryTreeStats {
  rmSync(options.dir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const abs = join(options.dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  const compose: string[] = ['services:'];
  for (let s = 0; s < options.services; s++) {
    const name = `svc-${s}`;
    const modules = options.filesPerService - 3;
    write(`services/${name}/package.json`, `${JSON.stringify({ name, version: '1.0.0', dependencies: { express: '4.19.2', cors: '2.8.5', 'mysql2': '3.9.7', '@aws-sdk/client-sqs': '3.600.0' } }, null, 2)}\n`);
    write(`services/${name}/src/server.js`, serverText(s, modules));
    write(`services/${name}/src/audit-${s % 7}.js`, "exports.audit = (action, kind, id) => console.log(JSON.stringify({ action, kind, id }));\n");
    for (let m = 0; m < modules; m++) write(`services/${name}/src/routes/module-${m}.js`, moduleText(s, m, options.moduleBytes));
    compose.push(
      `  ${name}:`,
      `    build: ./services/${name}`,
      '    ports:',
      `      - "${3000 + (s % 1000)}:${3000 + (s % 1000)}"`,
      '    environment:',
      `      DB_HOST: db-${s % 10}`,
      '      SQS_ENDPOINT: http://localstack:4566',
      '    depends_on:',
      `      - db-${s % 10}`,
    );
  }
  for (let d = 0; d < 10; d++) compose.push(`  db-${d}:`, '    image: mariadb:11.4', '    environment:', '      MARIADB_ROOT_PASSWORD: ${DB_ROOT_PASSWORD}');
  compose.push('  localstack:', '    image: localstack/localstack:3.4', '    ports:', '      - "127.0.0.1:4566:4566"', '');
  write('docker-compose.yml', compose.join('\n'));
  write('terraform/main.tf', Array.from({ length: 20 }, (_, q) => `resource "aws_sqs_queue" "queue_${q}" {\n  name = "queue-${q}"\n}\n`).join('\n'));
  write(
    'k8s/api.yaml',
    Array.from({ length: 20 }, (_, k) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api-${k}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:${k}.0.0\n`).join('---\n'),
  );
  return { files, bytes };
}
