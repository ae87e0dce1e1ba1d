// Threagile models (threagile.yaml): technical assets become elements, their communication links flows,
// trust boundaries boundaries, shared runtimes the elements' runtime, data assets data assets, and the
// risk tracking decisions on Bulwark's threats. Every item keeps its line in the Threagile file.

import { LineCounter } from 'yaml';
import { DATA_FORMATS, DATA_HOLDING_KINDS, type Classification, type DataFormat } from '../schema/architecture.js';
import type { ImportedDecision } from '../tracking/imported-decisions.js';
import type { BuildOptions, ModelBuilder } from './builder.js';
import { valueOf, type DocMap } from './doc-nodes.js';
import { oneLine, truncateForMessage } from './messages.js';
import { mappingDocument } from './model-document-root.js';
import { childMap, entries, field, flag, isPlain, READ_FIELDS, text, UnreadFields, words, type Entry, type Plain } from './threagile-fields.js';
import { linkAuthenticated, linkAuthorization, linkTransport, threagileLinkId, usageOf } from './threagile-links.js';
import { readBoundaries, readRuntimes } from './threagile-structure.js';
import { canonicalTechnology, decideKind } from './threagile-technologies.js';
import { individualRisks } from './threagile-risks.js';
import { trackingDecisions } from './threagile-tracking.js';
import { dataAssetsIn, slugify } from './vocabulary.js';

/** A Threagile model in YAML names its version or its technical assets at the top level. */
export const THREAGILE_YAML = /^(?:threagile_version|technical_assets)[ \t]*:/m;

/** Whether parsed JSON is a Threagile model (Threagile reads JSON as the YAML it is). */
export function isThreagile(doc: unknown): boolean {
  return isPlain(doc) && (Object.hasOwn(doc, 'threagile_version') || isPlain(field(doc, 'technical_assets')));
}

/** Threagile's confidentiality levels; restricted and above are confidential to Bulwark. */
const CONFIDENTIALITY: Readonly<Record<string, Classification>> = {
  public: 'public',
  internal: 'internal',
  restricted: 'confidential',
  confidential: 'confidential',
  'strictly-confidential': 'confidential',
};

/** Reads a Threagile model into the builder; its risk tracking goes to `decisions`. */
export function readThreagile(text: string, builder: ModelBuilder, decisions: ImportedDecision[]): BuildOptions {
  const lineCounter = new LineCounter();
  const doc = mappingDocument(text, builder, lineCounter, 'yaml', {
    merge: true,
    shape: 'a Threagile model is a mapping with technical_assets, communication links, trust_boundaries and data_assets',
  });
  if (doc === null) return {};
  let plain: unknown;
  try {
    plain = doc.plain();
  } catch (error) {
    // `<<: 5`: YAML merges only mappings.
    builder.note('error', `YAML: ${truncateForMessage(oneLine(error instanceof Error ? error.message : String(error)), 200)}`);
    return {};
  }
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  new ThreagileReader(builder, lineAt, doc.root, plain, decisions).read();
  // Internet exposure is what the model says (`internet`, boundaries), not guessed from who calls whom.
  return {};
}

class ThreagileReader {
  private readonly unread = new UnreadFields();
  private readonly plain: Plain;
  /** Threagile asset id → element key (the same string, unless the asset had no id). */
  private readonly assetKeys = new Map<string, string>();
  /** Threagile link id (`source>title`) → Bulwark flow id. */
  private readonly linkIds = new Map<string, string>();
  private readonly flowIds = new Set<string>();
  private readonly dataIds = new Set<string>();
  /** Element key → whether every authenticated link people use to reach it says two-factor. */
  private readonly humanLogins = new Map<string, boolean>();
  /** Data asset id → the element keys and flow ids that hold or carry it. */
  private readonly dataHolders = new Map<string, string[]>();
  private boundaryMembers: (id: string) => string[] | undefined = () => undefined;
  private runtimeMembers = new Map<string, string[]>();

  constructor(
    private readonly builder: ModelBuilder,
    private readonly lineAt: (offset: number | undefined) => number | undefined,
    private readonly root: DocMap,
    plain: unknown,
    private readonly decisions: ImportedDecision[],
  ) {
    this.plain = isPlain(plain) ? plain : {};
  }

  read(): void {
    const p = this.plain;
    this.unread.check(p, READ_FIELDS.model);
    const title = text(p, 'title');
    if (title) this.builder.name = title;
    const overview = ['business_overview', 'technical_overview'].map((k) => overviewText(field(p, k))).filter(Boolean);
    if (overview.length) this.builder.description = overview.join('\n\n');
    if (words(p, 'includes').length) this.builder.note('warning', 'includes were not read: Bulwark reads one file and never follows includes', this.lineOf('includes'));
    for (const a of this.section('data_assets', 'data asset')) this.dataAsset(a);
    const assets = this.section('technical_assets', 'technical asset');
    const outOfScope: string[] = [];
    for (const a of assets) this.technicalAsset(a, outOfScope);
    for (const a of assets) this.links(a);
    // People log in with a second factor where every authenticated link of theirs to the target says two-factor.
    for (const [target, twoFactor] of this.humanLogins) {
      const draft = this.builder.elements.get(target);
      if (draft && twoFactor) draft.props.mfa = true;
    }
    this.boundaryMembers = readBoundaries(this.section('trust_boundaries', 'trust boundary'), this.builder, (id) => this.assetKeys.get(id), this.unread);
    this.runtimeMembers = readRuntimes(this.section('shared_runtimes', 'shared runtime'), this.builder, (id) => this.assetKeys.get(id), this.unread);
    if (outOfScope.length) {
      const names = outOfScope.slice(0, 5).map((n) => `"${shown(n)}"`).join(', ') + (outOfScope.length > 5 ? ` and ${outOfScope.length - 5} more` : '');
      const one = outOfScope.length === 1;
      this.builder.note('info', `${names} ${one ? 'is' : 'are'} out of scope in Threagile: read as ${one ? 'a third-party system' : 'third-party systems'}, so ${one ? 'its' : 'their'} own threats are not analysed as ours`);
    }
    const tracked = this.section('risk_tracking', 'risk_tracking entry').map((e) => ({ key: e.title, value: e.value, ...(e.line === undefined ? {} : { line: e.line }) }));
    // Risks written by hand in the model are threats of the file; their tracking gives their status.
    const own = individualRisks(this.section('individual_risk_categories', 'risk category'), tracked, { asset: (id) => this.assetKeys.get(id), lineAt: this.lineAt }, this.builder);
    const builtIn = tracked.filter((t) => !own.has(t.key.split('@')[0]!.trim()));
    this.decisions.push(...trackingDecisions(builtIn, (id) => this.idsFor(id), this.builder));
    const summary = this.unread.summary();
    if (summary) this.builder.note('info', summary);
  }

  private lineOf(key: string): number | undefined {
    const pair = this.root.pairs.find((p) => p.key === key);
    return this.lineAt(pair?.keyStart);
  }

  private section(key: string, what: string): Entry[] {
    const plainSection = field(this.plain, key);
    if (plainSection !== undefined && plainSection !== null && !isPlain(plainSection)) {
      this.builder.note('warning', `${key} must be a mapping of title to ${what}; ignored`, this.lineOf(key));
      return [];
    }
    const node = valueOf(this.root, key);
    return entries(plainSection, node?.kind === 'map' ? node : undefined, this.lineAt, (title, line) =>
      this.builder.note('warning', `${what} "${shown(title)}" must be a mapping; ignored`, line),
    );
  }

  private dataAsset({ title, value, line }: Entry): void {
    this.unread.check(value, READ_FIELDS.dataAsset);
    const id = text(value, 'id') ?? slugify(title);
    const description = text(value, 'description');
    const level = text(value, 'confidentiality')?.toLowerCase();
    let classification: Classification = level && Object.hasOwn(CONFIDENTIALITY, level) ? CONFIDENTIALITY[level]! : 'internal';
    // What the data is (credentials, PII, payment data) says more than how secret it is, unless it is public.
    if (classification !== 'public') {
      const named = dataAssetsIn(`${title}\n${description ?? ''}`).find((h) => h.classification === 'credentials' || h.classification === 'pii' || h.classification === 'payment');
      if (named) classification = named.classification;
    }
    this.dataIds.add(id);
    this.builder.addAsset({ id, name: title, classification, ...(description ? { description } : {}), ...(line === undefined ? {} : { line }) });
  }

  private technicalAsset({ title, value, line }: Entry, outOfScope: string[]): void {
    this.unread.check(value, READ_FIELDS.technicalAsset);
    const key = text(value, 'id') ?? slugify(title);
    if (this.builder.elements.has(key) || this.assetKeys.has(key)) {
      this.builder.note('warning', `technical asset id "${shown(key)}" is used twice; the second ("${shown(title)}") is left out`, line);
      return;
    }
    this.assetKeys.set(key, key);
    const rawTechnologies = [...words(value, 'technologies'), ...words(value, 'technology')];
    const technologies = rawTechnologies.map(canonicalTechnology).filter((t): t is string => t !== undefined);
    const unknown = rawTechnologies.filter((t) => canonicalTechnology(t) === undefined && t.toLowerCase() !== 'unknown-technology' && t.toLowerCase() !== 'unknown');
    if (unknown.length) this.builder.note('warning', `technical asset "${shown(title)}" has technology "${shown(unknown[0]!)}", which Threagile does not have; read by its type`, line);
    const decision = decideKind({
      type: text(value, 'type')?.toLowerCase(),
      technologies,
      usedByHuman: flag(value, 'used_as_client_by_human'),
      outOfScope: flag(value, 'out_of_scope'),
      customDeveloped: flag(value, 'custom_developed_parts'),
      serverless: text(value, 'machine')?.toLowerCase() === 'serverless',
    });
    if (decision.outOfScopeAsThirdParty) outOfScope.push(title);
    // Threagile's tags name the products ("keycloak", "mysql"): words the knowledge base knows.
    const tags = words(value, 'tags');
    // A container says so in the technology: base images and container escapes are its threats.
    const containerised = text(value, 'machine')?.toLowerCase() === 'container' ? 'in a container' : '';
    const technology = [decision.technology, containerised, tags.length ? `(${tags.join(', ')})` : ''].filter(Boolean).join(' ') || undefined;
    const data = [...words(value, 'data_assets_processed'), ...words(value, 'data_assets_stored')].filter((id) => this.knownData(id, title, line));
    for (const id of new Set(data)) this.holds(id, key);
    const dataFormats = words(value, 'data_formats_accepted')
      .map((f) => f.toLowerCase())
      .filter((f): f is DataFormat => (DATA_FORMATS as readonly string[]).includes(f));
    const ours = decision.kind !== 'actor' && decision.kind !== 'external-system';
    const encryption = text(value, 'encryption')?.toLowerCase();
    const description = text(value, 'description');
    this.builder.addElement(key, {
      name: title,
      kind: decision.kind,
      id: key,
      ...(technology ? { technology } : {}),
      ...(description && description !== title ? { description } : {}),
      props: {
        ...(encryption && (DATA_HOLDING_KINDS.has(decision.kind) || encryption !== 'none') ? { encryptedAtRest: encryption !== 'none' } : {}),
        ...(ours && field(value, 'custom_developed_parts') !== undefined ? { customDeveloped: flag(value, 'custom_developed_parts') } : {}),
        // An asset of ours placed in the internet is reachable from it.
        ...(ours && flag(value, 'internet') ? { internetFacing: true } : {}),
      },
      data: [...new Set(data)],
      ...(dataFormats.length ? { dataFormats } : {}),
      ...(line === undefined ? {} : { line }),
    });
  }

  private links({ title: sourceTitle, value, node }: Entry): void {
    const sourceKey = text(value, 'id') ?? slugify(sourceTitle);
    const source = this.builder.elements.get(sourceKey);
    if (!source || source.name !== sourceTitle) return;
    const linkNodes = childMap(node, 'communication_links');
    for (const link of entries(field(value, 'communication_links'), linkNodes, this.lineAt, (title, line) =>
      this.builder.note('warning', `communication link "${shown(title)}" of "${shown(sourceTitle)}" must be a mapping; ignored`, line),
    )) {
      const line = link.line ?? source.line;
      this.unread.check(link.value, READ_FIELDS.link);
      const targetId = text(link.value, 'target');
      const targetKey = targetId === undefined ? undefined : this.assetKeys.get(targetId);
      if (targetKey === undefined) {
        const why = targetId === undefined ? 'has no target' : `targets "${shown(targetId)}", which is no technical asset of the model`;
        this.builder.note('warning', `communication link "${shown(link.title)}" of "${shown(sourceTitle)}" ${why}; ignored`, line);
        continue;
      }
      const transport = linkTransport(text(link.value, 'protocol'), flag(link.value, 'vpn'));
      if (!transport.known) this.builder.note('warning', `communication link "${shown(link.title)}" has protocol "${shown(transport.protocol ?? '')}", which Threagile does not have`, line);
      const authentication = text(link.value, 'authentication')?.toLowerCase();
      const authorization = linkAuthorization(text(link.value, 'authorization'));
      const usage = usageOf(field(link.value, 'usage'));
      const data = [...words(link.value, 'data_assets_sent'), ...words(link.value, 'data_assets_received')].filter((id) => this.knownData(id, link.title, line));
      const id = this.flowId(`${sourceKey}-${slugify(link.title)}`);
      this.linkIds.set(threagileLinkId(sourceKey, link.title), id);
      for (const d of new Set(data)) this.holds(d, id);
      const authenticated = linkAuthenticated(authentication);
      this.builder.addFlow({
        sourceKey,
        targetKey,
        id,
        label: text(link.value, 'description') ?? link.title,
        ...(transport.protocol ? { protocol: transport.protocol } : {}),
        ...(transport.encrypted === undefined ? {} : { encrypted: transport.encrypted }),
        ...(authenticated === undefined ? {} : { authenticated }),
        ...(authorization ? { authorization } : {}),
        ...(usage ? { usage } : {}),
        data: [...new Set(data)],
        ...(line === undefined ? {} : { line }),
      });
      if (source.kind === 'actor' && authenticated) this.humanLogins.set(targetKey, (this.humanLogins.get(targetKey) ?? true) && authentication === 'two-factor');
    }
  }

  private flowId(base: string): string {
    let id = base;
    for (let n = 2; this.flowIds.has(id); n++) id = `${base}-${n}`;
    this.flowIds.add(id);
    return id;
  }

  private knownData(id: string, where: string, line: number | undefined): boolean {
    if (this.dataIds.has(id)) return true;
    this.builder.note('warning', `"${shown(where)}" refers to data asset "${shown(id)}", which is not in data_assets; ignored`, line);
    return false;
  }

  private holds(dataId: string, holder: string): void {
    const list = this.dataHolders.get(dataId);
    if (list) list.push(holder);
    else this.dataHolders.set(dataId, [holder]);
  }

  /** The Bulwark element and flow ids a Threagile id in a risk id stands for. */
  private idsFor(id: string): string[] {
    const element = this.assetKeys.get(id);
    if (element !== undefined) return [element];
    const flow = this.linkIds.get(id);
    if (flow !== undefined) return [flow];
    return this.boundaryMembers(id) ?? this.runtimeMembers.get(id) ?? this.dataHolders.get(id) ?? [];
  }
}

/** An overview's description, without the HTML Threagile allows in it. */
function overviewText(value: unknown): string | undefined {
  const description = isPlain(value) ? field(value, 'description') : undefined;
  if (typeof description !== 'string') return undefined;
  return description.replace(/<[^>]{0,200}>/g, '').trim() || undefined;
}

function shown(value: string): string {
  return truncateForMessage(oneLine(value), 80);
}
