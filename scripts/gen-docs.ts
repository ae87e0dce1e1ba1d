// Writes docs/rules/, the JSON Schemas and the scan key order from metadata (`npm run docs`); tests fail when they drift.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { builtinRules } from '../src/analyze/rules/index.js';
import { generateRuleDocs } from '../src/report/rule-docs.js';
import { threatLinks } from '../src/model/report/threat-links.js';
import { ScanResultSchema, scanResultJsonSchema } from '../src/core/scan-schema.js';
import { policyJsonSchema } from '../src/policy/schema.js';
import { keyOrderModule, keyOrderOf } from '../src/report/key-order.js';
import { architectureJsonSchema } from '../src/model/schema/architecture.js';
import { architectureInputJsonSchema } from '../src/model/schema/input.js';

const dir = fileURLToPath(new URL('../docs/rules/', import.meta.url));
const files = generateRuleDocs(builtinRules, threatLinks);

await mkdir(dir, { recursive: true });
for (const name of await readdir(dir)) {
  // Pages of removed or renamed rules go too.
  if (name.endsWith('.md') && !files.has(name)) await rm(join(dir, name));
}
for (const [name, text] of files) await writeFile(join(dir, name), text);
console.log(`wrote ${files.size} files to docs/rules/`);

// The scan result's JSON Schema, and the key order the JSON report writes, both from the zod declaration.
await writeFile(fileURLToPath(new URL('../docs/scan-result-schema.json', import.meta.url)), JSON.stringify(scanResultJsonSchema(), null, 2) + '\n');
await writeFile(fileURLToPath(new URL('../docs/policy-schema.json', import.meta.url)), JSON.stringify(policyJsonSchema(), null, 2) + '\n');
await writeFile(
  fileURLToPath(new URL('../src/report/scan-json-order.ts', import.meta.url)),
  keyOrderModule('SCAN_RESULT_KEY_ORDER', keyOrderOf(ScanResultSchema), 'ScanResultSchema'),
);
console.log('wrote docs/scan-result-schema.json, docs/policy-schema.json and src/report/scan-json-order.ts');

// The threat modeller's schemas: the canonical model, and the editor schema for models written by hand.
const modelSchema = { title: 'Bulwark architecture model', ...(architectureJsonSchema() as object) };
await writeFile(fileURLToPath(new URL('../docs/model-schema.json', import.meta.url)), JSON.stringify(modelSchema, null, 2) + '\n');
await writeFile(fileURLToPath(new URL('../docs/model-input-schema.json', import.meta.url)), JSON.stringify(architectureInputJsonSchema(), null, 2) + '\n');
console.log('wrote docs/model-schema.json and docs/model-input-schema.json');

// The knowledge-base section of docs/threat-model.md, from the threat rules and mitigations.
const { renderKnowledgeBaseMarkdown } = await import('../src/model/report/knowledge-doc.js');
const threatDoc = fileURLToPath(new URL('../docs/threat-model.md', import.meta.url));
const { readFile } = await import('node:fs/promises');
const before = await readFile(threatDoc, 'utf8');
const after = before.replace(/(<!-- knowledge-base:start -->\n)[\s\S]*?(<!-- knowledge-base:end -->)/, (_m, start: string, end: string) => `${start}${renderKnowledgeBaseMarkdown()}${end}`);
if (after !== before) await writeFile(threatDoc, after);
console.log('wrote the knowledge-base section of docs/threat-model.md');

// The agent skills in skills/ (threat-modeler, iac-security-auditor), from the knowledge base, the rule
// metadata and the policy schema; a test fails when the committed folders differ.
const { writeSkills } = await import('../src/cli/commands/skills-write.js');
const skills = await writeSkills(fileURLToPath(new URL('../skills/', import.meta.url)));
console.log(`wrote the agent skills in skills/ (${skills.written.length} changed, ${skills.removed.length} removed)`);
