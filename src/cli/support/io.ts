// What a CLI command may touch of the outside world. Commands take a CliIo instead of `process`,
// so tests run the whole CLI in-process with captured output, a chosen cwd and environment.

export interface CliStream {
  write(text: string): unknown;
  /** True when the stream is an interactive terminal (colour, progress). */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** Environment variables (NO_COLOR, FORCE_COLOR, BULWARK_DEBUG, ...). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths on the command line are resolved against. */
  cwd: string;
  /** Standard input as text, read only when a command is given `-`; absent when there is none. */
  readStdin?: () => Promise<string>;
  /** Asks a person one question and returns the answer line; absent when no one is there (no terminal). */
  ask?: (question: string) => Promise<string>;
}

/** Standard input is read up to this many bytes: the same bound as a file named on the command line. */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/** Process exit codes; documented in docs/cli.md and the `--help` epilogue. */
export const ExitCode = {
  /** No finding at or above the `--fail-on` threshold. */
  Ok: 0,
  /** Findings at or above the threshold. */
  Findings: 1,
  /** Bad option, bad value, missing path. */
  Usage: 2,
  /** A bug or an unexpected I/O failure. */
  Internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Thrown by a command to end with a specific exit code. An empty message ends quietly (the command has
 * already printed its output); otherwise the message goes to stderr.
 */
export class CliExit extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message = '',
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

export function usageError(message: string): CliExit {
  return new CliExit(ExitCode.Usage, message);
}

/** The real process streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => readProcessStdin(MAX_STDIN_BYTES),
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {}),
  };
}

/** One question on the terminal (asked on standard error, so standard output stays the command's). */
async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function readProcessStdin(maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      process.stdin.destroy();
      throw usageError(`standard input is over the ${maxBytes / 1048576} MB limit`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

export interface CapturedIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
}

/** An in-memory CliIo for tests and embedding; streams are not TTYs unless asked. */
export function capturedIo(
  options: { cwd?: string; env?: Record<string, string | undefined>; stdoutIsTTY?: boolean; stderrIsTTY?: boolean; stdin?: string; answers?: string[] } = {},
): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const answers = options.answers ? [...options.answers] : undefined;
  return {
    stdout: { write: (text) => out.push(text), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (text) => err.push(text), isTTY: options.stderrIsTTY ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.stdin !== undefined ? { readStdin: async () => options.stdin! } : {}),
    // With answers, a person is there: each question is recorded on stderr and takes the next answer.
    ...(answers ? { ask: async (question: string) => (err.push(question), answers.shift() ?? '') } : {}),
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
  };
}

/** Colour on a stream: a TTY, not disabled by NO_COLOR (any non-empty value) or `--no-color`; FORCE_COLOR forces it. */
export function useColor(io: CliIo, stream: CliStream, requested: boolean): boolean {
  if (!requested) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
