// The secrets scanner over any text: mutated source and configuration files with token prefixes, key
// markers, connection strings and assignments planted. Nothing may throw, every finding must point inside
// the file, and no message may hold more than four characters of what it found.

import fc from 'fast-check';
import { scanFiles, scanViolations, type ScanOutcome } from '../checks/scan-outcome.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { mutated } from '../gen/mutate.js';
import { defineTarget, type Violation } from '../harness/target.js';

const TOKENS = [
  'AKIA', 'ASIA', 'ghp_', 'github_pat_', 'glpat-', 'xoxb-', 'sk_live_', 'AIza', 'npm_', 'SG.', 'sk-ant-api03-', 'T3BlbkFJ', 'eyJ', '.eyJ', '-----BEGIN PRIVATE KEY-----', '-----END',
  'AccountKey=', 'mysql://', 'u:p@h', '://', '@', 'password', 'PASSWORD=', 'api_key: ', '"secret": "', 'token = ', 'process.env.DB_PASSWORD || ', '?? ', 'getenv("DB_PASSWORD", ', '"', "'", '`',
  '${', '{{', '<', 'changeme', 'example', 'xxxx', '\u0000', '\n', '=', ':',
];
const RANDOM = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-'), minLength: 8, maxLength: 90 });

export default defineTarget<Record<string, string>, ScanOutcome>({
  name: 'secrets',
  description: 'Secrets in any text file: mutated code and configuration with token prefixes, keys and assignments planted',
  arbitrary() {
    const seeds = formatSeeds('secrets', (p) => /\.(js|ts|py|env|ya?ml|json|properties|sh)$/.test(p));
    const planted = fc.tuple(fc.constantFrom(...TOKENS), RANDOM, fc.constantFrom('', '"', "'", '\n')).map(([a, b, c]) => `${a}${b}${c}`);
    return fc
      .tuple(mutated(seeds, { tokens: TOKENS, nesting: [['"', '"'], ['{', '}']] }), fc.array(planted, { maxLength: 6 }))
      .map(([text, extra]) => ({ 'src/config.js': `${text}\n${extra.join(' ')}` }));
  },
  run: (files) => scanFiles(files),
  check(files, outcome) {
    const violations: Violation[] = scanViolations(files, outcome);
    const text = files['src/config.js']!;
    for (const f of outcome.findings.filter((x) => x.ruleId.startsWith('BW-SECRET-'))) {
      const { start, end } = f.location.range;
      const secret = text.slice(start.offset, end.offset);
      if (secret.length >= 8 && f.message.includes(secret.slice(0, 8))) violations.push({ property: 'masking', message: `${f.ruleId} shows more than four characters: ${f.message}`, signature: `masking:${f.ruleId}` });
    }
    return { violations, counters: { findings: outcome.findings.length } };
  },
});
