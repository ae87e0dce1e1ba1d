// The vpc rules, in id order.
import type { Rule } from '../../../rule.js';
import sgIngressAllPorts from './sg-ingress-all-ports.js';
import sgIngressAdminPorts from './sg-ingress-admin-ports.js';
import sgIngressDataStorePorts from './sg-ingress-data-store-ports.js';
import sgEgressInternet from './sg-egress-internet.js';
import naclIngressAllPorts from './nacl-ingress-all-ports.js';
import naclIngressAdminPorts from './nacl-ingress-admin-ports.js';
import sgDescription from './sg-description.js';
import sgRuleDescription from './sg-rule-description.js';
import subnetPublicIp from './subnet-public-ip.js';
import noDefaultVpc from './no-default-vpc.js';
import vpcFlowLogs from './vpc-flow-logs.js';

export const vpcRules: Rule[] = [
  sgIngressAllPorts,
  sgIngressAdminPorts,
  sgIngressDataStorePorts,
  sgEgressInternet,
  naclIngressAllPorts,
  naclIngressAdminPorts,
  sgDescription,
  sgRuleDescription,
  subnetPublicIp,
  noDefaultVpc,
  vpcFlowLogs,
];
