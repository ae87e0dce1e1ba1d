// The Node.js application reader over mutated JavaScript and TypeScript: the example apps and the reader's
// fixtures, cut, spliced and nested, with the tokens that trip a hand-written scanner planted (unclosed
// strings, templates, comments and regular expressions, division next to regex-like text, type arguments).
// Nothing may throw or hang, every fact must point at a line of a file it was given, and no planted
// password may appear in clear.

import fc from 'fast-check';
import { analyseNodeApps, type NodeAppReport } from '../../../src/model/repository/node-app.js';
import { mutated } from '../gen/mutate.js';
import { filesUnder } from '../gen/seeds.js';
import { defineTarget, type Violation } from '../harness/target.js';

const PLANTED_PASSWORD = 'Pl4ntedS3cretValue9';
const TOKENS = [
  "'", '"', '`', '${', '}', '/*', '*/', '//', '/', '/[/]/g', ' / 2 / ', '\\', '\n', '(', ')', '[', ']', '{', '<T>', '=>', '?.', '??', '||',
  "require('cors')", "import cors from 'cors';\n", "const { json: j } = require('express');\n", "import * as rl from 'express-rate-limit';\n",
  "app.use(cors({ origin: '*' }));\n", "app.get('/x', auth, (req, res) => {});\n", "app.use('/api', router);\n", 'app.listen(process.env.PORT || 3000);\n',
  "db.query('SELECT * FROM t WHERE id = ' + req.params.id);\n", 'db.query(`SELECT * FROM t WHERE id = ${req.query.id}`);\n',
  `const password = '${PLANTED_PASSWORD}';\n`, `mysql.createPool({ host: 'db', password: '${PLANTED_PASSWORD}' });\n`, 'module.exports = ', 'export default ', 'export { a as b };\n',
  'new SQSClient({ endpoint: ENDPOINT });\n', "axios.post('https://api.example.com/v1', {});\n", 'process.env.', 'const ALLOWED = [ ', 'async function* g() {}\n', '#private', '<div>{x}</div>',
];

type Files = Record<string, string>;

export default defineTarget<Files, NodeAppReport>({
  name: 'node-app',
  description: 'Node.js application code: mutated Express, Fastify and TypeScript apps with unclosed literals, aliases and planted secrets',
  arbitrary() {
    const seeds = filesUnder(['examples', 'test/model/repository/fixtures/node-apps'], (p) => /\.(m|c)?[jt]sx?$/.test(p));
    const options = { tokens: TOKENS, nesting: [['(', ')'], ['{', '}'], ['[', ']'], ['`${', '}`']] as [string, string][] };
    return fc.tuple(mutated(seeds, options), mutated(seeds, options)).map(([main, other]) => ({
      'app/package.json': '{"name":"app","dependencies":{"express":"4","cors":"2"}}',
      'app/src/server.ts': main,
      'app/src/middleware/security.js': other,
    }));
  },
  run: (files) => analyseNodeApps(Object.entries(files).map(([rel, text]) => ({ rel, text }))),
  check(files, report) {
    const violations: Violation[] = [];
    const json = JSON.stringify(report);
    if (json.includes(PLANTED_PASSWORD)) violations.push({ property: 'masking', message: 'a planted password appears in clear in the report', signature: 'masking' });
    // Line counts once per file: a report has thousands of evidence items.
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
      }
      for (const v of Object.values(record)) visit(v);
    };
    visit(report.apps);
    return { violations, counters: { apps: report.apps.length, facts: json.length } };
  },
});
