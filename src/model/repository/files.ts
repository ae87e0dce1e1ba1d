// The repository's files as the modeller sees them: discovered as the auditor discovers them (ignore files
// honoured, symlinks followed only inside the root, node_modules and .git skipped), then each handed to the
// source that reads it, or counted under what the model does not read yet.

import { isCloudFormation, isKubernetesManifest } from '../../core/iac-content.js';
import { discover } from '../../discover/walk.js';
import { readHead } from '../../scanners/claim.js';
import { isHelmTemplate } from './kubernetes-source.js';
import type { RepositoryFile, RepositorySource } from './types.js';

/** What the repository holds that no source reads yet, by the name the report gives it. */
export const NOT_MODELLED = {
  terraform: 'Terraform',
  kubernetes: 'Kubernetes manifests',
  // Never rendered: Helm and Kustomize can run plugins and fetch remote code. Their rendered output is read.
  helm: 'Helm charts (render them with `helm template` into a file to model them)',
  kustomize: 'Kustomize overlays (build them with `kubectl kustomize` into a file to model them)',
  cloudformation: 'CloudFormation templates',
  code: 'application code',
} as const;
export type NotModelledKind = keyof typeof NOT_MODELLED;

const CODE = /\.(?:[cm]?[jt]sx?|py|java|kt|go|rb|php|cs|rs|scala|swift)$/i;
/** Terraform configuration and its variable files (terraform-source.ts reads `.tf` and `.tfvars`; `.tf.json` is counted). */
const TERRAFORM = /\.(?:tf|tfvars)(?:\.json)?$/i;
const DOCKERFILE = /(?:^|\.)dockerfile$|^dockerfile(?:\.|$)|^containerfile$/i;
const YAML_OR_JSON = /\.(?:ya?ml|json)$/i;
/** Neighbours sources look up (a build folder's package.json, a Python project's manifest), never modelled themselves. */
const NEIGHBOURS = new Set(['package.json', '.env', 'pyproject.toml', 'Pipfile', 'setup.cfg']);

export interface RepositoryFiles {
  root: string;
  /** Every file listed, by `rel`. */
  all: Map<string, RepositoryFile>;
  bySource: Map<string, RepositoryFile[]>;
  notModelled: Map<NotModelledKind, string[]>;
}

const baseName = (rel: string): string => rel.slice(rel.lastIndexOf('/') + 1);

export async function repositoryFiles(dir: string, sources: readonly RepositorySource[]): Promise<RepositoryFiles> {
  const accept = (name: string): boolean => NEIGHBOURS.has(name) || YAML_OR_JSON.test(name) || CODE.test(name) || TERRAFORM.test(name) || DOCKERFILE.test(name) || /\.(?:md|markdown|mmd|mermaid|puml|plantuml|txt)$/i.test(name);
  const found = await discover([dir], { accept, base: dir });
  const all = new Map<string, RepositoryFile>();
  const bySource = new Map<string, RepositoryFile[]>(sources.map((s) => [s.id, []]));
  const notModelled = new Map<NotModelledKind, string[]>();
  const count = (kind: NotModelledKind, rel: string): void => {
    const list = notModelled.get(kind);
    if (list) list.push(rel);
    else notModelled.set(kind, [rel]);
  };
  // Every template of a chart is Helm's to render, even one with no `{{ }}` in it: reading only those gives half a chart.
  const charts = found.files.filter((f) => /^Chart\.ya?ml$/.test(baseName(f.rel))).map((f) => f.rel.slice(0, f.rel.length - baseName(f.rel).length));
  const inChart = (rel: string): boolean => charts.some((dir) => rel.startsWith(`${dir}templates/`));
  for (const f of found.files) {
    const file: RepositoryFile = { abs: f.abs, rel: f.rel, size: f.size };
    if (YAML_OR_JSON.test(baseName(f.rel)) && inChart(f.rel)) {
      all.set(file.rel, file);
      count('helm', file.rel);
      continue;
    }
    all.set(file.rel, file);
    let head: string | undefined;
    const lazyHead = (): string => (head ??= readHead(file.abs));
    const owner = sources.find((s) => s.wants(file.rel, lazyHead));
    if (owner) {
      bySource.get(owner.id)!.push(file);
      continue;
    }
    const name = baseName(file.rel);
    if (/^Chart\.ya?ml$/.test(name) || (YAML_OR_JSON.test(name) && isHelmTemplate(file.rel, lazyHead()))) count('helm', file.rel);
    else if (/^kustomization\.ya?ml$/i.test(name)) count('kustomize', file.rel);
    else if (TERRAFORM.test(name)) count('terraform', file.rel);
    else if (CODE.test(name)) count('code', file.rel);
    else if (YAML_OR_JSON.test(name) && !NEIGHBOURS.has(name)) {
      if (isKubernetesManifest(lazyHead())) count('kubernetes', file.rel);
      else if (isCloudFormation(lazyHead())) count('cloudformation', file.rel);
    }
  }
  return { root: found.root, all, bySource, notModelled };
}
