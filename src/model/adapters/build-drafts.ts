// The drafts a reader fills before the model is built: keyed by the reader's own aliases, validated at build.

import type { BoundaryType, Classification, DataFormat, ElementKind, ElementProps, FlowAuthorization, FlowUsage } from '../schema/architecture.js';

export interface AdapterNote {
  /** `error`: the input was refused or not understood; the model must not be taken as the design. */
  level: 'info' | 'warning' | 'error';
  message: string;
  line?: number;
}

export interface ElementDraft {
  name: string;
  kind: ElementKind;
  id?: string;
  technology?: string;
  description?: string;
  /** Key of the innermost boundary draft. */
  boundaryKey?: string;
  props: ElementProps;
  data: string[];
  dataFormats?: DataFormat[];
  runtime?: string;
  line?: number;
  inferredFrom?: string;
}

export interface BoundaryDraft {
  name: string;
  type: BoundaryType;
  id?: string;
  parentKey?: string;
  line?: number;
}

export interface FlowDraft {
  sourceKey: string;
  targetKey: string;
  id?: string;
  label?: string;
  protocol?: string;
  port?: number;
  encrypted?: boolean;
  authenticated?: boolean;
  data: string[];
  bidirectional?: boolean;
  authorization?: FlowAuthorization;
  usage?: FlowUsage;
  line?: number;
  inferredFrom?: string;
}

export interface AssetDraft {
  id: string;
  name: string;
  classification: Classification;
  description?: string;
  line?: number;
}

export interface BuildOptions {
  /** Infer `internetFacing` on elements that actors call directly (diagrams and prose; not explicit models). */
  inferInternetFacing?: boolean;
  /** Take a process drawn outside every boundary and only called from inside as a third party (diagrams, whose kinds are guessed). */
  inferExternalSystems?: boolean;
}
