// The shape of a built-in function and how unknown arguments propagate through it.

import type { StepBudget, Value } from '../values/index.js';

export interface TfFunction {
  /**
   * How unknown arguments are handled before `call` runs:
   * - 'deep' (default): an unknown anywhere in any argument makes the result unknown;
   * - 'shallow': only an argument that is itself unknown does (elements may be unknown, e.g. `concat`);
   * - 'self': the function handles unknowns itself.
   */
  unknowns?: 'deep' | 'shallow' | 'self';
  minArgs?: number;
  maxArgs?: number;
  /** The result is (part of) an argument, not a copy: its size is not charged again. */
  shares?: true;
  /**
   * `budget` is the evaluation's: functions whose work grows faster than their arguments and result
   * (comparing every pair, matching a pattern) charge it themselves; the caller charges for the rest.
   */
  call(args: Value[], budget: StepBudget): Value;
}

export type FunctionTable = Record<string, TfFunction>;
