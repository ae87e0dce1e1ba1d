// A Dockerfile as the scanner reads it: its instructions with offsets, grouped into build stages, each
// stage knowing the image or earlier stage it starts from. Parsed with `dockerfile-ast` (line
// continuations, heredocs, escape directives, flags); only this module touches that library.

import { DockerfileParser, type Instruction } from 'dockerfile-ast';

export interface DockerFlag {
  name: string;
  value: string | null;
}

export interface DockerInstruction {
  /** Upper case: `RUN`, `FROM`, `USER`. */
  keyword: string;
  /** The arguments with line continuations joined (heredoc bodies kept as written). */
  args: string;
  /** `--from=build`, `--chown=app` ... (flags of COPY, ADD, RUN, FROM, HEALTHCHECK). */
  flags: DockerFlag[];
  /** The arguments as separate words (quotes removed). */
  words: string[];
  start: number;
  end: number;
  /** Index of the stage it belongs to (-1: before the first FROM, ARG only). */
  stage: number;
}

export interface DockerStage {
  index: number;
  from: DockerInstruction;
  /** The image reference as written (`node:20-alpine`, `${BASE}`), or the earlier stage's name. */
  image: string;
  /** `AS build`. */
  name?: string;
  /** The earlier stage this one builds on (`FROM build`), if any. */
  parent?: number;
  instructions: DockerInstruction[];
}

export interface DockerFile {
  instructions: DockerInstruction[];
  stages: DockerStage[];
}

export function readDockerfile(text: string): DockerFile {
  // The parser counts lines as its text document does: `\r\n`, `\r` and `\n` each end one.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (ch === 10 || ch === 13) lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const parsed = DockerfileParser.parse(text);
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  const stageByName = new Map<string, number>();
  for (const node of parsed.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const range = node.getRange();
    const instruction: DockerInstruction = {
      keyword,
      args: node.getArgumentsContent() ?? '',
      flags: flagsOf(node),
      words: node.getArguments().map((a) => unquote(a.getValue())),
      start: offset(range.start),
      end: offset(range.end),
      stage: stages.length - 1,
    };
    if (keyword === 'FROM') {
      const words = instruction.words.filter((w) => !w.startsWith('--'));
      const image = words[0] ?? '';
      const asAt = words.findIndex((w) => w.toUpperCase() === 'AS');
      const name = asAt >= 0 ? words[asAt + 1] : undefined;
      const parent = stageByName.get(image.toLowerCase());
      const stage: DockerStage = { index: stages.length, from: instruction, image, ...(name ? { name } : {}), ...(parent !== undefined ? { parent } : {}), instructions: [] };
      instruction.stage = stage.index;
      stages.push(stage);
      if (name) stageByName.set(name.toLowerCase(), stage.index);
    }
    stages[instruction.stage]?.instructions.push(instruction);
    instructions.push(instruction);
  }
  return { instructions, stages };
}

function flagsOf(node: Instruction): DockerFlag[] {
  const withFlags = node as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags().map((f) => ({ name: f.getName(), value: f.getValue() })) : [];
}

function unquote(word: string): string {
  return word.length >= 2 && (word[0] === '"' || word[0] === "'") && word[word.length - 1] === word[0] ? word.slice(1, -1) : word;
}

/** The user a stage's image runs as: its last USER, else the user of the stage it builds on; undefined when never set. */
export function effectiveUser(file: DockerFile, stage: DockerStage): { user: string; at: DockerInstruction } | undefined {
  for (let s: DockerStage | undefined = stage; s; s = s.parent !== undefined ? file.stages[s.parent] : undefined) {
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    if (last) return { user: last.words[0] ?? '', at: last };
  }
  return undefined;
}
