// What rules over Dockerfiles see: the whole file (its stages and instructions), the policy's safe
// defaults, and `report`, which points at an instruction and may hand the rule's fix what it needs.

import type { SafeDefaults } from '../core/safe-defaults.js';
import type { DockerFile, DockerInstruction, DockerStage } from '../parse/dockerfile/read.js';

export interface DockerfileReport {
  message: string;
  /** The offending instruction; default: the stage's FROM (or the first line). */
  at?: DockerInstruction;
  /** The stage the finding is about (its FROM names the resource); default: the one holding `at`, else the last. */
  stage?: DockerStage;
  /** Names the part for the fingerprint (`USER`, `RUN apt-get`); default: the instruction's keyword. */
  part?: string;
  fixData?: unknown;
}

export interface DockerfileRuleContext {
  defaults: Readonly<SafeDefaults>;
  report(report: DockerfileReport): void;
}

export interface DockerfileCheck {
  check(file: DockerFile, ctx: DockerfileRuleContext): void;
}
