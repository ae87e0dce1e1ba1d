// Terraform resources and their parts as state sources and spots. Both are made for every state item a check
// reads, finding or not, so what only a finding needs (the module-local address, the part's path) is worked
// out when first asked for.

import { addressInModule } from '../../core/fingerprint.js';
import type { CallSite, Range } from '../../core/types.js';
import { partPath } from '../../evaluate/terraform/part-path.js';
import type { TfAttribute, TfBody, TfResource } from '../../evaluate/terraform/view.js';
import type { Spot, StateSource } from '../../state/source.js';

class TfSource implements StateSource {
  readonly callPath?: readonly CallSite[];
  constructor(private readonly resource: TfResource) {
    if (resource.callPath.length) this.callPath = resource.callPath;
  }
  get address(): string {
    return this.resource.address;
  }
  get file(): string {
    return this.resource.file;
  }
  get range(): Range {
    return this.resource.body.range;
  }
  get localAddress(): string {
    return addressInModule(this.resource.address, this.resource.module);
  }
}

class TfSpot implements Spot {
  constructor(
    readonly source: StateSource,
    private readonly body: TfBody,
    private readonly at: TfAttribute | TfBody | undefined,
    private readonly explicitPart: string | undefined,
    readonly file: string,
  ) {}
  get range(): Range {
    return this.at?.range ?? this.body.range;
  }
  get part(): string {
    return this.explicitPart ?? partPath(this.body, this.at);
  }
}

export function tfSource(resource: TfResource): StateSource {
  return new TfSource(resource);
}

/**
 * A resource's attribute or nested block (default: the whole resource) as a spot; `part` when the body alone
 * cannot name it. Pass the resource's `source` when several spots share it.
 */
export function tfSpot(resource: TfResource, at?: TfAttribute | TfBody, part?: string, source: StateSource = tfSource(resource)): Spot {
  const file = at && 'file' in at ? at.file : resource.file;
  return new TfSpot(source, resource.body, at, part, file);
}
