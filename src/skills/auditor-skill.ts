// iac-security-auditor/SKILL.md: when to trigger, the mission's workflow (scan → violations? → safe defaults →
// auto-fix where possible, asking first and showing the diff → report → suggest what needs a person), and how
// to call Bulwark for each step.

import { frontmatter } from './frontmatter.js';
import { readsFormat } from './formats-read.js';
import type { SkillScript } from './scripts.js';

export const IAC_AUDITOR = 'iac-security-auditor';

const DESCRIPTION =
  'Audits infrastructure as code with the Bulwark CLI and fixes what it safely can. ' +
  'Use whenever an IaC file is created or modified (Terraform .tf, Kubernetes manifests, Dockerfiles, docker-compose files, CloudFormation templates), ' +
  'when the user asks "is this secure?" about infrastructure or a configuration change, asks to check IaC against the company safe defaults in bulwark.yaml, ' +
  'or before committing infrastructure changes. Reports violations with file:line, severity and compliance controls, ' +
  'proposes verified fixes as a diff and applies them only after the user agrees.';

export function auditorSkill(scripts: readonly SkillScript[]): string {
  const cloudFormation = readsFormat('cloudformation')
    ? ''
    : '\nCloudFormation templates are found but not checked yet: the scan names them in a `format-not-read`\ndiagnostic. Say so rather than reporting a template as clean.\n';
  const body = `
# IaC security auditor

Bulwark scans and fixes (offline, deterministic); you run it when infrastructure changes, explain what it
found, and ask before changing files.

## Workflow

1. **Scan** the files that changed (or the folder): \`scripts/scan_iac.sh infra/main.tf\`. Findings are in
   \`findings\`: \`ruleId\`, \`severity\`, \`message\`, \`location.file\` and \`location.range.start.line\`,
   \`resource\`, \`remediation\`, \`risk.score\` (0-10) and \`complianceFailures\`. Read \`diagnostics\` too:
   files not checked, parse errors and the policy applied.
2. **Violations?** None: say the files were checked and are clean (only if \`diagnostics\` shows nothing
   was skipped), and stop.
3. **Check against the safe defaults.** The scan already applies the company policy (\`bulwark.yaml\`, found
   from the scanned path up to the repository top): required KMS key, allowed ports and CIDRs, required
   tags, approved images. [references/safe-defaults.json](references/safe-defaults.json) lists every
   setting and the rules that read it; suggest setting the ones a fix asked for.
4. **Auto-fix where possible.** \`scripts/auto_fix.sh infra/\` proposes verified fixes without writing
   anything; a finding's \`fix.kind\` is \`automatic\` or \`needs-input\`. Show the person the diff
   (\`bulwark fix infra/\` prints it) and **ask before fixing**. Only after a yes, write it:
   \`bulwark fix infra/ --write\` (narrow with \`--rule ID\`). Critical changes always need the person's
   approval. Never guess values such as ports or keys: Bulwark writes \`# NEEDS YOUR INPUT:\` there.
5. **Report** the violations, highest risk first: severity, rule id, resource, \`file:line\`, what is wrong
   and why it matters (see [references/violations-library.md](references/violations-library.md)), and which
   were fixed.
6. **Suggest** the fixes that need a person (\`needs-input\` and rules without an automatic fix), using each
   rule's "Fix" text in the violations library. A known-safe pattern can be suppressed in \`bulwark.yaml\`
   with a reason and an expiry; suggest it, do not add it unasked.
${cloudFormation}
## Calling Bulwark

The scripts are in this skill's \`scripts/\` folder and call the installed \`bulwark\` CLI
(\`npm install --global bulwark\`); they print JSON on stdout.

${scripts.map((s) => `- \`scripts/${s.name}\`: ${s.purpose} Usage: \`${s.usage}\``).join('\n')}

Other useful commands: \`bulwark scan . --fail-on critical\` (exit 1 on critical findings, as CI does),
\`bulwark rules\` (every rule), \`bulwark scan . --compliance pci-dss\` (a framework's controls),
\`bulwark baseline\` (accept legacy findings so only new ones block).
Exit codes: 0 done, 1 findings at or above \`--fail-on\` (the scripts pass \`--fail-on none\`), 2 usage
error, 3 internal error.

## References

- [references/violations-library.md](references/violations-library.md): every rule with its fix, and the day-one violations.
- [references/safe-defaults.json](references/safe-defaults.json): the safe-default settings of \`bulwark.yaml\`.
`;
  return frontmatter(IAC_AUDITOR, DESCRIPTION) + body;
}
