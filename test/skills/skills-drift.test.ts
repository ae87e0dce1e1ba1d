// The committed skills/ folder is exactly what `bulwark skills build` generates (run `npm run skills` or
// `npm run docs` after changing the knowledge base, the rules or the policy schema).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { buildSkills, SKILL_NAMES } from '../../src/skills/build.js';

const skillsDir = fileURLToPath(new URL('../../skills/', import.meta.url));

function committedFiles(folder: string): string[] {
  return readdirSync(join(skillsDir, folder), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? committedFiles(`${folder}/${e.name}`) : [`${folder}/${e.name}`]));
}

describe('the committed agent skills', () => {
  const built = buildSkills();

  it('hold exactly the generated files (regenerate with npm run skills)', () => {
    assert.deepEqual(SKILL_NAMES.flatMap(committedFiles).sort(), built.map((f) => f.path).sort());
  });

  for (const file of built) {
    it(`${file.path} is up to date`, () => {
      assert.equal(readFileSync(join(skillsDir, file.path), 'utf8'), file.text, `${file.path} differs from the generator's output: run npm run skills`);
      if (file.executable) assert.ok((statSync(join(skillsDir, file.path)).mode & 0o111) !== 0, `${file.path} is executable`);
    });
  }
});
