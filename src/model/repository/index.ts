// `bulwark model <dir>`: one architecture model from everything in a repository that a source reads
// (docker-compose, design documents), with file:line evidence, and an account of what was not read.
// Application code (node-source.ts) is merged between the configuration and the designs: an application
// joins the compose service built from its folder.

import { FileReadError, readRegularFileSync } from '../../core/regular-file.js';
import { MAX_DESIGN_BYTES } from '../adapters/limits.js';
import { ArchitectureSchema, type Architecture } from '../schema/architecture.js';
import type { RepositorySources } from '../schema/repository-sources.js';
import { composeSource } from './compose-source.js';
import { designSource } from './design-source.js';
import { dockerfileSource } from './dockerfile-source.js';
import { kubernetesSource } from './kubernetes-source.js';
import { NOT_MODELLED, repositoryFiles } from './files.js';
import { mergeFragments } from './merge.js';
import { nodeSource } from './node-source.js';
import { pythonSource } from './python-source.js';
import { linkHosted } from './terraform-hosting.js';
import { terraformSource } from './terraform-source.js';
import type { ModelFragment, RepositoryFile, RepositoryNote, RepositorySource } from './types.js';

/**
 * In order of trust: evidence from configuration first, then application code (which decides what only code
 * can tell: see ModelFragment.decides), designs last (merge.ts keeps the earlier facts).
 */
export const REPOSITORY_SOURCES: readonly RepositorySource[] = [composeSource, kubernetesSource, dockerfileSource, terraformSource, nodeSource, pythonSource, designSource];

export interface RepositoryModel {
  model: Architecture;
  sources: RepositorySources;
  /** Why nothing could be modelled; set when no source found anything. */
  refusal?: string;
}

const EXAMPLES = 5;

export async function modelRepository(dir: string, options: { defaultName?: string } = {}): Promise<RepositoryModel> {
  const found = await repositoryFiles(dir, REPOSITORY_SOURCES);
  const notes: RepositoryNote[] = [];
  const read = (file: RepositoryFile): string | undefined => {
    try {
      return readRegularFileSync(file.abs, { maxBytes: MAX_DESIGN_BYTES, display: file.rel });
    } catch (error) {
      notes.push({ level: 'warning', file: file.rel, message: error instanceof FileReadError ? error.message : `could not read: ${String(error)}` });
      return undefined;
    }
  };
  const fragments: ModelFragment[] = [];
  const readFiles: RepositorySources['read'] = [];
  for (const source of REPOSITORY_SOURCES) {
    const files = found.bySource.get(source.id) ?? [];
    if (!files.length) continue;
    const result = source.read({ files, all: found.all, read, note: (n) => notes.push(n), filesOf: (id) => found.bySource.get(id) ?? [] });
    fragments.push(...result.fragments);
    for (const file of result.read) readFiles.push({ source: source.id, file });
  }
  const notModelled = [...found.notModelled.entries()].map(([kind, files]) => ({ what: NOT_MODELLED[kind], files: files.length, examples: files.slice(0, EXAMPLES) }));
  const sources: RepositorySources = { read: readFiles, notModelled, notes };
  const merged = mergeFragments(fragments);
  // Resources Terraform creates in LocalStack sit where LocalStack runs, and the flows to it reach them.
  for (const message of linkHosted(merged, fragments.flatMap((f) => f.hosted ?? []))) notes.push({ level: 'info', message });
  const model = ArchitectureSchema.parse({
    name: merged.name ?? options.defaultName ?? 'Repository',
    elements: merged.elements,
    flows: merged.flows,
    boundaries: merged.boundaries,
    dataAssets: merged.dataAssets,
    origin: { format: 'repository' },
  });
  if (model.elements.length === 0) return { model, sources, refusal: refusalOf(sources) };
  return { model, sources };
}

function refusalOf(sources: RepositorySources): string {
  const held = sources.notModelled.map((n) => `${n.files} ${n.what}`).join(', ');
  return `nothing in the repository could be modelled: no docker-compose service, Kubernetes workload, AWS Terraform component, Dockerfile that runs a service, Node.js or Python application, or design document (Mermaid, PlantUML, a Bulwark model) was found${held ? `; it holds ${held}, which Bulwark does not model yet` : ''}`;
}
