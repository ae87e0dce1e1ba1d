// The CLI run in-process, as a test sees it: exit code and what went to each stream.
import { run } from '../../src/cli/main.js';
import { capturedIo } from '../../src/cli/support/io.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `bulwark argv…` in `cwd`; `answers` are what a person at a terminal types, in order. */
export async function runCli(cwd: string, argv: readonly string[], options: { answers?: string[] } = {}): Promise<CliRun> {
  const io = capturedIo({ cwd, ...(options.answers ? { answers: options.answers } : {}) });
  const code = await run([...argv], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}
