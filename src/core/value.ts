// Values as every evaluator produces them (Terraform today; CloudFormation and others next): JSON-like
// data plus one marker for what cannot be known before deployment. Rules treat unknown as "cannot tell",
// never as a violation.

/** A value the evaluator could not determine (computed at apply time, unknown input, unsupported function). */
export class Unknown {
  static readonly instance = new Unknown();
  private constructor() {}
  toString(): string {
    return '(known after apply)';
  }
  toJSON(): string {
    return '(unknown)';
  }
}
export const UNKNOWN = Unknown.instance;

export type Value = null | boolean | number | string | Unknown | Value[] | { [key: string]: Value };

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}
