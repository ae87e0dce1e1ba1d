// `bulwark skills build [--out DIR]`: writes the threat-modeler and iac-security-auditor agent skills,
// generated from the knowledge base, the rule metadata and the policy schema.

import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { SETUP_EXIT_CODES_HELP } from '../support/help.js';
import { usageError, type CliIo } from '../support/io.js';

export function registerSkillsCommand(program: Command, io: CliIo): Command {
  const skills = program.command('skills').description('Agent Skills for coding agents (threat-modeler, iac-security-auditor), generated from the knowledge base.');
  skills
    .command('build')
    .description('Write both skill folders (SKILL.md, references, scripts) from the knowledge base and rule metadata.')
    .option('--out <dir>', 'the folder to write them in', 'skills')
    .addHelpText('after', `\nExamples:\n  bulwark skills build\n  bulwark skills build --out .claude/skills\n${SETUP_EXIT_CODES_HELP}`)
    .action(async (options: { out: string }) => {
      const out = resolve(io.cwd, options.out);
      const parent = resolve(out, '..');
      if (!existsSync(parent)) throw usageError(`folder not found: ${relative(io.cwd, parent) || parent}`);
      const { writeSkills } = await import('./skills-write.js');
      let result;
      try {
        result = await writeSkills(out);
      } catch (error) {
        throw usageError(error instanceof Error ? error.message : String(error));
      }
      const shown = relative(io.cwd, out) || '.';
      io.stderr.write(
        `Skills in ${shown}: ${result.written.length} files written, ${result.unchanged} unchanged${result.removed.length ? `, ${result.removed.length} removed` : ''}.\n`,
      );
    });
  return skills;
}
