// Formats Bulwark recognises but does not read yet. Each claims its files like a real scanner, so they
// are named in the report as not checked instead of being passed over, and a scan of nothing else
// never reads as an all-clear. A format that Bulwark learns to read replaces its entry here.

import { FORMATS, type FormatId } from '../core/formats.js';
import { isCloudFormation } from '../core/iac-content.js';
import { plural } from '../core/plural.js';
import type { FormatOutcome, FormatScanInput, FormatScanner, SourceFile } from './format.js';

export { COMPOSE_NAME, isCompose, isKubernetesManifest } from '../core/iac-content.js';

const YAML = /\.ya?ml$/i;
const JSON_FILE = /\.json$/i;

/** Top-level JSON key. */
const jsonKey = (key: string) => new RegExp(`"${key}"\\s*:`);

const HELM_OBJECT = /\.(Values|Release|Chart|Capabilities|Files)\b/;

/**
 * A `{{ ... .Values ... }}` action in a file under `templates/`. Each action is searched once, from its
 * first `{{` to the next `}`: a pattern restarting at every `{{` took quadratic time on text full of them.
 */
function isHelmTemplate(rel: string, head: string): boolean {
  if (!/(^|\/)templates\//.test(rel)) return false;
  for (let open = head.indexOf('{{'); open >= 0; ) {
    const close = head.indexOf('}', open + 2);
    if (HELM_OBJECT.test(head.slice(open + 2, close < 0 ? head.length : close + 1))) return true;
    if (close < 0) return false;
    open = head.indexOf('{{', close + 1);
  }
  return false;
}

interface Recogniser {
  id: FormatId;
  mayClaim(name: string): boolean;
  claims(rel: string, head: () => string): boolean;
  /** What users can do until Bulwark reads it, given the files. */
  hint?: (rels: readonly string[]) => string;
}

const RECOGNISERS: readonly Recogniser[] = [
  {
    id: 'terraform-plan',
    mayClaim: (name) => JSON_FILE.test(name),
    claims: (_, head) => jsonKey('format_version').test(head()) && (jsonKey('resource_changes').test(head()) || jsonKey('planned_values').test(head())),
  },
  { id: 'opentofu', mayClaim: (name) => /\.tofu$/.test(name), claims: () => true },
  {
    id: 'cloudformation',
    mayClaim: (name) => YAML.test(name) || JSON_FILE.test(name) || /\.template$/i.test(name),
    claims: (_, head) => isCloudFormation(head()),
  },
  {
    id: 'helm',
    mayClaim: (name) => YAML.test(name) || name === 'Chart.yaml' || /\.tpl$/.test(name),
    claims: (rel, head) => /(^|\/)Chart\.ya?ml$/.test(rel) || isHelmTemplate(rel, head()),
    // Bulwark never runs Helm: charts can run plugins and fetch dependencies.
    hint: (rels) => `render the chart and scan the manifests: helm template ${chartDir(rels)} | bulwark scan -`,
  },
  {
    id: 'kustomize',
    mayClaim: (name) => /^(kustomization\.ya?ml|Kustomization)$/.test(name),
    claims: () => true,
    // Bulwark never runs Kustomize: it can run plugins and fetch remote bases.
    hint: (rels) => `build it and scan the manifests: kubectl kustomize ${dirOfFirst(rels)} | bulwark scan -`,
  },
  {
    id: 'arm',
    mayClaim: (name) => JSON_FILE.test(name),
    claims: (_, head) => /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"]*[dD]eploymentTemplate\.json/.test(head()),
  },
  { id: 'bicep', mayClaim: (name) => /\.bicep$/.test(name), claims: () => true },
  { id: 'serverless', mayClaim: (name) => /^serverless\.ya?ml$/.test(name), claims: () => true },
];

/** A scanner that reads nothing and says so. */
function unreadScanner(recogniser: Recogniser): FormatScanner {
  const run = (input: FormatScanInput): FormatOutcome => notRead(recogniser.id, input.source.files, recogniser.hint);
  return {
    id: recogniser.id,
    mayClaim: recogniser.mayClaim,
    claims: recogniser.claims,
    hasChecks: () => false,
    scan: async (input) => run(input),
    scanSync: run,
  };
}

function dirOfFirst(rels: readonly string[]): string {
  const first = rels[0] ?? '';
  return first.includes('/') ? first.slice(0, first.lastIndexOf('/')) : '.';
}

/** The chart's directory: where its Chart.yaml is, else above its templates/. */
function chartDir(rels: readonly string[]): string {
  const chart = rels.find((r) => /(^|\/)Chart\.ya?ml$/.test(r));
  if (chart) return dirOfFirst([chart]);
  const template = rels[0] ?? '';
  const at = template.lastIndexOf('templates/');
  return at > 0 ? template.slice(0, at - 1) : '.';
}

function notRead(id: FormatId, files: readonly SourceFile[], hint?: (rels: readonly string[]) => string): FormatOutcome {
  const { name, files: noun } = FORMATS[id];
  const rels = files.map((f) => f.rel);
  const listed = rels.slice(0, 3).join(', ') + (rels.length > 3 ? `, and ${rels.length - 3} more` : '');
  return {
    findings: [],
    diagnostics: [
      {
        severity: 'warning',
        code: 'format-not-read',
        format: id,
        message: `${plural(files.length, `${name} file`)} not checked: Bulwark does not read ${noun} yet (${listed})${hint ? `; ${hint(rels)}` : ''}.`,
        files: rels,
      },
    ],
    stats: { name, read: false, files: files.length, bytes: files.reduce((n, f) => n + f.size, 0), checked: 0 },
  };
}

export const RECOGNISED_SCANNERS: readonly FormatScanner[] = RECOGNISERS.map(unreadScanner);
