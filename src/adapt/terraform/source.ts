// Terraform resources and their parts as state sources and spots.

import type { Spot, StateSource } from '../../state/source.js';
import type { TfAttribute, TfBody, TfResource } from '../../evaluate/terraform/view.js';

export function tfSource(resource: TfResource): StateSource {
  return {
    address: resource.address,
    file: resource.file,
    range: resource.body.range,
    ...(resource.callPath.length ? { callPath: resource.callPath } : {}),
  };
}

/** A resource's attribute or nested block (default: the whole resource) as a spot. */
export function tfSpot(resource: TfResource, at?: TfAttribute | TfBody): Spot {
  const file = at && 'file' in at ? at.file : resource.file;
  return { source: tfSource(resource), file, range: at?.range ?? resource.body.range };
}
