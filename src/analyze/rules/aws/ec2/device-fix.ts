// Encrypting EBS devices: `encrypted = true` where it is missing. A device written `encrypted = false`
// is a decision someone made (and encrypting an existing volume replaces it), so that one is asked.

import type { FixOutcome, TerraformFixContext } from '../../../fix.js';
import { addressOf, askAbove, setInNested, setLiteral } from '../../../fix-helpers.js';

/** `rootType`: the nested block to add when the finding is about a device not declared at all. */
export function encryptDevice(ctx: TerraformFixContext, rootType: string): FixOutcome {
  const description = `Encrypts the block device of ${addressOf(ctx.resource)} (encrypted = true; Terraform replaces an existing volume to do it).`;
  const at = ctx.at;
  if (at?.kind === 'Attribute') return askAbove(ctx, 'this device is written unencrypted; encrypting replaces the volume: set encrypted = true once its data can move, or record why it stays unencrypted');
  if (at?.kind === 'Block') {
    if (at.type === 'block_device_mappings') {
      const ebs = at.body.blocks.find((b) => b.type === 'ebs');
      if (!ebs) return { declined: 'the device mapping has no ebs block' };
      return setLiteral(ctx, 'encrypted', 'true', description, ebs);
    }
    return setLiteral(ctx, 'encrypted', 'true', description, at);
  }
  // Encrypting a volume that exists replaces it, and its data with it.
  if (ctx.resource.labels[0] === 'aws_ebs_volume') return askAbove(ctx, 'encrypting an existing volume replaces it and its data: for a new volume set encrypted = true; for one in use, copy an encrypted snapshot first', ctx.resource);
  return setInNested(ctx, rootType, [{ name: 'encrypted', value: 'true' }], description);
}
