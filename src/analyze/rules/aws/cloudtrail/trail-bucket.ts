// The S3 bucket a trail delivers its log files to, when the configuration declares it.
import type { TerraformRuleContext } from '../../../rule.js';
import type { TfResource } from '../../../../evaluate/terraform/view.js';
import { targetBuckets } from '../../../../adapt/terraform/aws/s3/bucket-index.js';

export function trailBuckets(trail: TfResource, ctx: TerraformRuleContext): TfResource[] {
  return targetBuckets(trail, ctx, 's3_bucket_name');
}
