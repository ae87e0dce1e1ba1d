import type { ModelBuilder, AdapterNote } from './builder.js';
import type { Architecture } from '../schema.js';
export function readModelDocument(_t: string, b: ModelBuilder): { model: Architecture; notes: AdapterNote[] } { return { model: b.build(), notes: b.notes }; }
export function architectureToYaml(_m: Architecture): string { return ''; }
