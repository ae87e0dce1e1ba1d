// The Python application reader over mutated Python: the reader's fixtures (Flask, FastAPI, Django, a worker)
// cut, spliced and nested, with the tokens that trip a hand-written scanner planted (unclosed and
// triple-quoted strings, f-strings, comments, line continuations, decorators, unbalanced brackets).
// Nothing may throw or hang, every fact must point at a line of a file it was given, and no planted
// password may appear in clear.

import fc from 'fast-check';
import { analysePythonApps, type PythonAppReport } from '../../../src/model/repository/python-app.js';
import { mutated } from '../gen/mutate.js';
import { filesUnder } from '../gen/seeds.js';
import { defineTarget, type Violation } from '../harness/target.js';

const PLANTED_PASSWORD = 'Pl4ntedS3cretValue9';
const TOKENS = [
  "'", '"', "'''", '"""', 'f"', "f'{", '}', '{', '#', '\\\n', '\\', '\n', '    ', '(', ')', '[', ']', ':', '@', ',', '=', '%', '+', '.format(',
  'from flask import Flask as F\n', 'import flask_cors as fc\n', 'from fastapi import APIRouter, Depends\n', 'from .extensions import cors, limiter\n',
  "@app.route('/x', methods=['POST'])\n", "@bp.get('/y')\n", '@login_required\n', '@jwt_required()\n', 'def handler(item_id: str, user=Depends(get_user)):\n',
  "router = APIRouter(prefix='/api')\n", "app.include_router(router, prefix='/v1')\n", "path('orders/', include('orders.urls')),\n",
  "cur.execute(\"SELECT * FROM t WHERE id = '%s'\" % request.args['id'])\n", 'cur.execute(f"SELECT * FROM t WHERE id = {item_id}")\n',
  `password = '${PLANTED_PASSWORD}'\n`, `psycopg2.connect(host='db', password='${PLANTED_PASSWORD}')\n`, `app.config['SECRET_KEY'] = '${PLANTED_PASSWORD}'\n`,
  `DATABASE_URL = 'postgresql://app:${PLANTED_PASSWORD}@db:5432/app'\n`, "ORIGINS = ['*']\n", 'cors.init_app(app, origins=ORIGINS)\n',
  "boto3.client('sqs', endpoint_url=os.environ['SQS_ENDPOINT'])\n", "os.getenv('PORT', '8000')", 'CORS_ALLOW_ALL_ORIGINS = True\n', 'DEBUG = True\n',
  'class V(LoginRequiredMixin, View):\n', 'async def ', 'lambda x: x', ' if x else ', ' or ',
];

/** The planted statements that hold the password as a secret. */
const INTACT = [`password = '${PLANTED_PASSWORD}'`, `password='${PLANTED_PASSWORD}'`, `['SECRET_KEY'] = '${PLANTED_PASSWORD}'`, `app:${PLANTED_PASSWORD}@db`];

type Files = Record<string, string>;

export default defineTarget<Files, PythonAppReport>({
  name: 'python-app',
  description: 'Python application code: mutated Flask, FastAPI and Django apps with unclosed literals, aliases, app factories and planted secrets',
  arbitrary() {
    const seeds = filesUnder(['test/model/repository/fixtures/python-apps'], (p) => p.endsWith('.py'));
    const options = { tokens: TOKENS, nesting: [['(', ')'], ['[', ']'], ['{', '}'], ['f"{', '}"']] as [string, string][] };
    return fc.tuple(mutated(seeds, options), mutated(seeds, options), mutated(seeds, options)).map(([main, other, urls]) => ({
      'app/requirements.txt': 'flask\nfastapi\ndjango\nflask-cors\n',
      'app/shop/__init__.py': main,
      'app/shop/extensions.py': other,
      'app/shop/urls.py': urls,
    }));
  },
  run: (files) => analysePythonApps(Object.entries(files).map(([rel, text]) => ({ rel, text }))),
  check(files, report) {
    const violations: Violation[] = [];
    const json = JSON.stringify(report);
    // A planted password is a secret where a planted statement still holds it intact (a mutation can leave it a bare name, which is code, not a secret).
    // Per line holding one, how many copies of the password are not secrets (left bare by a mutation): evidence may show those.
    const bareCopies = new Map<string, number>();
    const copies = (text: string): number => text.split(PLANTED_PASSWORD).length - 1;
    for (const [rel, text] of Object.entries(files)) {
      text.split('\n').forEach((line, i) => {
        const intact = INTACT.reduce((n, s) => n + line.split(s).length - 1, 0);
        if (intact) bareCopies.set(`${rel}:${i + 1}`, copies(line) - intact);
      });
    }
    const leak = (value: unknown): boolean => typeof value === 'string' && value.includes(PLANTED_PASSWORD);
    const lineCounts = new Map(Object.entries(files).map(([rel, text]) => [rel, text.split('\n').length]));
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!value || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record.file === 'string' && typeof record.line === 'number' && typeof record.says === 'string') {
        const lines = lineCounts.get(record.file);
        if (lines === undefined || record.line < 1 || record.line > lines) {
          violations.push({ property: 'locations', message: `evidence at ${record.file}:${record.line} is outside the input`, signature: 'locations' });
        }
        const bare = bareCopies.get(`${record.file}:${record.line}`);
        if (bare !== undefined && copies(record.says) > bare) {
          violations.push({ property: 'masking', message: `a planted password appears in clear at ${record.file}:${record.line}`, signature: 'masking' });
        }
      }
      if (leak(record.masked) || leak(record.fallback)) violations.push({ property: 'masking', message: 'a masked value holds a planted password in clear', signature: 'masking' });
      for (const v of Object.values(record)) visit(v);
    };
    visit(report.apps);
    return { violations, counters: { apps: report.apps.length, facts: json.length } };
  },
});
