// What the compose rules share: compliance references, list settings, and service-level edits.

import type { ComplianceRef } from '../../../core/compliance.js';
import { entry, itemsOf, text, type YEntry, type YMap } from '../../../parse/yaml/tree.js';
import { interpolate } from '../../../adapt/compose/interpolate.js';
import type { ComposeService } from '../../../adapt/compose/services.js';

export const COMPOSE_COMPLIANCE = {
  leastPrivilege: [
    { framework: 'NIST-800-53', control: 'AC-6' },
    { framework: 'ISO27001', control: 'A.8.2' },
    { framework: 'SOC2', control: 'CC6.1' },
  ],
  isolation: [
    { framework: 'NIST-800-53', control: 'SC-7' },
    { framework: 'ISO27001', control: 'A.8.22' },
  ],
  configuration: [
    { framework: 'NIST-800-53', control: 'CM-6' },
    { framework: 'ISO27001', control: 'A.8.9' },
  ],
  secrets: [
    { framework: 'PCI-DSS', control: '8.6.2' },
    { framework: 'NIST-800-53', control: 'IA-5(7)' },
    { framework: 'ISO27001', control: 'A.5.17' },
  ],
} satisfies Record<string, ComplianceRef[]>;

export const COMPOSE_REFERENCE = 'https://docs.docker.com/reference/compose-file/services/';

/** A list setting's values, interpolated (`cap_add`, `security_opt`). */
export function listSetting(service: ComposeService, key: string): { entry: YEntry | undefined; values: string[] } {
  const found = entry(service.node, key);
  const values: string[] = [];
  for (const item of itemsOf(found?.value)) {
    const raw = text(item);
    if (raw !== undefined) values.push(interpolate(raw, service.env).value);
  }
  return { entry: found, values };
}

/** What service fixes need: the service's mapping and name. */
export interface ServiceFixData {
  node: YMap;
  name: string;
}
