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
    return UNKNOWN_JSON_TEXT;
  }
}
export const UNKNOWN = Unknown.instance;

/** How an unknown inside known structure is written in JSON text (`jsonencode`, reports): the string "(unknown)". */
export const UNKNOWN_JSON_TEXT = '(unknown)';

export type Value = null | boolean | number | string | Unknown | Value[] | { [key: string]: Value };

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/**
 * Stands for an unknown part inside text that is otherwise known (a policy heredoc with one computed ARN).
 * A private-use character pair: it cannot come from configuration text that means anything.
 */
export const UNKNOWN_MARK = '\uE000?\uE001';

/** A scalar as text (numbers and booleans too, as Terraform and CloudFormation convert them). */
export function asString(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** A number, or a string holding one. */
export function asNumber(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}
