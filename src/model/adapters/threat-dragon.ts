import type { ModelBuilder, AdapterNote } from './builder.js';
import type { Architecture } from '../schema.js';
export type ExportableThreat = { id: string };
export function isThreatDragon(_v: unknown): boolean { return false; }
export function readThreatDragon(_t: string, b: ModelBuilder): { model: Architecture; notes: AdapterNote[] } { return { model: b.build(), notes: b.notes }; }
export function toThreatDragon(_m: Architecture): unknown { return {}; }
