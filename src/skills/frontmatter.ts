// SKILL.md frontmatter as the Agent Skills specification states it: `name` (lowercase letters, digits and
// single hyphens, at most 64 characters, the folder's name) and `description` (at most 1,024 characters; no
// angle brackets, which Claude Code's validator rejects). Checked here so a bad skill is never written.

import { stringify } from 'yaml';

export const SKILL_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_NAME = 64;
export const MAX_DESCRIPTION = 1024;
export const MAX_BODY_LINES = 500;

export function frontmatter(name: string, description: string): string {
  if (!SKILL_NAME.test(name) || name.length > MAX_NAME) throw new Error(`invalid skill name: ${name}`);
  if (description.length > MAX_DESCRIPTION || /[<>]/.test(description)) throw new Error(`invalid description for skill ${name}`);
  return `---\n${stringify({ name, description }, { lineWidth: 0 })}---\n`;
}
