// Terraform as a repository model source: the generated and mutated projects the terraform target scans
// (modules, tfvars, count/for_each, dynamic blocks), plus tokens of the AWS resources the model maps, read
// into model fragments and analysed. Nothing may throw, and every location and evidence line must point
// inside its file. (The evaluation itself is fuzzed by the terraform target; this covers the mapping.)

import fc from 'fast-check';
import { analyze } from '../../../src/model/engine/analyze.js';
import { mergeFragments } from '../../../src/model/repository/merge.js';
import { terraformSource } from '../../../src/model/repository/terraform-source.js';
import type { ModelFragment, RepositoryNote } from '../../../src/model/repository/types.js';
import { ArchitectureSchema } from '../../../src/model/schema/architecture.js';
import { expressions } from '../gen/hcl-expressions.js';
import { HCL_MUTATION } from '../gen/hcl-tokens.js';
import { terraformProject } from '../gen/terraform-project.js';
import { terraformSeeds } from '../gen/seeds.js';
import { learnVocabulary } from '../gen/terraform-vocabulary.js';
import { locationViolations, type ReportedLocation } from '../harness/locations.js';
import { defineTarget } from '../harness/target.js';

const AWS = `
provider "aws" {
  endpoints {
    sqs = "http://localstack:4566"
  }
}
resource "aws_sqs_queue" "q" {
  name           = "q"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn })
}
resource "aws_sqs_queue" "dlq" { sqs_managed_sse_enabled = false }
resource "aws_lambda_function" "f" {
  role = aws_iam_role.r.arn
  environment {
    variables = { Q = aws_sqs_queue.q.url }
  }
  vpc_config {
    subnet_ids         = [aws_subnet.a.id]
    security_group_ids = [aws_security_group.open.id]
  }
}
resource "aws_iam_role" "r" {}
resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.q.arn }] })
}
resource "aws_subnet" "a" { vpc_id = aws_vpc.v.id }
resource "aws_vpc" "v" {}
resource "aws_security_group" "open" {
  ingress {
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_lb" "lb" { internal = false }
resource "aws_lb_listener" "l" {
  load_balancer_arn = aws_lb.lb.arn
  protocol          = "HTTP"
}
resource "aws_apigatewayv2_route" "r" { api_id = aws_apigatewayv2_api.a.id }
resource "aws_apigatewayv2_api" "a" { name = "a" }
`;

interface Run {
  fragments: ModelFragment[];
  notes: RepositoryNote[];
  threats: number;
}

export default defineTarget<Record<string, string>, Run>({
  name: 'terraform-model',
  description: 'Terraform projects read into a repository model: generated projects with AWS components, references, IAM policies and network placement; evidence inside the files',
  arbitrary() {
    const seeds = terraformSeeds();
    const vocab = learnVocabulary(seeds);
    const projects = terraformProject(expressions(vocab, 3), vocab, seeds, HCL_MUTATION);
    return fc.tuple(projects, fc.boolean()).map(([files, aws]) => (aws ? { ...files, 'aws.tf': AWS } : files));
  },
  run(files) {
    const notes: RepositoryNote[] = [];
    const entries = Object.keys(files).map((rel) => ({ rel, abs: rel, size: files[rel]!.length }));
    const wanted = entries.filter((f) => terraformSource.wants(f.rel, () => ''));
    const result = terraformSource.read({ files: wanted, all: new Map(entries.map((f) => [f.rel, f])), read: (f) => files[f.rel], note: (n) => notes.push(n), filesOf: () => [] });
    const merged = mergeFragments(result.fragments);
    const model = ArchitectureSchema.parse({ ...merged, name: 'fuzz', origin: { format: 'repository' } });
    return { fragments: result.fragments, notes, threats: analyze(model).threats.length };
  },
  check(files, run) {
    const locations: ReportedLocation[] = run.notes.filter((n) => n.line !== undefined && n.file).map((n) => ({ file: n.file, what: `${n.level} note`, line: n.line!, message: n.message }));
    for (const fragment of run.fragments) {
      for (const item of [...fragment.elements, ...fragment.flows]) {
        if (item.location) locations.push({ file: item.location.file, what: 'model item', line: item.location.line, message: item.id });
        for (const e of item.evidence ?? []) locations.push({ file: e.file, what: 'evidence', line: e.line, message: e.says });
      }
    }
    return { violations: locationViolations(files, locations), counters: { elements: run.fragments.reduce((n, f) => n + f.elements.length, 0), threats: run.threats } };
  },
});
