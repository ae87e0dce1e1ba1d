// Which format claims which file: by name where the name says it, by the start of the text where it does not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { claimFiles } from '../../src/scanners/claim.js';
import { BUILTIN_SCANNERS } from '../../src/scanners/registry.js';

function formatOf(rel: string, text = ''): string {
  const { claimed } = claimFiles([{ rel, size: text.length }], BUILTIN_SCANNERS, () => text);
  // The secrets scanner reads every text file besides its format's scanner; this is about formats.
  return claimed.find((c) => !c.scanner.shared)?.scanner.id ?? 'none';
}

const WORKFLOW = 'name: ci\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

describe('claiming files by format', () => {
  it('Terraform by extension', () => {
    assert.equal(formatOf('infra/main.tf'), 'terraform');
    assert.equal(formatOf('infra/prod.tfvars'), 'terraform');
    assert.equal(formatOf('infra/terraform.tfvars.json', '{"region": "eu-west-1"}'), 'terraform');
    assert.equal(formatOf('cdktf.out/stacks/app/cdk.tf.json', '{"resource": {}}'), 'terraform');
    assert.equal(formatOf('infra/main.tofu'), 'opentofu');
  });

  it('CloudFormation by content, in YAML, JSON and SAM, but not a CodeDeploy AppSpec', () => {
    assert.equal(formatOf('stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n'), 'cloudformation');
    assert.equal(formatOf('template.yml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n'), 'cloudformation');
    assert.equal(formatOf('cdk.out/App.template.json', '{\n "Resources": {\n  "Bucket83908E77": {\n   "Type": "AWS::S3::Bucket"\n  }\n }\n}'), 'cloudformation');
    assert.equal(formatOf('network.template', 'Resources:\n  # the VPC\n  Vpc:\n    Type: "AWS::EC2::VPC"\n'), 'cloudformation');
    assert.equal(formatOf('appspec.yaml', 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n'), 'none');
  });

  it('Kubernetes by apiVersion and kind, in YAML (multi-document too) and JSON', () => {
    assert.equal(formatOf('k8s/web.yaml', DEPLOYMENT), 'kubernetes');
    assert.equal(formatOf('k8s/all.yml', `---\n${DEPLOYMENT}---\nkind: Service\napiVersion: v1\n`), 'kubernetes');
    assert.equal(formatOf('k8s/list.json', '{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": []\n}'), 'kubernetes');
  });

  it('Helm charts and Kustomize before plain Kubernetes', () => {
    assert.equal(formatOf('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 0.1.0\n'), 'helm');
    assert.equal(formatOf('charts/web/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "web.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n'), 'helm');
    assert.equal(formatOf('overlays/prod/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n'), 'kustomize');
  });

  it('docker-compose by name and by content; Dockerfiles by name', () => {
    assert.equal(formatOf('docker-compose.yml', 'services: {}\n'), 'compose');
    assert.equal(formatOf('deploy/docker-compose.prod.yaml', ''), 'compose');
    assert.equal(formatOf('compose.yaml', ''), 'compose');
    assert.equal(formatOf('stack.yml', 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n'), 'compose');
    for (const name of ['Dockerfile', 'api/Dockerfile.dev', 'Containerfile', 'build/web.dockerfile']) assert.equal(formatOf(name), 'dockerfile', name);
    assert.equal(formatOf('docs/Dockerfile-guide.md'), 'none');
  });

  it('other IaC formats are recognised', () => {
    assert.equal(formatOf('plan.json', '{"format_version":"1.2","terraform_version":"1.7.5","planned_values":{}}'), 'terraform-plan');
    assert.equal(formatOf('azuredeploy.json', '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": []\n}'), 'arm');
    assert.equal(formatOf('main.bicep'), 'bicep');
    assert.equal(formatOf('serverless.yml', 'service: api\nprovider:\n  name: aws\n'), 'serverless');
  });

  it('leaves everything else alone', () => {
    assert.equal(formatOf('.github/workflows/ci.yml', WORKFLOW), 'none');
    assert.equal(formatOf('package.json', '{"name": "app", "version": "1.0.0"}'), 'none');
    assert.equal(formatOf('openapi.yaml', 'openapi: 3.0.0\ninfo:\n  title: API\npaths: {}\n'), 'none');
    assert.equal(formatOf('README.md'), 'none');
  });
});
