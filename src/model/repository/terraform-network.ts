// Network placement from Terraform: the AWS account is a cloud-account boundary, each VPC a network zone in
// it and each subnet a zone in its VPC; a component sits in the first subnet (or VPC) it is placed in.
// Exposure: a database `publicly_accessible`, a security group open to 0.0.0.0/0, an internet-facing load
// balancer, a public API Gateway or CloudFront distribution are internet-facing, each with its line.

import { asString, attr, isFalse, isTrue, isUnknown, type TfBody, type TfResource, type Value } from '../../evaluate/terraform/view.js';
import type { Boundary } from '../schema/architecture.js';
import { stateProp } from './evidence.js';
import { attributeAt, evidence, type Component, type TfModel } from './terraform-context.js';

/** Where each compute or data resource names its subnets, security groups, or subnet group. */
const SUBNETS = ['subnet_id', 'subnet_ids', 'subnets', 'vpc_config.subnet_ids', 'network_configuration.subnets', 'vpc_options.subnet_ids', 'broker_node_group_info.client_subnets'];
const GROUPS = ['vpc_security_group_ids', 'security_groups', 'security_group_ids', 'vpc_config.security_group_ids', 'network_configuration.security_groups', 'vpc_options.security_group_ids', 'broker_node_group_info.security_groups'];
const SUBNET_GROUPS = ['db_subnet_group_name', 'subnet_group_name'];

const OPEN = new Set(['0.0.0.0/0', '::/0']);

export function placeInNetwork(model: TfModel, accountId: string): void {
  const prefix = accountId.slice(0, -'aws-account'.length);
  const zones = new Map<string, Boundary>();
  const zone = (r: TfResource, parent: string): string => {
    const id = `${prefix}${r.address}`;
    if (!zones.has(id)) {
      const tags = attr(r.body, 'tags')?.value;
      const tagName = tags && typeof tags === 'object' && !Array.isArray(tags) && !isUnknown(tags) ? (tags as Record<string, Value>)['Name'] : undefined;
      const isPublic = r.type === 'aws_subnet' && isTrue(attr(r.body, 'map_public_ip_on_launch')?.value);
      const label = typeof tagName === 'string' && tagName ? tagName : r.address;
      zones.set(id, { id, name: `${r.type === 'aws_vpc' ? 'VPC' : isPublic ? 'public subnet' : 'subnet'} ${label}`, type: 'network-zone', parent, location: { file: r.file, line: r.body.range.start.line } });
    }
    return id;
  };
  const subnetZone = (subnet: TfResource): string => {
    const vpc = model.referencedOfType(attr(subnet.body, 'vpc_id'), 'aws_vpc')[0];
    return zone(subnet, vpc ? zone(vpc, accountId) : accountId);
  };
  for (const c of model.components.values()) {
    c.element.boundary = accountId;
    const subnet = subnetsOf(model, c.resource)[0];
    if (subnet) c.element.boundary = subnetZone(subnet);
    else {
      const vpc = model.referencedOfType(attr(c.resource.body, 'vpc_id'), 'aws_vpc')[0];
      if (vpc) c.element.boundary = zone(vpc, accountId);
    }
    exposure(model, c);
  }
  model.fragment.boundaries.push(...zones.values());
}

function subnetsOf(model: TfModel, resource: TfResource): TfResource[] {
  for (const path of SUBNETS) {
    const found = model.referencedOfType(attributeAt(resource.body, path), 'aws_subnet');
    if (found.length) return found;
  }
  for (const path of SUBNET_GROUPS) {
    for (const type of ['aws_db_subnet_group', 'aws_elasticache_subnet_group', 'aws_docdb_subnet_group']) {
      const group = model.referencedOfType(attr(resource.body, path), type)[0];
      if (group) return model.referencedOfType(attr(group.body, 'subnet_ids'), 'aws_subnet');
    }
  }
  return [];
}

function exposure(model: TfModel, c: Component): void {
  const { resource, element } = c;
  const body = resource.body;
  const say = (value: boolean, at: TfBody | ReturnType<typeof attr>, says: string, file = resource.file): void => stateProp(element, 'internetFacing', value, evidence(file, at ?? body, says, { prop: 'internetFacing', value }));
  switch (resource.type) {
    case 'aws_db_instance':
    case 'aws_rds_cluster_instance': {
      const flag = attr(body, 'publicly_accessible');
      if (flag && isTrue(flag.value)) say(true, flag, `${resource.address}: publicly_accessible = true: the database has a public address`);
      else if (!flag || isFalse(flag.value)) say(false, flag, `${resource.address}: not publicly accessible${flag ? '' : ' (publicly_accessible defaults to false)'}`);
      break;
    }
    case 'aws_lb':
    case 'aws_alb': {
      const internal = attr(body, 'internal');
      if (internal && isTrue(internal.value)) say(false, internal, `${resource.address}: internal = true: reachable inside the VPC only`);
      else if (!internal || isFalse(internal.value)) say(true, internal, `${resource.address}: internet-facing load balancer${internal ? '' : ' (internal defaults to false)'}`);
      break;
    }
    case 'aws_api_gateway_rest_api': {
      const types = attributeAt(body, 'endpoint_configuration.types');
      const list = types && Array.isArray(types.value) ? types.value.map((v) => asString(v)) : [];
      if (list.includes('PRIVATE')) say(false, types, `${resource.address}: a PRIVATE endpoint, reachable through a VPC endpoint only`);
      else say(true, types, `${resource.address}: a public API Gateway endpoint${list.length ? ` (${list.join(', ')})` : ''}`);
      break;
    }
    case 'aws_apigatewayv2_api':
    case 'aws_cloudfront_distribution':
      say(true, undefined, `${resource.address}: a public AWS endpoint on the internet`);
      break;
  }
  for (const group of securityGroupsOf(model, resource)) {
    for (const open of openIngress(model, group)) say(true, open.at, `${open.what} allows ingress from ${open.cidr}${open.ports} to ${element.name}`, open.file);
  }
}

function securityGroupsOf(model: TfModel, resource: TfResource): TfResource[] {
  const out: TfResource[] = [];
  for (const path of GROUPS) for (const g of model.referencedOfType(attributeAt(resource.body, path), 'aws_security_group')) if (!out.includes(g)) out.push(g);
  return out;
}

interface OpenIngress {
  what: string;
  cidr: string;
  ports: string;
  file: string;
  at: TfBody | ReturnType<typeof attr>;
}

function openIngress(model: TfModel, group: TfResource): OpenIngress[] {
  const out: OpenIngress[] = [];
  const check = (body: TfBody, owner: TfResource, what: string, cidrNames: readonly string[]): void => {
    for (const name of cidrNames) {
      const a = attr(body, name);
      const values = a && Array.isArray(a.value) ? a.value : a ? [a.value] : [];
      const cidr = values.map((v) => asString(v)).find((v) => v !== undefined && OPEN.has(v));
      if (!cidr) continue;
      const from = asString(attr(body, 'from_port')?.value);
      const to = asString(attr(body, 'to_port')?.value);
      out.push({ what, cidr, ports: from !== undefined ? ` on port${from === to || to === undefined ? ` ${from}` : `s ${from}-${to}`}` : '', file: owner.file, at: a });
      return;
    }
  };
  for (const rule of group.body.blocks.filter((b) => b.type === 'ingress')) check(rule, group, `${group.address} ingress`, ['cidr_blocks', 'ipv6_cidr_blocks']);
  for (const rule of model.referencing(group, 'aws_security_group_rule', 'security_group_id')) {
    if (asString(attr(rule.body, 'type')?.value) === 'ingress') check(rule.body, rule, rule.address, ['cidr_blocks', 'ipv6_cidr_blocks']);
  }
  for (const rule of model.referencing(group, 'aws_vpc_security_group_ingress_rule', 'security_group_id')) check(rule.body, rule, rule.address, ['cidr_ipv4', 'cidr_ipv6']);
  return out;
}
