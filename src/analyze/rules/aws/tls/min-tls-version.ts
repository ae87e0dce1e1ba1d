import { defineRule } from '../../../rule.js';
import { attr, firstBlock, type TfAttribute, type TfResource } from '../../../../evaluate/terraform/view.js';
import { askAbove, fixSetting, hclString } from '../../../fix-helpers.js';

type Version = '1.0' | '1.1' | '1.2' | '1.3';

/** The oldest TLS version an ELB/ALB/NLB security policy accepts, read from its name; undefined when unknown. */
export function elbPolicyMinimum(name: string): Version | undefined {
  const m = /(?:TLS13|TLS|FS)-1-([0-3])(?:-|$)/.exec(name);
  if (m) return `1.${m[1]}` as Version;
  if (/^ELBSecurityPolicy-(2016-08|2015-05|FS-2018-06)$/.test(name)) return '1.0';
  return undefined;
}

/** CloudFront's `minimum_protocol_version` values. */
const CLOUDFRONT: Readonly<Record<string, Version | 'ssl'>> = {
  SSLv3: 'ssl',
  TLSv1: '1.0',
  TLSv1_2016: '1.0',
  'TLSv1.1_2016': '1.1',
  'TLSv1.2_2018': '1.2',
  'TLSv1.2_2019': '1.2',
  'TLSv1.2_2021': '1.2',
};

/** Each resource type's TLS setting: where it is, how to read it, and what to write for a minimum (undefined: no such value). */
const SETTINGS: Readonly<Record<string, { path: string[]; read: (v: string) => Version | 'ssl' | undefined; write: (min: Version) => string | undefined }>> = {
  aws_lb_listener: { path: ['ssl_policy'], read: elbPolicyMinimum, write: (min) => (min === '1.3' ? 'ELBSecurityPolicy-TLS13-1-3-2021-06' : 'ELBSecurityPolicy-TLS13-1-2-2021-06') },
  aws_alb_listener: { path: ['ssl_policy'], read: elbPolicyMinimum, write: (min) => (min === '1.3' ? 'ELBSecurityPolicy-TLS13-1-3-2021-06' : 'ELBSecurityPolicy-TLS13-1-2-2021-06') },
  aws_cloudfront_distribution: { path: ['viewer_certificate', 'minimum_protocol_version'], read: (v) => CLOUDFRONT[v], write: (min) => (min === '1.3' ? undefined : 'TLSv1.2_2021') },
  aws_api_gateway_domain_name: { path: ['security_policy'], read: (v) => (v === 'TLS_1_0' ? '1.0' : v === 'TLS_1_2' ? '1.2' : undefined), write: (min) => (min === '1.3' ? undefined : 'TLS_1_2') },
  aws_apigatewayv2_domain_name: { path: ['domain_name_configuration', 'security_policy'], read: (v) => (v === 'TLS_1_0' ? '1.0' : v === 'TLS_1_2' ? '1.2' : undefined), write: (min) => (min === '1.3' ? undefined : 'TLS_1_2') },
};

function setting(resource: TfResource): TfAttribute | undefined {
  const path = SETTINGS[resource.type]!.path;
  let body = resource.body;
  for (const step of path.slice(0, -1)) {
    const next = firstBlock(body, step);
    if (!next) return undefined;
    body = next;
  }
  return attr(body, path[path.length - 1]!);
}

export default defineRule({
  meta: {
    id: 'BW-AWS-TLS-001',
    title: "TLS endpoints accept no protocol older than the policy's minimum",
    problem: "TLS endpoint accepts a protocol older than the policy's minimum",
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-326', 'CWE-757'],
    compliance: [
      { framework: 'PCI-DSS', control: '4.2.1' },
      { framework: 'NIST-800-53', control: 'SC-8' },
      { framework: 'SOC2', control: 'CC6.7' },
    ],
    description:
      'Old protocol versions (SSL 3, TLS 1.0 and 1.1) have known weaknesses and are refused by current compliance ' +
      'baselines. When the policy sets the oldest version endpoints may accept (safeDefaults.minTlsVersion), load ' +
      'balancer listeners, CloudFront distributions and API Gateway domains whose security policy allows an older ' +
      'one are reported. A policy name Bulwark does not know is not judged.',
    remediation: 'Choose a security policy whose oldest protocol is the policy\'s minimum, e.g. `ELBSecurityPolicy-TLS13-1-2-2021-06`, `TLSv1.2_2021` or `TLS_1_2`.',
    provider: 'aws',
    service: 'tls',
    peers: {},
    uses: ['minTlsVersion'],
    requires: ['minTlsVersion'],
  },
  terraform: {
    resourceTypes: Object.keys(SETTINGS),
    check(resource, ctx) {
      const min = ctx.defaults.minTlsVersion!;
      const at = setting(resource);
      if (!at || typeof at.value !== 'string') return;
      const accepts = SETTINGS[resource.type]!.read(at.value);
      if (accepts === undefined || (accepts !== 'ssl' && accepts >= min)) return;
      ctx.report({ at, message: `${resource.address} uses ${at.name} "${at.value}", which accepts ${accepts === 'ssl' ? 'SSL 3' : `TLS ${accepts}`}; the policy's minimum is TLS ${min}.` });
    },
  },
  fix: {
    // The policy states the minimum, so the policy answers which security policy to choose.
    terraform(ctx) {
      const min = ctx.defaults.minTlsVersion as Version;
      const value = SETTINGS[ctx.resource.labels[0]!]?.write(min);
      if (!value) return askAbove(ctx, `no ${ctx.resource.labels[0]} security policy enforces TLS ${min}: which clients must still connect?`);
      if (ctx.at?.kind !== 'Attribute') return { declined: 'the finding does not point at the TLS setting' };
      return fixSetting(ctx.at.name, hclString(value))(ctx);
    },
  },
  examples: {
    terraform: {
      defaults: { minTlsVersion: '1.2' },
      good: [
        `resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/6d0ecf831eec9f09"
  }
}
`,
      ],
      bad: [
        {
          code: `resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/6d0ecf831eec9f09"
  }
}
`,
          errors: [{ line: 5 }],
          output: `resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/6d0ecf831eec9f09"
  }
}
`,
        },
        {
          code: `resource "aws_cloudfront_distribution" "site" {
  enabled = true

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1_2016"
  }
}
`,
          errors: [{ line: 7 }],
          output: `resource "aws_cloudfront_distribution" "site" {
  enabled = true

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
`,
        },
      ],
    },
  },
});
