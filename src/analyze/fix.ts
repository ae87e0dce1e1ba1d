// What a rule's fix sees and returns. A fix works on the source as written (the syntax tree with its
// ranges), never on evaluated values, so what it writes is exactly what a person would type there.

import type { SafeDefaults } from '../core/safe-defaults.js';
import type { Finding } from '../core/types.js';
import type { TextEdit } from '../edit/text-edit.js';
import type { Attribute, Block, HclFile } from '../parse/hcl/ast.js';

/** A change to propose: automatic, or one that marks a decision only a person can make. */
export interface FixProposal {
  kind: 'automatic' | 'needs-input';
  /** What the change does, one sentence (`Sets monitoring = true on aws_instance.web.`). */
  description: string;
  edits: TextEdit[];
  /** For `needs-input`: the decision to make, also written into the file where the format has comments. */
  question?: string;
  /** Lines the fix also needs in another file (a `.env.example` entry for a variable it introduces). */
  companions?: CompanionLine[];
}

/**
 * One line another file must hold: appended when no line there declares `key` yet; the file is created
 * when it does not exist. Paths are relative to the project root, like the finding's.
 */
export interface CompanionLine {
  file: string;
  /** The name the line declares (`DB_PASSWORD`); a line already declaring it is left alone. */
  key: string;
  line: string;
}

/** No fix here, and why (the value comes from a variable, the block is written on one line, …). */
export interface FixDeclined {
  declined: string;
}

export type FixOutcome = FixProposal | FixDeclined;

export function isDeclined(outcome: FixOutcome): outcome is FixDeclined {
  return 'declined' in outcome;
}

/** A top-level block of the module (the directory) holding the finding, with its file. */
export interface ModuleBlock {
  file: HclFile;
  block: Block;
}

export interface TerraformFixContext {
  finding: Finding;
  /** The file holding the finding's resource; every edit applies to it. */
  file: HclFile;
  /** The resource (or data source, provider or variable) block the finding names. */
  resource: Block;
  /** The attribute or nested block the finding points at, when it is not the resource itself. */
  at?: Attribute | Block;
  /** The policy's safe defaults (empty without a policy). */
  defaults: SafeDefaults;
  /** Top-level blocks of the module directory, in every file of it (for names and references). */
  moduleBlocks: readonly ModuleBlock[];
  /** A value computed once per module directory (an index of its references, say) and shared by every fix in it. */
  memo<T>(key: symbol, create: () => T): T;
}

export type TerraformFixer = (ctx: TerraformFixContext) => FixOutcome;

export interface RuleFix {
  terraform?: TerraformFixer;
  /** Fixes Kubernetes manifests from what the check handed over (see yaml-rule.ts). */
  kubernetes?: YamlFixer;
  /** Fixes Dockerfiles from what the check handed over (text edits at instruction offsets). */
  dockerfile?: YamlFixer;
  /** Fixes compose files from what the check handed over. */
  compose?: YamlFixer;
  /**
   * Rules whose checks apply only once this fix is in (MFA delete applies to versioned buckets): their findings on
   * the fixed resource are reported as brought into scope, not held against the fix.
   */
  bringsIntoScope?: string[];
}

// Fixes of YAML formats: the check hands its fix what it found (a container's node, say) through `fixData`.
export interface YamlFixContext<FixData = unknown> {
  finding: Finding;
  /** The text of the finding's file, as scanned; every edit applies to it. */
  text: string;
  defaults: Readonly<SafeDefaults>;
  /** What the check handed over when it reported. */
  data: FixData;
}

export type YamlFixer<FixData = any> = (ctx: YamlFixContext<FixData>) => FixOutcome;
