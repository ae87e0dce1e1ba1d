// The shapes every repository source shares: the files a source is given, the part of the model it
// returns, and what it could not use. A new source (Terraform, Kubernetes, application code) is one more
// module that implements RepositorySource and returns fragments; merge.ts joins them.

import type { Boundary, DataAsset, Element, Evidence, Flow } from '../schema/architecture.js';

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
  /** Elements created in an emulator a provider endpoint names (LocalStack): placed where it runs after the merge. */
  hosted?: HostedElement[];
  /**
   * What this fragment knows better than the sources before it: application code decides whether a service
   * authenticates, restricts CORS or rate-limits, whether its server speaks TLS and what a call does (its
   * label: `SQS receiveMessage`), even where configuration
   * said otherwise. Listed properties and flow fields overwrite earlier values when merged; evidence keeps both.
   */
  decides?: {
    props?: readonly (keyof Element['props'])[];
    flowFields?: readonly ('encrypted' | 'authenticated' | 'label')[];
    /** What the component is built with (`Python (Flask)`), over an image name; a platform (a Lambda runtime) stays. */
    technology?: boolean;
  };
}

/** An element (by its id in its fragment) created at a URL (`http://localstack:4566`) for one service (`sqs`). */
export interface HostedElement {
  element: string;
  name: string;
  url: string;
  service: string;
  evidence: Evidence;
}

export interface SourceInput {
  files: readonly RepositoryFile[];
  /** Every file discovered (any source's), to look a neighbour up (a build folder's package.json). */
  all: ReadonlyMap<string, RepositoryFile>;
  /** The text of a file, or undefined (with a note) when it cannot be read or is too big. */
  read(file: RepositoryFile): string | undefined;
  note(note: RepositoryNote): void;
  /** The files another source was given (application code resolves names through the compose files). */
  filesOf(sourceId: string): readonly RepositoryFile[];
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
