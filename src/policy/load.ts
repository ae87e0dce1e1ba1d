// Reading the policy (found by find.ts, or given with --config), then the files it extends, by path relative
// to it. Every problem is a PolicyError naming the file and line, or a warning that leaves the rest of the
// policy in force.

import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import { readRegularFileSync } from '../core/regular-file.js';
import { findRepositoryTop } from '../discover/walk.js';
import { yamlNesting } from '../model/adapters/yaml-nesting.js';
import { parseYamlDocument } from '../model/adapters/yaml-parse.js';
import { PolicySchema, type Policy, type PolicyDocument } from './schema.js';

export { findPolicyFile } from './find.js';

/**
 * A policy file is small (a thousand settings are under 50 KB); past this it is refused rather than parsed,
 * as the YAML parser takes seconds on a few hundred kilobytes of broken YAML.
 */
export const MAX_POLICY_BYTES = 64 * 1024;
/** Files extending files: deeper than this is a mistake (or a loop). */
export const MAX_EXTENDS_DEPTH = 10;
/** Nesting of one policy document (a policy needs four or five levels). */
export const MAX_POLICY_NESTING = 32;

export class PolicyError extends Error {}

export interface LoadedPolicy {
  policy: Policy;
}

/** Reads `file` and what it extends into the policy in effect. `display` names paths in messages. */
export function loadPolicy(file: string, display: (path: string) => string = (p) => p): LoadedPolicy {
  const policy: Policy = { files: [], rules: [], safeDefaults: {}, dataClasses: [], customRules: [], suppressions: [], warnings: [] };
  readInto(resolve(file), policy, policy.warnings, display, []);
  return { policy };
}

function readInto(file: string, policy: Policy, warnings: string[], display: (path: string) => string, chain: string[]): void {
  const shown = display(file);
  if (chain.includes(file)) throw new PolicyError(`${shown}: extends itself (${[...chain, file].map(display).join(' → ')})`);
  if (chain.length > MAX_EXTENDS_DEPTH) throw new PolicyError(`${shown}: policies extend each other more than ${MAX_EXTENDS_DEPTH} deep`);
  let text: string;
  try {
    text = readRegularFileSync(file, { maxBytes: MAX_POLICY_BYTES, display: shown });
  } catch (error) {
    throw new PolicyError(error instanceof Error ? error.message : String(error));
  }
  const { document, ruleLines, suppressionLines, customRuleLines, warnings: found } = parsePolicyText(text, shown);
  for (const base of [document.extends ?? []].flat()) readInto(extendedFile(base, file, shown), policy, warnings, display, [...chain, file]);
  policy.files.push(shown);
  if (document.failOn !== undefined) policy.failOn = document.failOn;
  for (const [selector, setting] of Object.entries(document.rules ?? {})) {
    const line = ruleLines.get(selector);
    policy.rules.push({ selector, setting, file: shown, ...(line !== undefined ? { line } : {}) });
  }
  policy.safeDefaults = { ...policy.safeDefaults, ...document.safeDefaults };
  for (const [i, spec] of (document.customRules ?? []).entries()) {
    const line = customRuleLines[i];
    policy.customRules = [...policy.customRules.filter((r) => r.spec.id !== spec.id), { spec, file: shown, ...(line !== undefined ? { line } : {}) }];
  }
  // The refining file's classes are tried first: it knows its own resources best.
  policy.dataClasses = [...(document.dataClasses ?? []), ...policy.dataClasses];
  for (const [i, entry] of (document.suppressions ?? []).entries()) {
    const line = suppressionLines[i];
    policy.suppressions.push({ entry, file: shown, ...(line !== undefined ? { line } : {}) });
  }
  warnings.push(...found);
}

/** An npm package name, optionally with a file inside it: `@acme/bulwark-policy`, `acme-policy/strict.yaml`. */
const PACKAGE = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*)(?:\/(.+))?$/;

/**
 * The file an `extends` entry names: a path relative to the extending file, or, when no such file exists and
 * the entry reads as a package name, that package's policy in a node_modules folder between the extending file
 * and the repository top. A package gives its policy as `bulwark.yaml` at its top, as the file its
 * package.json's "bulwark" field names, or as the file after its name. Nothing in the package is run.
 */
function extendedFile(entry: string, from: string, shown: string): string {
  const local = resolve(dirname(from), entry);
  if (existsSync(local) || entry.startsWith('.') || entry.startsWith('/')) return local;
  const m = PACKAGE.exec(entry);
  if (!m) return local;
  const [, name, inner] = m;
  const top = findRepositoryTop(dirname(from)) ?? dirname(from);
  for (let d = dirname(from); ; d = dirname(d)) {
    const root = join(d, 'node_modules', name!);
    if (existsSync(root)) {
      if (!inner) return packagePolicy(root, shown);
      const named = resolve(root, inner);
      if (relative(root, named).startsWith('..')) throw new PolicyError(`${shown}: extends "${entry}", a file outside the package`);
      return named;
    }
    if (d === top || dirname(d) === d) break;
  }
  throw new PolicyError(`${shown}: extends "${entry}", which is neither a file next to it nor an installed package (no node_modules/${name} up to the repository top)`);
}

function packagePolicy(root: string, shown: string): string {
  const manifest = join(root, 'package.json');
  if (existsSync(manifest)) {
    let field: unknown;
    try {
      field = (JSON.parse(readRegularFileSync(manifest, { maxBytes: MAX_POLICY_BYTES })) as { bulwark?: unknown }).bulwark;
    } catch {
      throw new PolicyError(`${shown}: cannot read ${manifest}`);
    }
    if (typeof field === 'string' && field.trim()) {
      const named = resolve(root, field);
      // The package names a file of its own, never one outside it.
      if (relative(root, named).startsWith('..')) throw new PolicyError(`${shown}: ${manifest} names a policy outside its package`);
      return named;
    }
  }
  return join(root, 'bulwark.yaml');
}

export interface ParsedPolicy {
  document: PolicyDocument;
  /** The line of each setting under `rules`. */
  ruleLines: Map<string, number>;
  /** The line of each entry under `suppressions`, in order. */
  suppressionLines: (number | undefined)[];
  customRuleLines: (number | undefined)[];
  warnings: string[];
}

/** One policy file's text, validated: PolicyError (naming `shown` and the line) for anything wrong. */
export function parsePolicyText(text: string, shown: string): ParsedPolicy {
  const at = (line: number | undefined) => (line === undefined ? shown : `${shown}:${line}`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_POLICY_BYTES) throw new PolicyError(`${shown} is ${bytes.toLocaleString('en-US')} bytes, over the ${MAX_POLICY_BYTES.toLocaleString('en-US')} bytes limit`);
  // A policy is a few levels deep; deeper is refused before the YAML parser recurses into it.
  const nesting = yamlNesting(text);
  if (nesting.depth > MAX_POLICY_NESTING) throw new PolicyError(`${at(nesting.line)}: the policy nests ${nesting.depth} levels deep, over the limit of ${MAX_POLICY_NESTING}`);
  const lines = new LineCounter();
  // The model reader's YAML parser: it stops at the first syntax error and before nesting can exhaust the stack.
  const parsedYaml = parseYamlDocument(text, lines, { uniqueKeys: true });
  if ('error' in parsedYaml) throw new PolicyError(`${at(lines.linePos(parsedYaml.offset).line)}: ${parsedYaml.error}`);
  const doc = parsedYaml.doc;
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  // Aliases are bounded: a policy has no use for an alias bomb.
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new PolicyError(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = PolicySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown key is pointed at itself, not at the mapping holding it.
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const node = unknown !== undefined ? keyNode(doc.contents as YamlNode | null, [...issue.path.map(String), unknown]) : nodeAt(doc.contents as YamlNode | null, issue.path);
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new PolicyError(`${at(lineOf(node))}: ${issue.message}${where}`);
  }
  const document: PolicyDocument = parsed.data;
  const ruleLines = new Map<string, number>();
  for (const selector of Object.keys(document.rules ?? {})) {
    const line = lineOf(keyNode(doc.contents as YamlNode | null, ['rules', selector]));
    if (line !== undefined) ruleLines.set(selector, line);
  }
  const warnings: string[] = [];
  const arn = document.safeDefaults?.kmsKeyArn;
  if (arn !== undefined) {
    const warning = arnWarning(arn);
    if (warning) warnings.push(`${at(lineOf(nodeAt(doc.contents as YamlNode | null, ['safeDefaults', 'kmsKeyArn'])))}: ${warning}`);
  }
  const suppressionLines = (document.suppressions ?? []).map((_, i) => lineOf(nodeAt(doc.contents as YamlNode | null, ['suppressions', i])));
  const customRuleLines = (document.customRules ?? []).map((_, i) => lineOf(nodeAt(doc.contents as YamlNode | null, ['customRules', i])));
  const ids = (document.customRules ?? []).map((r) => r.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new PolicyError(`${at(customRuleLines[ids.lastIndexOf(twice)])}: custom rule ${twice} is declared twice`);
  return { document, ruleLines, suppressionLines, customRuleLines, warnings };
}

/** What looks wrong with a KMS key ARN, or undefined; never a reason to refuse it (examples use short account ids). */
export function arnWarning(arn: string): string | undefined {
  const m = /^arn:(aws[\w-]*):kms:([a-z0-9-]*):(\d*):(key|alias)\/(.+)$/.exec(arn);
  if (!m) return `kmsKeyArn "${arn}" does not look like a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID or alias/NAME)`;
  if (m[3]!.length !== 12) return `kmsKeyArn "${arn}" has a ${m[3]!.length}-digit account id; AWS account ids have 12 digits`;
  return undefined;
}

function nodeAt(root: YamlNode | null, path: readonly PropertyKey[]): YamlNode | null | undefined {
  let node: YamlNode | null | undefined = root;
  for (const key of path) {
    if (isMap(node)) node = node.get(String(key), true) as YamlNode | undefined;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key] as YamlNode | undefined;
    else return node;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The key node of the last step, for "this setting" lines. */
function keyNode(root: YamlNode | null, path: readonly string[]): YamlNode | undefined {
  const parent = nodeAt(root, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
  return (pair?.key as YamlNode | undefined) ?? undefined;
}
