// Builds the two agent skills (threat-modeler and iac-security-auditor) from the knowledge base, the rule
// metadata and the policy schema: nothing in them is written by hand. `bulwark skills build` and
// `bulwark init` write this output; a test fails when the committed skills/ folder differs from it.

import { auditorSkill, IAC_AUDITOR } from './auditor-skill.js';
import { renderMitigations } from './mitigations-doc.js';
import { renderSafeDefaults } from './safe-defaults-doc.js';
import { auditorScripts, threatModelerScripts } from './scripts.js';
import { renderStridePatternFiles } from './stride-patterns.js';
import { THREAT_MODELER, threatModelerSkill } from './threat-modeler-skill.js';
import { renderViolationsLibrary } from './violations-doc.js';

export const SKILL_NAMES = [THREAT_MODELER, IAC_AUDITOR] as const;

export interface SkillFile {
  /** POSIX path below the skills folder: `threat-modeler/SKILL.md`. */
  path: string;
  text: string;
  executable: boolean;
}

/** Every file of both skills, in a stable order. */
export function buildSkills(): SkillFile[] {
  const files: SkillFile[] = [];
  const add = (path: string, text: string, executable = false) => files.push({ path, text, executable });

  const modelerScripts = threatModelerScripts();
  add(`${THREAT_MODELER}/SKILL.md`, threatModelerSkill(modelerScripts));
  add(`${THREAT_MODELER}/references/mitigations.md`, renderMitigations());
  for (const [name, text] of renderStridePatternFiles()) add(`${THREAT_MODELER}/references/stride-patterns/${name}`, text);
  for (const s of modelerScripts) add(`${THREAT_MODELER}/scripts/${s.name}`, s.text, true);

  const scripts = auditorScripts();
  add(`${IAC_AUDITOR}/SKILL.md`, auditorSkill(scripts));
  add(`${IAC_AUDITOR}/references/safe-defaults.json`, renderSafeDefaults());
  add(`${IAC_AUDITOR}/references/violations-library.md`, renderViolationsLibrary());
  for (const s of scripts) add(`${IAC_AUDITOR}/scripts/${s.name}`, s.text, true);
  return files;
}
