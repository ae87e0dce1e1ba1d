// Scanners that run in this thread are written as generators that yield between files: run to the end at
// once for in-memory scans, or in time slices for `scan()`, so the Terraform stage's worker threads, which
// wait on this thread for their next batch, keep working meanwhile.

export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, letting other work (worker messages) in every `sliceMs` milliseconds. */
export async function runStepsInSlices<T>(steps: Steps<T>, sliceMs = 10): Promise<T> {
  let last = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - last >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = performance.now();
    }
  }
}
