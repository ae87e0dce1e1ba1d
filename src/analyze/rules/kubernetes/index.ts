// The Kubernetes rules. Each module is one rule; this list is the only place they are named.
import type { Rule } from '../../rule.js';
import runAsNonRoot from './run-as-non-root.js';
import hostNetwork from './host-network.js';
import hostPid from './host-pid.js';
import hostIpc from './host-ipc.js';
import limitCpu from './limit-cpu.js';
import limitMemory from './limit-memory.js';
import requestCpu from './request-cpu.js';
import requestMemory from './request-memory.js';
import envSecrets from './env-secrets.js';

export const kubernetesRules: Rule[] = [runAsNonRoot, hostNetwork, hostPid, hostIpc, limitCpu, limitMemory, requestCpu, requestMemory, envSecrets];
