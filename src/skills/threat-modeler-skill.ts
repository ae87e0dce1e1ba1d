// threat-modeler/SKILL.md: when to trigger, the mission's workflow (parse → components, flows and trust
// boundaries → STRIDE → risk register → high risks? → mitigations → present to the architect), and how to
// call Bulwark for each step.

import { THREAT_STATUSES } from '../model/engine/types.js';
import { frontmatter } from './frontmatter.js';
import type { SkillScript } from './scripts.js';
import { STRIDE_FILES } from './stride-files.js';

export const THREAT_MODELER = 'threat-modeler';

const DESCRIPTION =
  'STRIDE threat modelling of a software design with the Bulwark CLI: components, data flows, trust boundaries, a risk register with severities, and mitigations. ' +
  'Use when an architecture diagram (Mermaid, PlantUML, C4) or a design doc or plain-language description of a system is provided, ' +
  'when the user says "threat model this" or asks "is this secure?" about a design, architecture or feature, ' +
  'or before building a new service, API, login or OAuth flow, upload path, queue or data store. ' +
  "Also models a whole repository (docker-compose, Terraform, Kubernetes, Dockerfiles, Node.js and Python code) with file:line evidence. Offline and deterministic.";

export function threatModelerSkill(scripts: readonly SkillScript[]): string {
  const body = `
# Threat modeler

Bulwark does the analysis (offline, the same output for the same input); you hold the conversation, check
the parsed design with the architect, and explain the results. Do not invent threats Bulwark did not report:
if you add one from your own judgement, label it as yours.

## Workflow

1. **Parse.** Save the design to a file: a diagram as \`.mmd\` (Mermaid) or \`.puml\` (PlantUML), prose as
   \`.md\` or \`.txt\`, or a Bulwark YAML model. A folder models the repository itself. Run
   \`scripts/parse_diagram.sh design.md\`.
2. **Identify components, data flows and trust boundaries.** Read \`model\` in the JSON: \`elements\` (each
   with \`kind\` and \`boundary\`), \`flows\` (\`source\` → \`target\`, \`label\`, \`data\`) and \`boundaries\`.
   \`inferred\` and \`warnings\` say what Bulwark assumed. When the input was prose or a sketch, show the
   architect the components and boundaries and ask what is missing or wrong before going on. To correct
   the model, write it out with \`bulwark model design.md --format yaml > design.yaml\`, edit it and model
   that file: element properties such as \`authenticatesCallers\`, \`tokenValidation\`, \`leastPrivilege\`,
   \`encryptedAtRest\`, and flow properties \`encrypted\` and \`authenticated\`. Only state what the
   design really does: each stated control removes the threats it answers.
3. **STRIDE.** Run \`scripts/threat_model.sh design.md\`. \`threats\` are the open threats, each with
   \`stride\`, \`severity\`, \`riskScore\` (0-10), \`title\`, \`description\` and \`mitigations\` (ids).
   \`mitigatedByDesign\` lists threats the design's own controls removed, with the reason.
4. **Risk register.** \`counts\` gives the threats by severity. Order the register by \`riskScore\`.
5. **High risks?** For every critical or high threat, look its mitigation ids up in
   [references/mitigations.md](references/mitigations.md): the steps, the change for the stack in use, and
   the auditor rules that check it in infrastructure code. If there are none, say so and stop at the register.
6. **Mitigations, presented to the architect.** Present:
   - one line of counts (Critical / High / Medium / Low);
   - a table: STRIDE | threat | severity | mitigation, highest risk first;
   - for each high risk, the concrete mitigation steps;
   - what Bulwark assumed or could not tell, as questions for the architect.

   Present before changing anything: the architect decides. Record decisions only when asked:
   \`bulwark model design.md --update-tracking\` adds the open threats to \`bulwark-threats.yaml\`, where
   each gets a status (${THREAT_STATUSES.join(', ')}) that later runs apply.

## Calling Bulwark

The scripts are in this skill's \`scripts/\` folder and call the installed \`bulwark\` CLI
(\`npm install --global bulwark\`); they print JSON on stdout.

${scripts.map((s) => `- \`scripts/${s.name}\`: ${s.purpose} Usage: \`${s.usage}\``).join('\n')}

Other useful commands: \`bulwark model design.md\` (the register as Markdown, to hand over),
\`bulwark model --diff old.md new.md --format json\` (what a design change adds or removes), and
\`bulwark model . --format json\` (a repository: docker-compose, Terraform, Kubernetes, Dockerfiles, Node.js and Python
code, with the auditor's findings joined; each threat's \`verification\` says whether the repository confirms it).
Exit codes: 0 done, 2 usage error, 3 internal error (1 only with \`--fail-on\`).

## References

- [references/mitigations.md](references/mitigations.md): the mitigation library.
${STRIDE_FILES.map((f) => `- [references/stride-patterns/${f.file}](references/stride-patterns/${f.file}): ${f.scope}.`).join('\n')}

Read a pattern file to explain why a threat applies or which stated fact would remove it.
`;
  return frontmatter(THREAT_MODELER, DESCRIPTION) + body;
}
