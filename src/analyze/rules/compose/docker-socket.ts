import { defineRule } from '../../rule.js';
import { volumesOf } from '../../../adapt/compose/services.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE } from './support.js';

const RUNTIME_SOCKET = /(^|\/)(docker|containerd|podman)\.sock$/;

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-PRIV-003',
    title: 'Services do not mount the Docker socket',
    problem: 'Service mounts the Docker socket',
    severity: 'critical',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: COMPOSE_COMPLIANCE.leastPrivilege,
    description:
      'The Docker socket is the daemon\'s API: a process that can write to it starts a privileged container with the host\'s ' +
      'filesystem mounted. Mounting it, even read-only, hands the host to anything that compromises the service.',
    remediation: 'Remove the socket mount; if a tool must talk to Docker, put a filtering proxy (tecnativa/docker-socket-proxy) between them, allowing only the calls it needs.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'privilege',
    links: [`${COMPOSE_REFERENCE}#volumes`],
  },
  compose: {
    check(service, ctx) {
      for (const volume of volumesOf(service)) {
        if (RUNTIME_SOCKET.test(volume.source)) ctx.report({ at: volume.node, message: `Service ${service.name} mounts the Docker socket (${volume.source}).`, part: `volumes ${volume.source}` });
      }
    },
  },
  noFix: 'The service mounts the socket to control Docker; what replaces that access is a design decision.',
  examples: {
    compose: {
      good: [`services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n`],
      bad: [{ code: `services:\n  portainer:\n    image: portainer/portainer-ce:2.21.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n`, errors: [{ line: 5 }] }],
    },
  },
});
