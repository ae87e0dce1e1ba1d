// The evidence a repository model gives for a property, as `file:line=value`, for compact assertions.

import type { Evidence } from '../../../src/model/schema/architecture.js';

export function decided(item: { evidence?: Evidence[] }, prop: string): string[] {
  return (item.evidence ?? []).filter((x) => x.prop === prop).map((x) => `${x.file}:${x.line}=${String(x.value)}`);
}
