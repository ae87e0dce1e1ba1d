// The auditor's findings on a repository become evidence on the elements of its model: a compose service's
// weak password, an unencrypted queue's Terraform block, a root container's Dockerfile. One report then
// tells the whole story (threat, status, the findings behind it). A finding is joined to the element whose
// resource it is (the same file and first line); in a file that declares no element (a Dockerfile, code), to
// the element whose evidence cites it or owns its folder. A finding that belongs to no element is counted and
// named in the report, never dropped silently.

import type { Finding } from '../../core/types.js';
import type { Architecture, Element } from '../schema/architecture.js';

export interface JoinedFindings {
  /** Findings that became evidence on an element. */
  joined: number;
  /** Elements that received at least one. */
  elements: number;
  /** Findings no element of the model owns (a file the model does not show). */
  unmatched: Finding[];
}

interface Anchor {
  element: Element;
  line: number;
  /** The element's own declaration (its location), not a line that merely mentions it. */
  declared: boolean;
}

/** Adds each finding as evidence (`rule` set) on the element it concerns; the model is changed in place. */
export function attachFindings(model: Architecture, findings: readonly Finding[]): JoinedFindings {
  const byFile = anchorsByFile(model.elements);
  const containers = new Map(model.boundaries.filter((b) => b.location?.file).map((b) => [`${b.location!.file}:${b.location!.line}`, b.id]));
  const touched = new Set<Element>();
  const unmatched: Finding[] = [];
  let joined = 0;
  for (const finding of findings) {
    const file = finding.location.file;
    const element = ownerOf(finding, byFile.get(file) ?? [], byFile);
    // A container the model shows as the boundary its components run in (an emulator): the finding is theirs.
    const owners = element ? [element] : membersOf(containers.get(`${file}:${(finding.resourceLocation ?? finding.location).range.start.line}`), model.elements);
    if (!owners.length) {
      unmatched.push(finding);
      continue;
    }
    for (const owner of owners) {
      (owner.evidence ??= []).push({ file, line: finding.location.range.start.line, says: `${finding.ruleId}: ${finding.message}`, rule: finding.ruleId });
      touched.add(owner);
    }
    joined++;
  }
  for (const element of touched) element.evidence!.sort((a, b) => (a.rule ? 1 : 0) - (b.rule ? 1 : 0));
  return { joined, elements: touched.size, unmatched };
}

function membersOf(boundary: string | undefined, elements: readonly Element[]): Element[] {
  return boundary === undefined ? [] : elements.filter((e) => e.boundary === boundary);
}

function anchorsByFile(elements: readonly Element[]): Map<string, Anchor[]> {
  const byFile = new Map<string, Anchor[]>();
  const add = (file: string, anchor: Anchor): void => {
    const list = byFile.get(file);
    if (list) list.push(anchor);
    else byFile.set(file, [anchor]);
  };
  for (const element of elements) {
    if (element.location?.file) add(element.location.file, { element, line: element.location.line, declared: true });
    for (const e of element.evidence ?? []) if (!e.rule) add(e.file, { element, line: e.line, declared: false });
  }
  return byFile;
}

function ownerOf(finding: Finding, anchors: readonly Anchor[], byFile: ReadonlyMap<string, Anchor[]>): Element | undefined {
  const resourceLine = (finding.resourceLocation ?? finding.location).range.start.line;
  // The element declared where the finding's resource starts (a Terraform block, a Kubernetes object, a service).
  const declared = anchors.filter((a) => a.declared);
  const exact = unique(declared.filter((a) => a.line === resourceLine));
  if (exact) return exact;
  // A compose service by name (`service api`), among the elements that file declares or cites (a second
  // compose file, `docker-compose.images.yml`, describes the services the first declared).
  const service = /^service (.+)$/.exec(finding.resource ?? '')?.[1];
  if (service) {
    const named = unique(anchors.filter((a) => a.element.id === service || a.element.name === service));
    if (named) return named;
  }
  // A Kubernetes workload copied into another manifest (a `complete-demo.yaml` beside the per-service files).
  const workload = /^(?:Deployment|StatefulSet|DaemonSet|ReplicaSet|ReplicationController|Pod|Job|CronJob)\/([^/]+)\/(.+)$/.exec(finding.resource ?? '');
  if (workload) {
    const [, namespace, name] = workload;
    const named = unique([...byFile.values()].flat().filter((a) => a.declared && (a.element.id === name || a.element.id === `${namespace}/${name}`)));
    if (named) return named;
  }
  // A file that declares elements but not this resource (a KMS key beside the queue), or a named service or
  // workload the model does not show (a test harness): no element is it.
  if (declared.length || service || workload) return undefined;
  // A line the element's evidence cites (a Dockerfile's FROM), or a file only one element's evidence names.
  const cited = unique(anchors.filter((a) => a.line === resourceLine)) ?? unique(anchors);
  if (cited) return cited;
  return ownerOfFolder(finding.location.file, byFile);
}

/** The one element whose evidence lies in the deepest folder holding the file (`api/Dockerfile` → the api). */
function ownerOfFolder(file: string, byFile: ReadonlyMap<string, Anchor[]>): Element | undefined {
  const parts = file.split('/');
  for (let depth = parts.length - 1; depth >= 1; depth--) {
    const folder = `${parts.slice(0, depth).join('/')}/`;
    const owners = new Set<Element>();
    for (const [other, anchors] of byFile) if (other.startsWith(folder)) for (const a of anchors) owners.add(a.element);
    if (owners.size === 1) return [...owners][0];
    if (owners.size > 1) return undefined;
  }
  return undefined;
}

function unique(anchors: readonly Anchor[]): Element | undefined {
  const elements = new Set(anchors.map((a) => a.element));
  return elements.size === 1 ? [...elements][0] : undefined;
}
