// What a workload's pod spec says about its privileges and its secrets, as element properties with the
// line that decides each: root (runAsUser: 0, privileged, or no runAsNonRoot), CPU and memory limits,
// literal secrets in its environment (masked), and the Kubernetes Secrets it reads instead.

import { effectiveSetting, type ContainerVisit } from '../../analyze/rules/kubernetes/support.js';
import { describeContainer } from '../../adapt/kubernetes/objects.js';
import { findNamedSecrets } from '../../analyze/secrets/patterns.js';
import { entry, getMap, isTrue, itemsOf, numberOf, text } from '../../parse/yaml/tree.js';
import { addEvidence, evidenceAt, stateProp } from './evidence.js';
import type { Workload } from './kubernetes-workloads.js';

export function statePodSecurity(w: Workload): void {
  root(w);
  limits(w);
  secrets(w);
}

function root(w: Workload): void {
  const { element, site } = w;
  for (const container of w.pod.containers) {
    if (container.group === 'ephemeralContainers') continue;
    const visit: ContainerVisit = { object: w.object, pod: w.pod, container, label: describeContainer(w.object, container) };
    const privileged = entry(getMap(container.node, 'securityContext'), 'privileged');
    if (privileged && isTrue(privileged.value)) {
      stateProp(element, 'runsAsRoot', true, evidenceAt(site, privileged.keyStart, `${visit.label}: privileged: true (root with every capability, on the node)`));
      continue;
    }
    const user = effectiveSetting(visit, 'runAsUser');
    const uid = numberOf(user?.entry.value);
    const nonRoot = effectiveSetting(visit, 'runAsNonRoot');
    if (uid === 0) stateProp(element, 'runsAsRoot', true, evidenceAt(site, user!.entry.keyStart, `${visit.label} runs as root (runAsUser: 0${user!.level === 'pod' ? ', set on the pod' : ''})`));
    else if (uid !== undefined && uid > 0) stateProp(element, 'runsAsRoot', false, evidenceAt(site, user!.entry.keyStart, `${visit.label} runs as UID ${uid}`));
    else if (nonRoot && isTrue(nonRoot.entry.value)) stateProp(element, 'runsAsRoot', false, evidenceAt(site, nonRoot.entry.keyStart, `${visit.label}: runAsNonRoot: true (the kubelet refuses UID 0)`));
    else {
      // Neither says: the image's user decides, which the manifests do not show.
      const at = nonRoot?.entry.keyStart ?? entry(container.node, 'name')?.keyStart ?? container.node.start;
      addEvidence(element, evidenceAt(site, at, `${visit.label} sets ${nonRoot ? `runAsNonRoot: ${text(nonRoot.entry.value) ?? '?'}` : 'neither runAsNonRoot nor runAsUser'}: it runs as its image's user, root unless the image names another`));
    }
  }
}

/** Limits on every main container, or the ones that have none. Init containers run before and are left out. */
function limits(w: Workload): void {
  const { element, site } = w;
  const containers = w.pod.containers.filter((c) => c.group === 'containers');
  if (!containers.length) return;
  const without = containers.filter((c) => !getMap(c.node, 'resources.limits')?.entries.length);
  if (without.length === 0) {
    const first = entry(getMap(containers[0]!.node, 'resources'), 'limits')!;
    element.props.resourceLimits = true;
    addEvidence(element, evidenceAt(site, first.keyStart, `resources.limits set on ${containers.length === 1 ? `container "${containers[0]!.name}"` : `all ${containers.length} containers`}`, { prop: 'resourceLimits', value: true }));
    return;
  }
  element.props.resourceLimits = false;
  for (const c of without) {
    const at = entry(c.node, 'resources')?.keyStart ?? entry(c.node, 'name')?.keyStart ?? c.node.start;
    addEvidence(element, evidenceAt(site, at, `container "${c.name}" sets no resources.limits: it may take all of its node's CPU and memory`, { prop: 'resourceLimits', value: false }));
  }
}

function secrets(w: Workload): void {
  const { element } = w;
  for (const v of w.env) {
    if (v.from === 'secret') {
      addEvidence(element, evidenceAt(v.site, v.offset, `${v.name.endsWith('*') ? `every key of the Kubernetes Secret ${v.source}` : `${v.name} from the Kubernetes Secret ${v.source}`} (secret store: Kubernetes Secret)`));
      continue;
    }
    if (v.from !== 'literal' || v.value === undefined) continue;
    const [hit] = findNamedSecrets([[v.name, v.value]]);
    if (hit) stateProp(element, 'storesCredentials', true, evidenceAt(v.site, v.offset, `${v.name} is a literal secret in the manifest (masked: ${hit.masked})`));
  }
  for (const volume of itemsOf(entry(w.pod.node, 'volumes')?.value)) {
    const secret = getMap(volume, 'secret');
    if (secret) addEvidence(element, evidenceAt(w.site, secret.start, `mounts the Kubernetes Secret ${text(entry(secret, 'secretName')?.value) ?? '?'} as volume ${text(entry(volume, 'name')?.value) ?? '?'} (secret store: Kubernetes Secret)`));
  }
}
