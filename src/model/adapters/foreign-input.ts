// Files that are not designs: infrastructure as code, package manifests, empty or binary files. Given one,
// `bulwark model` says what it is and what to do instead, rather than reading it as prose (a Dockerfile's
// words name technologies) or reporting an empty design.

import { COMPOSE_NAME, isCloudFormation, isCompose, isKubernetesManifest } from '../../core/iac-content.js';

const READS = '`bulwark model` reads architecture designs (Mermaid, PlantUML, prose, YAML/JSON models, Threat Dragon, Threagile, OTM)';

/** Only the start of a file is looked at: what a file is shows in its first lines. */
const HEAD_BYTES = 64 * 1024;

const DOCKERFILE_NAME = /^(?:Dockerfile|Containerfile)(?:[.-][\w.-]+)?$|\.(?:dockerfile|containerfile)$/i;
const DOCKERFILE_INSTRUCTION = /^(?:FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|MAINTAINER)\s/i;
const TERRAFORM_NAME = /\.(?:tf|tf\.json|tfvars|tofu|hcl)$/i;
const TERRAFORM_BLOCK = /^[ \t]*(?:resource|module|provider|terraform|data|variable|output|locals)[ \t]+(?:"[^"\n]*"[ \t]*){0,2}\{/m;
const PACKAGE_MANIFEST = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|composer\.json|Cargo\.toml|go\.mod|requirements\.txt|pyproject\.toml|pom\.xml|build\.gradle)$/i;
const DESIGN_TEXT_NAME = /\.(?:md|markdown|txt|mmd|mermaid|puml|plantuml|pu|iuml|wsd)$/i;
/** Designs state these at the top level; a file holding one is no foreign file, whatever else it holds. */
const DESIGN_KEYS = /^(?:elements|flows|technical_assets|threagile_version|otmVersion)[ \t]*:|"(?:elements|technical_assets|otmVersion|diagrams)"\s*:/m;
/** A CycloneDX bill of materials (a threat-model BOM too) lists components, which a model reader would take for elements. */
const CYCLONEDX = /"bomFormat"\s*:\s*"CycloneDX"|^bomFormat[ \t]*:[ \t]*["']?CycloneDX\b/m;
/** A Microsoft Threat Modeling Tool model (.tm7 XML, or that XML converted to JSON), which the prose reader would take for text. */
const TMT_NAME = /\.tm7$/i;
const TMT_CONTENT = /<ThreatModel\b[^>]*>\s*<DrawingSurfaceList\b|"ThreatModel"\s*:\s*\{\s*"DrawingSurfaceList"\s*:/;

export interface ForeignInput {
  /** What the file is, as a noun phrase: "a Kubernetes manifest". */
  what: string;
  /** True when the auditor (`bulwark scan`) checks or names files of this kind. */
  scannable: boolean;
}

/** What the file is when it is clearly not a design, from its name and first bytes; undefined otherwise. */
export function recogniseForeign(fileName: string, text: string): ForeignInput | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (!text.trim()) return { what: 'an empty file', scannable: false };
  const head = text.length > HEAD_BYTES ? text.slice(0, HEAD_BYTES) : text;
  if (isBinary(head)) return { what: 'binary content', scannable: false };
  if (DESIGN_KEYS.test(head)) return undefined;
  // Designs written as text may quote a manifest or a Dockerfile: only names say what they are.
  if (DESIGN_TEXT_NAME.test(base)) return undefined;
  if (DOCKERFILE_NAME.test(base) || (!/\.\w+$/.test(base) && looksLikeDockerfile(head))) return { what: 'a Dockerfile', scannable: true };
  if (TERRAFORM_NAME.test(base)) return { what: 'a Terraform configuration', scannable: true };
  if (PACKAGE_MANIFEST.test(base)) return { what: 'a package manifest', scannable: false };
  if (CYCLONEDX.test(head)) return { what: 'a CycloneDX bill of materials', scannable: false };
  if (TMT_NAME.test(base) || TMT_CONTENT.test(head)) return { what: 'a Microsoft Threat Modeling Tool model', scannable: false };
  if (isKubernetesManifest(head)) return { what: 'a Kubernetes manifest', scannable: true };
  // The auditor names CloudFormation templates but does not check them yet: no advice to scan.
  if (isCloudFormation(head)) return { what: 'a CloudFormation template', scannable: false };
  if (COMPOSE_NAME.test(base) || isCompose(head)) return { what: 'a Docker Compose file', scannable: true };
  if (!/\.(?:ya?ml|json)$/i.test(base) && TERRAFORM_BLOCK.test(head)) return { what: 'a Terraform configuration', scannable: true };
  return undefined;
}

/** The refusal for a foreign file: what it is, what `bulwark model` reads, and where to take the file instead. */
export function foreignMessage(fileName: string | undefined, foreign: ForeignInput): string {
  const shown = fileName && fileName !== '<stdin>' ? fileName : undefined;
  const instead = foreign.scannable ? `; scan it with \`bulwark scan ${shown ?? '-'}\`` : foreign.what === 'an empty file' ? '; write the design into it first' : '';
  return `this is ${foreign.what}, not a design: ${READS}${instead}`;
}

/**
 * Why a file in which no element was found is no design, when it can tell: a foreign file, or a JSON or YAML
 * document that is neither a Bulwark model nor a design format Bulwark reads (no top-level `elements` or
 * `flows`). Undefined for a design that merely describes nothing (the caller says so).
 */
export function notADesignMessage(fileName: string | undefined, text: string, format: string): string | undefined {
  const foreign = recogniseForeign(fileName ?? '', text);
  if (foreign) return foreignMessage(fileName, foreign);
  if ((format !== 'json' && format !== 'yaml') || DESIGN_KEYS.test(text.length > HEAD_BYTES ? text.slice(0, HEAD_BYTES) : text)) return undefined;
  return `this ${format === 'json' ? 'JSON' : 'YAML'} document is neither a Bulwark model nor a design format Bulwark reads: ${READS}; a Bulwark model has top-level elements and flows`;
}

/** NUL bytes, or many characters that did not decode, are no text anyone wrote a design in. */
function isBinary(head: string): boolean {
  if (head.includes('\u0000')) return true;
  let undecoded = 0;
  for (let i = head.indexOf('\ufffd'); i >= 0 && undecoded <= 8; i = head.indexOf('\ufffd', i + 1)) undecoded++;
  return undecoded > 8 && undecoded * 50 > head.length;
}

/** A first instruction of FROM (or ARG before it) and every other line an instruction, comment or continuation. */
function looksLikeDockerfile(head: string): boolean {
  const lines = head.split('\n', 200).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const first = lines.find((l) => !/^ARG\s/i.test(l));
  if (!first || !/^FROM\s+\S/i.test(first) || lines.length < 2) return false;
  let continued = false;
  for (const line of lines) {
    if (!continued && !DOCKERFILE_INSTRUCTION.test(line)) return false;
    continued = line.endsWith('\\');
  }
  return true;
}
