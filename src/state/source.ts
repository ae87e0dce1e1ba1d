// Where provider state came from. Every state object carries its source, so a check written once over
// the state can point its finding at the Terraform attribute or the CloudFormation property that caused it.

import type { CallSite, Range } from '../core/types.js';

export interface StateSource {
  /** Terraform address (`module.store.aws_s3_bucket.data["logs"]`) or CloudFormation logical id. */
  address: string;
  /** POSIX path, relative to the project root, of the file declaring it. */
  file: string;
  /** The whole resource declaration. */
  range: Range;
  /** Module call chain from the root module (Terraform), outermost first. */
  callPath?: readonly CallSite[];
  /** The address within its module (Terraform), for fingerprints that do not depend on how the module was reached. */
  localAddress: string;
}

/** What a finding points at: one part of a resource (attribute, nested block, property), or all of it. */
export interface Spot {
  /** The resource holding that part (not always the resource being judged: a separate settings resource, say). */
  source: StateSource;
  file: string;
  range: Range;
  /** The part of the resource, Terraform-style (`ingress[1]`, `BucketEncryption.ServerSideEncryptionConfiguration[0]`); '' for all of it. */
  part: string;
}

export function wholeOf(source: StateSource): Spot {
  return { source, file: source.file, range: source.range, part: '' };
}
