// The shapes every repository source shares: the files a source is given, the part of the model it
// returns, and what it could not use. A new source (Terraform, Kubernetes, application code) is one more
// module that implements RepositorySource and returns fragments; merge.ts joins them.

import type { Boundary, DataAsset, Element, Flow } from '../schema/architecture.js';

export interface RepositoryFile {
  /** Absolute path. */
  abs: string;
  /** POSIX path relative to the repository root: what evidence names. */
  rel: string;
  size: number;
}

/** Something a source noticed that the model does not show: a file it could not read, a value it could not resolve. */
export interface RepositoryNote {
  level: 'info' | 'warning';
  message: string;
  file?: string;
  line?: number;
}

/** Part of the model, as one source saw it. */
export interface ModelFragment {
  elements: Element[];
  flows: Flow[];
  boundaries: Boundary[];
  dataAssets: DataAsset[];
  /**
   * Other names an element is known by, for merging with other sources: a compose service's build folder
   * (`api` for `build: ./api`), so an application-code analysis of that folder joins the same element.
   */
  aliases: Map<string, string[]>;
  /** A design that names the system. */
  name?: string;
}

export interface SourceInput {
  files: readonly RepositoryFile[];
  /** Every file discovered (any source's), to look a neighbour up (a build folder's package.json). */
  all: ReadonlyMap<string, RepositoryFile>;
  /** The text of a file, or undefined (with a note) when it cannot be read or is too big. */
  read(file: RepositoryFile): string | undefined;
  note(note: RepositoryNote): void;
}

export interface SourceResult {
  fragments: ModelFragment[];
  /** Files the source read and used. */
  read: string[];
}

export interface RepositorySource {
  /** `compose`, `design`, ... */
  id: string;
  /** What one file of it is called in the report: "compose file", "design document". */
  label: string;
  /** Whether the file (by path, then its first bytes) is one this source reads. */
  wants(rel: string, head: () => string): boolean;
  read(input: SourceInput): SourceResult;
}

export function emptyFragment(): ModelFragment {
  return { elements: [], flows: [], boundaries: [], dataAssets: [], aliases: new Map() };
}
