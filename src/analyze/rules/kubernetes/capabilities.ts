// Reading a container's capabilities: what it drops and adds, names normalised (`CAP_SYS_ADMIN`, `sys_admin` → `SYS_ADMIN`).

import { entry, get, textsOf, type YEntry } from '../../../parse/yaml/tree.js';
import type { ContainerVisit } from './support.js';

export function capabilityName(name: string): string {
  return name.toUpperCase().replace(/^CAP_/, '');
}

export function capabilities(v: ContainerVisit): { add: string[]; drop: string[]; addEntry?: YEntry; dropEntry?: YEntry; caps?: YEntry } {
  const caps = entry(get(v.container.node, 'securityContext'), 'capabilities');
  const addEntry = entry(caps?.value, 'add');
  const dropEntry = entry(caps?.value, 'drop');
  return {
    add: textsOf(addEntry?.value).map(capabilityName),
    drop: textsOf(dropEntry?.value).map(capabilityName),
    ...(addEntry ? { addEntry } : {}),
    ...(dropEntry ? { dropEntry } : {}),
    ...(caps ? { caps } : {}),
  };
}
