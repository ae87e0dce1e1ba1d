// `bulwark rules`: the built-in rules as a table, or JSON for tools.
// The rule list loads when the command runs, so other commands do not pay for it at start-up.

import { Command, Option } from 'commander';
import type { CliIo } from '../support/io.js';

export function registerRulesCommand(program: Command, io: CliIo): Command {
  return program
    .command('rules')
    .description('List the built-in rules with their severity and the matching Checkov / Trivy ids.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }) => {
      const { listRules } = await import('./rules-list.js');
      io.stdout.write(listRules(options.format));
    });
}
