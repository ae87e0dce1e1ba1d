// Infrastructure-as-code files told apart by their first lines: the auditor claims them by these, and the
// threat modeller names them when one is given to it instead of a design. Pure text checks, no parsing.

/** Top-level YAML key at the start of a line (not indented). */
const topKey = (key: string) => new RegExp(`^${key}\\s*:`, 'm');
const jsonKey = (key: string) => new RegExp(`"${key}"\\s*:`);

export function isCloudFormation(head: string): boolean {
  if (topKey('AWSTemplateFormatVersion').test(head) || jsonKey('AWSTemplateFormatVersion').test(head)) return true;
  if (/^Transform\s*:\s*['"]?AWS::Serverless/m.test(head) || /"Transform"\s*:\s*"AWS::Serverless/.test(head)) return true;
  // `Resources` must be a map of logical ids (a CodeDeploy AppSpec has a list there, with AWS:: types too).
  // Blank and comment lines are skipped one whole line at a time: `\s*` there could also take newlines, and
  // the ways to split a run of blank lines between them grow exponentially when nothing follows.
  const yamlResources = /^Resources[ \t]*:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*[ \t]+["']?[A-Za-z0-9]+["']?[ \t]*:/m.test(head);
  const jsonResources = /"Resources"\s*:\s*\{\s*"[A-Za-z0-9]+"\s*:\s*\{/.test(head);
  return (yamlResources || jsonResources) && (/\bType\s*:\s*['"]?(AWS|Alexa|Custom)::/.test(head) || /"Type"\s*:\s*"(AWS|Alexa|Custom)::/.test(head));
}

/** `apiVersion` and `kind` at the top level: a Kubernetes object (YAML or JSON). */
export function isKubernetesManifest(head: string): boolean {
  return (topKey('apiVersion').test(head) && topKey('kind').test(head)) || (/^\s*[{[]/.test(head) && jsonKey('apiVersion').test(head) && jsonKey('kind').test(head));
}

/** A compose file by content: top-level `services` holding `image` or `build` keys, and no `apiVersion`. */
export function isCompose(head: string): boolean {
  // `[ \t]+`, not `\s+`: starting at every line, `\s+` ran across the blank lines below it (quadratic time).
  return topKey('services').test(head) && /^[ \t]+(image|build)[ \t]*:/m.test(head) && !topKey('apiVersion').test(head);
}

export const COMPOSE_NAME = /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/i;
