// Registry and git modules: evaluated from .terraform/modules when `terraform init` has run, with their call
// paths; named in a diagnostic when they are not installed. Never silently skipped.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';
import { renderText } from '../../src/report/text.js';
import { tree } from '../helpers/tree.js';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const ROOT = `module "web_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.1.0"

  name        = "web"
  ingress_cidr_blocks = ["0.0.0.0/0"]
}

module "state" {
  source = "git::https://example.com/acme/tf-state.git?ref=v1.2.0"
}
`;

// What `terraform init` leaves behind: the manifest and each module's code (a registry module with a nested local module).
const SG_MODULE = `variable "name" {
  type = string
}

variable "ingress_cidr_blocks" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "this" {
  name        = var.name
  description = "Managed by the module"

  ingress {
    description = "everything"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = var.ingress_cidr_blocks
  }
}

module "rules" {
  source = "./modules/rules"
  group  = aws_security_group.this.id
}
`;

const RULES_MODULE = `variable "group" {
  type = string
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  description       = "ssh"
  security_group_id = var.group
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`;

const STATE_MODULE = `resource "aws_s3_bucket" "state" {
  bucket = "acme-tf-state"
}
`;

const MANIFEST = JSON.stringify({
  Modules: [
    { Key: '', Source: '', Dir: '.' },
    { Key: 'web_sg', Source: 'registry.terraform.io/terraform-aws-modules/security-group/aws', Version: '5.1.0', Dir: '.terraform/modules/web_sg' },
    { Key: 'web_sg.rules', Source: './modules/rules', Dir: '.terraform/modules/web_sg/modules/rules' },
    { Key: 'state', Source: 'git::https://example.com/acme/tf-state.git?ref=v1.2.0', Dir: '.terraform/modules/state' },
  ],
});

describe('registry and git modules', () => {
  it('are evaluated from .terraform/modules after terraform init, with call paths', async () => {
    const dir = await tree({
      'env/prod/main.tf': ROOT,
      'env/prod/.terraform/modules/modules.json': MANIFEST,
      'env/prod/.terraform/modules/web_sg/main.tf': SG_MODULE,
      'env/prod/.terraform/modules/web_sg/modules/rules/main.tf': RULES_MODULE,
      'env/prod/.terraform/modules/state/main.tf': STATE_MODULE,
    });
    dirs.push(dir);
    const result = await scan([dir]);
    const open = result.findings.find((f) => f.ruleId === 'BW-AWS-VPC-001');
    assert.ok(open, 'the open ingress inside the registry module is found');
    assert.equal(open.location.file, 'env/prod/.terraform/modules/web_sg/main.tf');
    assert.equal(open.resource, 'module.web_sg.aws_security_group.this');
    assert.deepEqual(open.callPath?.map((s) => `${s.module} ${s.location.file}:${s.location.range.start.line}`), ['module.web_sg env/prod/main.tf:1']);

    const ssh = result.findings.find((f) => f.ruleId === 'BW-AWS-VPC-002');
    assert.ok(ssh, 'the nested local module of the registry module is followed');
    assert.equal(ssh.resource, 'module.web_sg.module.rules.aws_security_group_rule.ssh');
    assert.equal(ssh.callPath?.length, 2);

    const bucket = result.findings.find((f) => f.ruleId === 'BW-AWS-S3-001');
    assert.equal(bucket?.resource, 'module.state.aws_s3_bucket.state');
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'module-not-evaluated'), []);
    assert.equal(result.stats.formats.terraform?.modulesNotEvaluated, 0);
    assert.equal(result.stats.formats.terraform?.rootModules, 1, 'installed modules are not scanned as roots of their own');
  });

  it('a manifest over its 4 MB limit is not read, and the modules it lists are named as not evaluated', async () => {
    const manifest = JSON.parse(MANIFEST) as { Modules: object[] };
    // Padding entries of modules nobody calls, as a hostile or corrupt manifest might hold.
    for (let i = 0, size = MANIFEST.length; size <= 4 * 1024 * 1024; i++) {
      const entry = { Key: `unused_${i}`, Source: 'registry.terraform.io/acme/unused/aws', Dir: `.terraform/modules/unused_${i}` };
      manifest.Modules.push(entry);
      size += JSON.stringify(entry).length + 1;
    }
    const dir = await tree({
      'main.tf': ROOT,
      '.terraform/modules/modules.json': JSON.stringify(manifest),
      '.terraform/modules/web_sg/main.tf': SG_MODULE,
      '.terraform/modules/web_sg/modules/rules/main.tf': RULES_MODULE,
      '.terraform/modules/state/main.tf': STATE_MODULE,
    });
    dirs.push(dir);
    const result = await scan([dir]);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'module-not-evaluated').map((d) => d.location?.range.start.line), [2, 10]);
    assert.ok(!result.findings.some((f) => f.resource?.startsWith('module.')));
  });

  it('are each named in a diagnostic when not installed', async () => {
    const dir = await tree({ 'main.tf': ROOT });
    dirs.push(dir);
    const result = await scan([dir]);
    const missing = result.diagnostics.filter((d) => d.code === 'module-not-evaluated');
    assert.deepEqual(missing.map((d) => d.location?.range.start.line), [2, 10]);
    assert.match(missing[0]!.message, /Module "web_sg": registry module "terraform-aws-modules\/security-group\/aws" is not available locally/);
    assert.match(missing[1]!.message, /Module "state": git source/);
    assert.equal(result.stats.formats.terraform?.modulesNotEvaluated, 2);
    const text = renderText(result, { color: false });
    assert.match(text, /not checked: 2 modules not evaluated/);
    assert.ok(!text.includes('✔'));
  });

  it('a manifest pointing outside the project, or a symlink leaving it, is not followed', async () => {
    const outside = await tree({ 'main.tf': STATE_MODULE });
    const dir = await tree({
      'main.tf': 'module "state" {\n  source = "git::https://example.com/x.git"\n}\nmodule "web_sg" {\n  source = "terraform-aws-modules/security-group/aws"\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'state', Dir: '../../../../..' + outside }, { Key: 'web_sg', Dir: '.terraform/modules/web_sg' }] }),
    });
    dirs.push(dir, outside);
    await symlink(outside, join(dir, '.terraform', 'modules', 'web_sg'));
    const result = await scan([dir]);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'BW-AWS-S3-001'), []);
    assert.equal(result.diagnostics.filter((d) => d.code === 'module-not-evaluated').length, 2);
  });
});
