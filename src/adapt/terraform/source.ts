// Terraform resources and their parts as state sources and spots.

import { addressInModule } from '../../core/fingerprint.js';
import { partPath } from '../../evaluate/terraform/part-path.js';
import type { Spot, StateSource } from '../../state/source.js';
import type { TfAttribute, TfBody, TfResource } from '../../evaluate/terraform/view.js';

export function tfSource(resource: TfResource): StateSource {
  return {
    address: resource.address,
    file: resource.file,
    range: resource.body.range,
    localAddress: addressInModule(resource.address, resource.module),
    ...(resource.callPath.length ? { callPath: resource.callPath } : {}),
  };
}

/** A resource's attribute or nested block (default: the whole resource) as a spot; `part` when the body alone cannot name it. */
export function tfSpot(resource: TfResource, at?: TfAttribute | TfBody, part?: string): Spot {
  const file = at && 'file' in at ? at.file : resource.file;
  return { source: tfSource(resource), file, range: at?.range ?? resource.body.range, part: part ?? partPath(resource.body, at) };
}
