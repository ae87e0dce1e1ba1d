// `bulwark model`: read a design (diagram, description, YAML model, Threat Dragon), run STRIDE analysis,
// apply tracked decisions, render the threat model, and turn `--fail-on` into an exit code.
// `bulwark model --diff OLD NEW` compares the threats of two designs for PR review.
// Only the registration lives here; the modeller loads when the command runs (see ./model-run.ts).

import { Command, Option } from 'commander';
import { SEVERITIES } from '../../core/types.js';
import { INPUT_FORMATS } from '../../model/adapters/formats.js';
import type { CliIo } from '../support/io.js';
import { DEFAULT_TRACKING_FILE, DIFF_FORMATS, MODEL_FORMATS, type ModelCliOptions } from './model-options.js';

export { DIFF_FORMATS, MODEL_FORMATS, type ModelFormat } from './model-options.js';
const FAIL_ON_CHOICES = [...SEVERITIES, 'none'] as const;

const HELP_AFTER = `
Input formats (picked by extension, then content, unless --from is given):
  mermaid (.mmd, fenced in .md)  plantuml (.puml)  prose (.txt, .md)  yaml (.yaml: the Bulwark model)
  json (the Bulwark model as JSON)  threat-dragon (Threat Dragon v2 .json)

Tracking: decisions in ${DEFAULT_TRACKING_FILE} (or --tracking FILE) are applied when the file exists;
--update-tracking adds new open threats to it, keeping existing decisions and comments.

Examples:
  bulwark model design.md
  bulwark model .                      (the repository: docker-compose and design documents)
  bulwark model architecture.mmd --format sarif --output threats.sarif --fail-on high
  bulwark model system.yaml --update-tracking
  bulwark model --diff old/system.yaml system.yaml --format markdown
  bulwark model --diff ../main-checkout .  (two versions of a repository)

Exit codes:
  0  no open threat at or above --fail-on (default: none)
  1  open threats at or above --fail-on (with --diff: threats added or worsened at or above it)
  2  usage error (unknown option, bad value, missing file)
  3  internal error (set BULWARK_DEBUG=1 for a stack trace)`;

export function registerModelCommand(program: Command, io: CliIo): Command {
  return program
    .command('model')
    .description('Threat-model a design: STRIDE threats, risk register and mitigations from a diagram or description.')
    .argument('[file]', 'the design: Mermaid, PlantUML, plain text/Markdown, Bulwark YAML/JSON, Threat Dragon JSON, Threagile YAML or Open Threat Model (OTM) JSON/YAML; or a repository folder (default: the current directory), modelled from its docker-compose files, Terraform (AWS), Kubernetes manifests, Dockerfiles, Node.js and Python application code and design documents, with the auditor’s findings as evidence')
    .addOption(new Option('--from <format>', 'input format (default: detected)').choices(INPUT_FORMATS))
    .addOption(new Option('-f, --format <format>', `output format: ${MODEL_FORMATS.join('|')} (with --diff: ${DIFF_FORMATS.join('|')})`))
    .option('-o, --output <file>', 'write the report to a file (- for stdout); a file is replaced atomically, keeping its mode')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open threat is at or above this severity').choices(FAIL_ON_CHOICES).default('none'))
    .option('--tracking <file>', `decisions file (default: ${DEFAULT_TRACKING_FILE} in the current directory, if present)`)
    .option('--update-tracking', 'add new open threats to the tracking file, keeping existing decisions')
    .option('--diff <files...>', 'compare two designs (files or repository folders): --diff OLD NEW')
    .option('-q, --quiet', 'no notes or warnings on stderr')
    .option('--project-root <dir>', 'make reported paths relative to this directory (default: the git top level, else the working directory)')
    .addHelpText('after', HELP_AFTER)
    .action(async (file: string | undefined, options: ModelCliOptions) => {
      // Loaded on demand: other commands and `--help` need no modeller, knowledge base or schemas.
      const { runDiff, runModel } = await import('./model-run.js');
      if (options.diff) await runDiff(file, options, io);
      else await runModel(file, options, io);
    });
}
