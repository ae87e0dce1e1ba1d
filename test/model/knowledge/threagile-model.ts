// Writes small Threagile models for rule tests: Threagile states every field, so it is the input where the
// knowledge base treats an unstated property as a gap (an explicit model).

export interface ThreagileLink {
  target: string;
  protocol?: string;
  usage?: 'business' | 'devops';
  authentication?: string;
  sent?: string[];
}

export interface ThreagileAsset {
  id: string;
  type?: 'external-entity' | 'process' | 'datastore';
  technology: string;
  description?: string;
  internet?: boolean;
  custom?: boolean;
  encryption?: string;
  processed?: string[];
  stored?: string[];
  links?: ThreagileLink[];
}

export interface ThreagileData {
  id: string;
  confidentiality: 'public' | 'internal' | 'restricted' | 'confidential' | 'strictly-confidential';
}

export interface ThreagileBoundary {
  id: string;
  type: string;
  inside: string[];
  nested?: string[];
}

const list = (items: readonly string[] | undefined): string => `[${(items ?? []).join(', ')}]`;

export function threagileModel(spec: { description?: string; data?: ThreagileData[]; assets: ThreagileAsset[]; boundaries?: ThreagileBoundary[] }): string {
  const out = ['threagile_version: 1.0.0', 'title: Test model'];
  if (spec.description) out.push('technical_overview:', `  description: ${spec.description}`);
  out.push('data_assets:');
  for (const d of spec.data ?? []) out.push(`  ${d.id}:`, `    id: ${d.id}`, '    usage: business', `    confidentiality: ${d.confidentiality}`, '    integrity: important', '    availability: important');
  out.push('technical_assets:');
  for (const a of spec.assets) {
    out.push(`  ${a.id}:`, `    id: ${a.id}`, `    type: ${a.type ?? 'process'}`, `    technology: ${a.technology}`);
    if (a.description) out.push(`    description: ${a.description}`);
    if (a.internet) out.push('    internet: true');
    if (a.custom) out.push('    custom_developed_parts: true');
    if (a.encryption) out.push(`    encryption: ${a.encryption}`);
    out.push(`    data_assets_processed: ${list(a.processed)}`, `    data_assets_stored: ${list(a.stored)}`);
    if (a.links?.length) {
      out.push('    communication_links:');
      a.links.forEach((l, i) => {
        out.push(`      Link ${i + 1} to ${l.target}:`, `        target: ${l.target}`, `        protocol: ${l.protocol ?? 'https'}`, `        usage: ${l.usage ?? 'business'}`);
        if (l.authentication) out.push(`        authentication: ${l.authentication}`);
        out.push(`        data_assets_sent: ${list(l.sent)}`);
      });
    }
  }
  if (spec.boundaries?.length) {
    out.push('trust_boundaries:');
    for (const b of spec.boundaries) {
      out.push(`  ${b.id}:`, `    id: ${b.id}`, `    type: ${b.type}`, `    technical_assets_inside: ${list(b.inside)}`);
      if (b.nested) out.push(`    trust_boundaries_nested: ${list(b.nested)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
