// What a fuzz target is: one reader, the inputs to feed it, how to run it, and what must hold of its
// output. Every target gets two properties for free from the harness (nothing thrown, no input slower
// than the time limit); `check` adds the reader's own (locations inside the input, agreement with a
// reference parser, ...). A new reader joins by adding one module under targets/ that default-exports
// a target whose name is the module's file name.

import type fc from 'fast-check';

/** One file's text, or a project: POSIX paths relative to a virtual root mapped to their text. */
export type FuzzInput = string | Readonly<Record<string, string>>;

export interface Violation {
  /** The property that failed: `no-throw`, `time`, `locations`, `agreement`, `internal-error`, ... */
  property: string;
  message: string;
  /**
   * What makes two violations the same bug. A long run reports each signature once, and shrinking keeps
   * to the signature it started with, so the counterexample it ends with still shows the same bug.
   */
  signature: string;
}

export interface CheckResult {
  violations: Violation[];
  /** Counts a target keeps to show a property was exercised (e.g. how many inputs the reference parser accepted). */
  counters?: Record<string, number>;
}

export interface FuzzTarget<I extends FuzzInput = FuzzInput, O = unknown> {
  name: string;
  /** One line for `--list`. */
  description: string;
  /** Loads what the target needs once per worker (a reference parser, seed files). */
  setup?(): Promise<void>;
  /** Called after `setup`, so arbitraries may be built from loaded seeds. */
  arbitrary(): fc.Arbitrary<I>;
  /** Runs the reader on one input. A throw is a `no-throw` violation; this call alone is timed. */
  run(input: I): O;
  /** The target's own properties, on a run that returned. */
  check(input: I, output: O): CheckResult;
}

/** Identity, with the types checked: what every target module default-exports. */
export function defineTarget<I extends FuzzInput, O>(target: FuzzTarget<I, O>): FuzzTarget<I, O> {
  return target;
}

/** The text of each file of an input, keyed by path (a plain string is the file `input`). */
export function inputFiles(input: FuzzInput, name = 'input'): Record<string, string> {
  return typeof input === 'string' ? { [name]: input } : { ...input };
}

export function inputSize(input: FuzzInput): number {
  return typeof input === 'string' ? input.length : Object.values(input).reduce((n, t) => n + t.length, 0);
}
