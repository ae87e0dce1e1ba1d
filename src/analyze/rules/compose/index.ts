// The docker-compose rules. Each module is one rule; this list is the only place they are named.
import type { Rule } from '../../rule.js';
import capabilities from './capabilities.js';
import dataStorePorts from './data-store-ports.js';
import dockerSocket from './docker-socket.js';
import environmentSecrets from './environment-secrets.js';
import environmentWeakPassword from './environment-weak-password.js';
import hostNamespaces from './host-namespaces.js';
import imageTag from './image-tag.js';
import noNewPrivileges from './no-new-privileges.js';
import privileged from './privileged.js';
import readOnly from './read-only.js';
import resourceLimits from './resource-limits.js';
import rootUser from './root-user.js';

export const composeRules: Rule[] = [
  capabilities,
  dataStorePorts,
  dockerSocket,
  environmentSecrets,
  environmentWeakPassword,
  hostNamespaces,
  imageTag,
  noNewPrivileges,
  privileged,
  readOnly,
  resourceLimits,
  rootUser,
];
