// The generated agent skills follow the Agent Skills specification (frontmatter name and description, body
// length, files it points to) and the mission's layout; their scripts are executable sh wrappers that run
// the bulwark CLI with JSON output, and they work when bulwark is on PATH.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { SafeDefaultsSchema } from '../../src/core/safe-defaults.js';
import { PATTERNS } from '../../src/model/knowledge/types.js';
import { STACK_REMEDIATIONS } from '../../src/model/knowledge/remediations.js';
import { SKILL_NAMES } from '../../src/skills/build.js';
import { MISSION_VIOLATIONS } from '../../src/skills/mission-violations.js';
import { stackLabel } from '../../src/skills/stack-labels.js';
import { STRIDE_FILES } from '../../src/skills/stride-files.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const skillsDir = join(repo, 'skills');

function readSkill(name: string): { meta: Record<string, unknown>; body: string } {
  const text = readFileSync(join(skillsDir, name, 'SKILL.md'), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(match, `${name}/SKILL.md starts with YAML frontmatter between --- lines`);
  return { meta: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('SKILL.md follows the Agent Skills specification', () => {
  for (const name of SKILL_NAMES) {
    it(`${name}: name, description and body`, () => {
      const { meta, body } = readSkill(name);
      assert.equal(meta.name, name, 'the name equals the folder name');
      assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(name.length <= 64);
      assert.equal(typeof meta.description, 'string');
      const description = meta.description as string;
      assert.ok(description.length > 0 && description.length <= 1024, `description is ${description.length} characters`);
      assert.doesNotMatch(description, /[<>]/, 'no angle brackets');
      assert.match(description, /"is this secure\?"/);
      assert.ok(body.split('\n').length < 500, 'the body stays under 500 lines');
    });

    it(`${name}: every file the body points to exists`, () => {
      const { body } = readSkill(name);
      const links = [...body.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
      const scripts = [...body.matchAll(/`(scripts\/[\w.-]+\.sh)`/g)].map((m) => m[1]!);
      assert.ok(links.length > 0 && scripts.length > 0);
      for (const rel of [...links, ...scripts]) assert.ok(existsSync(join(skillsDir, name, rel)), `${name}/${rel} exists`);
    });
  }

  it('the descriptions say when to trigger', () => {
    const modeler = readSkill('threat-modeler').meta.description as string;
    assert.match(modeler, /architecture diagram/);
    assert.match(modeler, /design doc/);
    assert.match(modeler, /"threat model this"/);
    const auditor = readSkill('iac-security-auditor').meta.description as string;
    assert.match(auditor, /IaC file is created or modified/);
  });

  it('the bodies state the mission workflows, with when to present and when to ask', () => {
    const modeler = readSkill('threat-modeler').body;
    const steps = ['**Parse.**', '**Identify components, data flows and trust boundaries.**', '**STRIDE.**', '**Risk register.**', '**High risks?**', '**Mitigations, presented to the architect.**'];
    let at = -1;
    for (const step of steps) {
      const next = modeler.indexOf(step);
      assert.ok(next > at, `${step} comes next in the threat modeller's workflow`);
      at = next;
    }
    const auditor = readSkill('iac-security-auditor').body;
    at = -1;
    for (const step of ['**Scan**', '**Violations?**', '**Check against the safe defaults.**', '**Auto-fix where possible.**', '**Report**', '**Suggest**']) {
      const next = auditor.indexOf(step);
      assert.ok(next > at, `${step} comes next in the auditor's workflow`);
      at = next;
    }
    assert.match(auditor, /\*\*ask before fixing\*\*/);
    assert.match(auditor, /Show the person the diff/);
  });
});

describe('the skill folders have the mission layout', () => {
  it('threat-modeler has the four named STRIDE pattern files and the mitigation library', () => {
    for (const file of ['web-api.md', 'kubernetes.md', 'serverless.md', 'oidc-flows.md']) {
      assert.ok(existsSync(join(skillsDir, 'threat-modeler/references/stride-patterns', file)), file);
    }
    const mitigations = readFileSync(join(skillsDir, 'threat-modeler/references/mitigations.md'), 'utf8');
    assert.match(mitigations, /## MIT-API-AUTHN: Require authentication on every endpoint/);
    assert.match(mitigations, /- Express: Verify a bearer token/);
    assert.match(mitigations, /Verified by the auditor rules:\n- `BW-AWS-S3-003`/);
  });

  it('every threat pattern is in exactly one STRIDE file', () => {
    const placed = STRIDE_FILES.flatMap((f) => f.patterns);
    assert.deepEqual([...placed].sort(), [...PATTERNS].sort());
  });

  it('every stack-specific change is named after a stack', () => {
    for (const remediation of STACK_REMEDIATIONS) assert.ok(stackLabel(remediation), `${remediation.mitigation}: ${remediation.change.slice(0, 40)}`);
  });

  it('iac-security-auditor has the violations library, with the day-one violations, and the safe defaults', () => {
    const ids = new Set(builtinRules.map((r) => r.meta.id));
    for (const v of MISSION_VIOLATIONS) for (const id of v.rules) assert.ok(ids.has(id), `${v.violation}: ${id} is a rule`);
    const library = readFileSync(join(skillsDir, 'iac-security-auditor/references/violations-library.md'), 'utf8');
    assert.match(library, /\| Kubernetes \| host network enabled \| network exposure \| `BW-K8S-POD-006` \| yes \|/);
    assert.match(library, /### BW-K8S-POD-006 \(high\) \(day one\): Pods do not use the host network/);
    assert.equal((library.match(/^### BW-/gm) ?? []).length, builtinRules.length, 'every rule has an entry');
    const defaults = JSON.parse(readFileSync(join(skillsDir, 'iac-security-auditor/references/safe-defaults.json'), 'utf8')) as { settings: Record<string, { usedBy: string[] }> };
    assert.deepEqual(Object.keys(defaults.settings), Object.keys(SafeDefaultsSchema.shape));
    assert.ok(defaults.settings.kmsKeyArn!.usedBy.includes('BW-AWS-S3-001'));
  });
});

describe('the skill scripts', () => {
  let bin: string;
  let work: string;
  before(() => {
    // `bulwark` on PATH: the project's own bin, as an installed package provides it.
    bin = mkdtempSync(join(tmpdir(), 'bulwark-bin-'));
    symlinkSync(join(repo, 'bin', 'bulwark.js'), join(bin, 'bulwark'));
    work = mkdtempSync(join(tmpdir(), 'bulwark-skill-scripts-'));
  });
  after(() => {
    rmSync(bin, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const scripts = SKILL_NAMES.flatMap((name) =>
    ['parse_diagram.sh', 'threat_model.sh', 'scan_iac.sh', 'scan_cloudformation.sh', 'auto_fix.sh'].map((s) => join(skillsDir, name, 'scripts', s)).filter(existsSync),
  );

  it('are executable POSIX sh wrappers that exec bulwark with JSON output', () => {
    assert.equal(scripts.length, 5);
    for (const script of scripts) {
      assert.ok((statSync(script).mode & 0o111) !== 0, `${script} is executable`);
      const text = readFileSync(script, 'utf8');
      assert.match(text, /^#!\/bin\/sh\n/);
      assert.match(text, /\nexec bulwark (scan|model|fix) --format json[^\n]* "\$@"\n$/);
      assert.equal(spawnSync('sh', ['-n', script]).status, 0, `${script} parses`);
    }
  });

  const run = (skill: string, script: string, args: string[]) => {
    const r = spawnSync(join(skillsDir, skill, 'scripts', script), args, { cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  it('parse and threat-model a design', () => {
    const parsed = run('threat-modeler', 'parse_diagram.sh', ['examples/models/shop.mmd']) as { model: { elements: unknown[]; flows: unknown[] } };
    assert.ok(parsed.model.elements.length > 3 && parsed.model.flows.length > 3);
    const modelled = run('threat-modeler', 'threat_model.sh', ['examples/models/photo-upload.txt']) as { threats: { ruleId: string }[] };
    assert.ok(modelled.threats.some((t) => t.ruleId === 'TM-API-001'));
  });

  it('scan and propose fixes for Terraform, and say a CloudFormation template was not checked', () => {
    const scan = run('iac-security-auditor', 'scan_iac.sh', ['examples/terraform/example-c']) as { findings: { ruleId: string }[] };
    assert.ok(scan.findings.some((f) => f.ruleId === 'BW-AWS-VPC-001'));
    const fixes = run('iac-security-auditor', 'auto_fix.sh', ['examples/terraform/example-c']) as { findings: { fix?: { kind: string } }[] };
    assert.ok(fixes.findings.some((f) => f.fix?.kind === 'automatic'));
    const template = join(work, 'template.yaml');
    writeFileSync(template, "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n");
    const cfn = run('iac-security-auditor', 'scan_cloudformation.sh', [dirname(template)]) as { diagnostics: { code: string }[] };
    const script = readFileSync(join(skillsDir, 'iac-security-auditor/scripts/scan_cloudformation.sh'), 'utf8');
    // The script says what the scan does: not checked yet (and then the report says so), or checked.
    if (/does not check them yet/.test(script)) assert.ok(cfn.diagnostics.some((d) => d.code === 'format-not-read'));
    else assert.ok(!cfn.diagnostics.some((d) => d.code === 'format-not-read'));
  });
});
