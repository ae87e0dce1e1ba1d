// What the Dockerfile rules share: the shell commands of a RUN instruction, the final stage, the image
// reference of a FROM, and the edits their fixes make.

import type { ComplianceRef } from '../../../core/compliance.js';
import type { DockerFile, DockerInstruction, DockerStage } from '../../../parse/dockerfile/read.js';
import type { TextEdit } from '../../../edit/text-edit.js';
export { parseImage } from '../../images.js';

export const DOCKER_COMPLIANCE = {
  leastPrivilege: [
    { framework: 'NIST-800-53', control: 'AC-6' },
    { framework: 'ISO27001', control: 'A.8.2' },
    { framework: 'SOC2', control: 'CC6.1' },
  ],
  configuration: [
    { framework: 'NIST-800-53', control: 'CM-6' },
    { framework: 'ISO27001', control: 'A.8.9' },
  ],
  integrity: [
    { framework: 'NIST-800-53', control: 'SI-7' },
    { framework: 'NIST-800-53', control: 'CM-6' },
  ],
  secrets: [
    { framework: 'PCI-DSS', control: '8.6.2' },
    { framework: 'NIST-800-53', control: 'IA-5(7)' },
    { framework: 'ISO27001', control: 'A.5.17' },
  ],
} satisfies Record<string, ComplianceRef[]>;

export const DOCKERFILE_REFERENCE = 'https://docs.docker.com/reference/dockerfile/';

/** The stage the image is built from: the last one. */
export function finalStage(file: DockerFile): DockerStage {
  return file.stages[file.stages.length - 1]!;
}

/** The text a RUN executes: its shell form, or the body of its heredocs. */
export function runScript(run: DockerInstruction): string {
  const heredoc = /^<<-?\s*["']?(\w+)["']?[^\n]*\n([\s\S]*?)\n\s*\1\s*$/.exec(run.args.trim());
  if (heredoc) return heredoc[2]!;
  if (run.args.trimStart().startsWith('[')) {
    try {
      const argv = JSON.parse(run.args) as unknown;
      if (Array.isArray(argv)) return argv.map(String).join(' ');
    } catch {
      // not valid JSON: the shell form
    }
  }
  return run.args;
}

/** The simple commands of a script, as words: split at `&&`, `||`, `;`, `|`, newlines and `(`/`)`. */
export function commandsOf(script: string): string[][] {
  return script
    .split(/&&|\|\||;|\||\n|\(|\)/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, '')))
    .filter((words) => words.length > 0);
}

/** Every RUN with its commands. */
export function runs(file: DockerFile): { run: DockerInstruction; commands: string[][] }[] {
  return file.instructions.filter((i) => i.keyword === 'RUN').map((run) => ({ run, commands: commandsOf(runScript(run)) }));
}

/** The words of a command after a leading `sudo`, `env X=1` or `exec`. */
export function bare(command: string[]): string[] {
  let i = 0;
  while (i < command.length && (command[i] === 'sudo' || command[i] === 'exec' || command[i] === 'env' || /^\w+=/.test(command[i]!) || (command[i - 1] === 'sudo' && command[i]!.startsWith('-')))) i++;
  return command.slice(i);
}

/** Stages that start from an image (not `scratch`, not an earlier stage, not a variable). */
export function imageStages(file: DockerFile): DockerStage[] {
  return file.stages.filter((s) => s.parent === undefined && s.image.toLowerCase() !== 'scratch' && !s.image.includes('$'));
}

/** The line ending of a text. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Inserts a line before the line holding `at` (an instruction's start). */
export function insertLineBefore(text: string, at: number, line: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return { start: lineStart, end: lineStart, text: `${line}${eolOf(text)}` };
}

/** Inserts a line after the instruction ending at `end` (a file without a final newline gets one between). */
export function insertLineAfter(text: string, end: number, line: string): TextEdit {
  const newline = text.indexOf('\n', end);
  const at = newline < 0 ? text.length : newline + 1;
  return { start: at, end: at, text: newline < 0 ? `${eolOf(text)}${line}` : `${line}${eolOf(text)}` };
}

/** A `# NEEDS YOUR INPUT:` comment above an instruction (once). */
export function markForInput(text: string, at: DockerInstruction, question: string): TextEdit[] {
  const lineStart = text.lastIndexOf('\n', at.start - 1) + 1;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
  if (above.includes('NEEDS YOUR INPUT:')) return [];
  return [insertLineBefore(text, at.start, `# NEEDS YOUR INPUT: ${question.replace(/[\r\n]+/g, ' ')}`)];
}
