// The shape of a built-in function and how unknown arguments propagate through it.

import type { Value } from '../values/index.js';

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
  call(args: Value[]): Value;
}

export type FunctionTable = Record<string, TfFunction>;
