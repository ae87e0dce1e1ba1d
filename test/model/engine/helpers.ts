// Builds small architectures for engine tests through the real schema (defaults applied).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ArchitectureSchema, type Architecture } from '../../../src/model/schema/architecture.js';

export function model(input: unknown): Architecture {
  return ArchitectureSchema.parse(input);
}

export function fixture(name: string): Architecture {
  return model(parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}
