// A pod's volumes, with the source type each uses (`hostPath`, `emptyDir`, `nfs`, ...).

import { entry, getText, isMap, itemsOf, text, type YEntry, type YMap } from '../../../parse/yaml/tree.js';
import type { PodSpec } from '../../../adapt/kubernetes/objects.js';

export interface PodVolume {
  node: YMap;
  name: string;
  /** The volume source's key, and its entry. */
  type: string;
  source: YEntry | undefined;
}

export function volumesOf(pod: PodSpec): PodVolume[] {
  const out: PodVolume[] = [];
  for (const item of itemsOf(entry(pod.node, 'volumes')?.value)) {
    if (!isMap(item)) continue;
    const source = item.entries.find((e) => e.key !== 'name');
    out.push({ node: item, name: text(entry(item, 'name')?.value) ?? '?', type: source?.key ?? '', source });
  }
  return out;
}

export function hostPathOf(volume: PodVolume): string | undefined {
  return volume.type === 'hostPath' ? getText(volume.source?.value, 'path') : undefined;
}
