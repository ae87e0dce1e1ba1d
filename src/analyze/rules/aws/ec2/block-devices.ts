// Which EBS block devices of an instance, launch configuration or launch template would be created unencrypted.

import type { TfAttribute, TfBody } from '../../../../evaluate/terraform/view.js';
import { attr, blocks, firstBlock, isFalse, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';

export interface UnencryptedDevice {
  /** The offending `encrypted` attribute or device block; undefined for a root device that is not declared at all. */
  at: TfAttribute | TfBody | undefined;
  /** For messages, e.g. `root_block_device`, `ebs_block_device "/dev/sdf"`. */
  what: string;
  /** `encrypted = false` as opposed to not set. */
  explicit: boolean;
  /** Extra explanation appended to the message. */
  note?: string;
}

/**
 * Whether an EBS device body is encrypted. Unknown values, a KMS key (which AWS only accepts for encrypted
 * volumes) and a snapshot source (the volume inherits the snapshot's encryption) all count as not-a-violation,
 * unless `encrypted = false` is written out.
 */
function deviceProblem(device: TfBody): Omit<UnencryptedDevice, 'what'> | undefined {
  if (device.fromUnknownDynamic) return undefined;
  const encrypted = attr(device, 'encrypted');
  if (encrypted && (isTrue(encrypted.value) || isUnknown(encrypted.value))) return undefined;
  if (encrypted && isFalse(encrypted.value)) return { at: encrypted, explicit: true };
  const kmsKey = value(device, 'kms_key_id');
  const snapshot = value(device, 'snapshot_id');
  if ((kmsKey !== undefined && kmsKey !== null && kmsKey !== '') || (snapshot !== undefined && snapshot !== null && snapshot !== '')) return undefined;
  return { at: encrypted ?? device, explicit: false };
}

function label(device: TfBody, type: string): string {
  const name = value(device, 'device_name');
  return typeof name === 'string' ? `${type} "${name}"` : type;
}

/** `aws_instance` and `aws_launch_configuration`: `root_block_device` and every `ebs_block_device`. */
export function unencryptedInstanceDevices(body: TfBody): UnencryptedDevice[] {
  const problems: UnencryptedDevice[] = [];
  const root = firstBlock(body, 'root_block_device');
  if (root) {
    const problem = deviceProblem(root);
    if (problem) problems.push({ ...problem, what: 'root_block_device' });
  } else if (!firstBlock(body, 'launch_template')) {
    // An instance launched from a template gets the template's devices, judged where the template is declared.
    problems.push({ at: undefined, what: 'the root volume', explicit: false, note: ' (no root_block_device with encrypted = true)' });
  }
  for (const device of blocks(body, 'ebs_block_device')) {
    const problem = deviceProblem(device);
    if (problem) problems.push({ ...problem, what: label(device, 'ebs_block_device') });
  }
  return problems;
}

/** `aws_launch_template`: every `block_device_mappings` with an `ebs` block. Omitted mappings follow the AMI. */
export function unencryptedTemplateDevices(body: TfBody): UnencryptedDevice[] {
  const problems: UnencryptedDevice[] = [];
  for (const mapping of blocks(body, 'block_device_mappings')) {
    if (mapping.fromUnknownDynamic) continue;
    const ebs = firstBlock(mapping, 'ebs');
    if (!ebs) continue;
    const problem = deviceProblem(ebs);
    if (problem) problems.push({ ...problem, at: problem.at === ebs ? mapping : problem.at, what: label(mapping, 'block_device_mappings') });
  }
  return problems;
}

export function describeDevice(device: UnencryptedDevice): string {
  return device.explicit ? `${device.what} sets encrypted = false` : `${device.what} is not encrypted${device.note ?? ''}`;
}
