// One Dockerfile as the container it builds: the final stage (following `FROM build` back to the image it
// starts from), the user the container runs as, the ports it exposes, its health check, literal secrets in
// ENV and ARG (masked), downloads at build time (`ADD https://…`, `curl … | sh`) and whether the base image
// is pinned by digest. Every fact carries its line; the file is read by the auditor's Dockerfile reader.

import { findNamedSecrets } from '../../analyze/secrets/patterns.js';
import { parseImage } from '../../analyze/images.js';
import { pipedToInterpreter } from '../../analyze/rules/docker/pipe-to-shell.js';
import { runScript } from '../../analyze/rules/docker/support.js';
import { effectiveUser, readDockerfile, type DockerFile, type DockerInstruction, type DockerStage } from '../../parse/dockerfile/read.js';
import type { Element, Evidence } from '../schema/architecture.js';
import { baseImageFacts, type BaseImageFacts } from './dockerfile-runtime.js';
import { evidenceAt, type EvidenceSite } from './evidence.js';
import { LineIndex } from './lines.js';

export interface DockerfileImage {
  file: string;
  /** The image the final stage starts from, after `FROM build` and global ARG defaults; undefined when a variable leaves it open. */
  base?: string;
  baseFacts: BaseImageFacts;
  /** The final stage's FROM: where the element is located. */
  line: number;
  props: Partial<Element['props']>;
  /** Lines that state a property (with `prop`) or note something the threats turn on (without). */
  evidence: Evidence[];
  /** What the element's description says: a container, and whether its base is pinned by digest or minimal. */
  description: string;
  /** It runs something (CMD, ENTRYPOINT, EXPOSE, or a product image such as nginx), rather than only building. */
  describesService: boolean;
  /** The USER line that decides the user, if the Dockerfile sets one. */
  userSet: boolean;
}

const ROOT_USER = /^(?:root|0)(?::.*)?$/;
const VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}?/g;
/** Secrets that leave the file: a remote source of ADD. */
const REMOTE = /^(?:https?:\/\/|git@|ssh:\/\/)/i;

/** What the evidence quotes of the file (an image, a user, ports), kept to a line's length whatever the file holds. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Undefined when the text holds no FROM: not a Dockerfile this source can model. */
export function readDockerfileImage(rel: string, text: string, target?: string): DockerfileImage | undefined {
  const docker = readDockerfile(text);
  // A build `target:` (compose) stops at that stage: it, not the last, is the image that runs.
  const targeted = target === undefined ? undefined : docker.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  const final = targeted ?? docker.stages[docker.stages.length - 1];
  if (!final) return undefined;
  const site: EvidenceSite = { file: rel, lines: new LineIndex(text) };
  const at = (i: DockerInstruction, says: string, decided?: { prop: string; value: boolean }) => evidenceAt(site, i.start, says, decided);
  const chain = stageChain(docker, final);
  const root = chain[chain.length - 1]!;
  const base = resolveImage(root.image, globalArgs(docker));
  const baseFacts: BaseImageFacts = base ? baseImageFacts(base) : { minimal: false };
  const evidence: Evidence[] = [];
  const props: Partial<Element['props']> = { customDeveloped: true };
  const pinned = base !== undefined && parseImage(base).digest !== undefined;
  const fromSays = root === final ? `FROM ${clip(final.image)}` : `FROM ${clip(final.image)} (built on ${clip(root.image)})`;
  const stage = targeted ? `, stage ${clip(final.name ?? '')} (the build target)` : '';
  evidence.push(at(final.from, `${fromSays}${stage}: the image is built from this Dockerfile`, { prop: 'customDeveloped', value: true }));
  if (target !== undefined && !targeted) evidence.push(at(final.from, `the build target ${clip(target)} is no stage of this Dockerfile: the last stage is read`));

  const userSet = statedUser(docker, final, root, base, baseFacts, at, props, evidence);
  if (base === undefined) evidence.push(at(root.from, `FROM ${clip(root.image)}: the base image depends on a build argument without a default`));
  else if (pinned) evidence.push(at(root.from, `FROM ${clip(base)}: the base image is pinned by digest`));
  else if (base.toLowerCase() !== 'scratch') evidence.push(at(root.from, `FROM ${clip(base)}: the base image is named by a tag${parseImage(base).tag ? '' : ' (none: latest)'}, not pinned by digest; a re-pointed tag changes what is built`));

  const chainInstructions = chain.flatMap((s) => s.instructions);
  for (const i of chainInstructions.filter((x) => x.keyword === 'EXPOSE')) evidence.push(at(i, `EXPOSE ${clip(i.words.join(' '))}: the container listens on ${i.words.length === 1 ? 'this port' : 'these ports'}`));
  const health = chainInstructions.filter((x) => x.keyword === 'HEALTHCHECK').pop();
  if (health) evidence.push(at(health, /^none$/i.test(health.words[0] ?? '') ? 'HEALTHCHECK NONE: the health check is switched off' : 'HEALTHCHECK: Docker checks that the service answers'));
  for (const i of docker.instructions) {
    if (i.keyword === 'ENV' || i.keyword === 'ARG') secretsOf(i, chain, at, props, evidence);
    else if (i.keyword === 'ADD') remoteAdds(i, at, evidence);
    else if (i.keyword === 'RUN') {
      const piped = pipedToInterpreter(runScript(i));
      if (piped) evidence.push(at(i, `RUN pipes a download into an interpreter (${piped}) without verifying it: whoever serves it decides what the image runs`));
    }
  }
  const runs = chainInstructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'EXPOSE');
  const stages = docker.stages.length;
  // The knowledge base reads an element's words (an image name such as `alpine/git`, a folder called `images`
  // would tag it as something it is not), so the description names neither: only what the threats turn on.
  const minimal = base === undefined ? undefined : /^cgr\.dev\//.test(base) ? 'Chainguard' : /distroless/i.test(base) ? 'distroless' : undefined;
  const on = pinned ? ' on a base pinned by digest' : minimal ? ` on a ${minimal} base` : '';
  const description = `Runs in a container built from a Dockerfile${on}${stages > 1 ? ' (multi-stage build)' : ''}`;
  return { file: rel, ...(base ? { base } : {}), baseFacts, line: site.lines.lineAt(final.from.start), props, evidence, description, describesService: runs || baseFacts.kind !== undefined, userSet };
}

/** The final stage and the stages it builds on, last first: `FROM build` continues `build`'s image. */
function stageChain(docker: DockerFile, final: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [];
  for (let s: DockerStage | undefined = final; s && !chain.includes(s); s = s.parent !== undefined ? docker.stages[s.parent] : undefined) chain.push(s);
  return chain;
}

/** `ARG BASE=node:20` before the first FROM: the defaults a FROM's `${BASE}` takes. */
function globalArgs(docker: DockerFile): Map<string, string> {
  const args = new Map<string, string>();
  for (const i of docker.instructions) {
    if (i.stage >= 0) break;
    for (const w of i.words) if (w.includes('=')) args.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
  }
  return args;
}

function resolveImage(image: string, args: ReadonlyMap<string, string>): string | undefined {
  let open = false;
  const resolved = image.replace(VARIABLE, (whole, name: string) => {
    const value = args.get(name) ?? /:-([^}]*)\}$/.exec(whole)?.[1];
    if (value === undefined) open = true;
    return value ?? '';
  });
  return open || !resolved ? undefined : resolved;
}

/** The user the container starts as: the final stage's USER (inherited through `FROM build`), else the base image's default. */
function statedUser(docker: DockerFile, final: DockerStage, root: DockerStage, base: string | undefined, facts: BaseImageFacts, at: (i: DockerInstruction, says: string, decided?: { prop: string; value: boolean }) => Evidence, props: Partial<Element['props']>, evidence: Evidence[]): boolean {
  const user = effectiveUser(docker, final);
  const state = (i: DockerInstruction, value: boolean, says: string) => {
    props.runsAsRoot = value;
    evidence.push(at(i, says, { prop: 'runsAsRoot', value }));
  };
  if (user) {
    if (user.user.includes('$')) evidence.push(at(user.at, `USER ${clip(user.user)}: the user is a build argument, so whether the container runs as root is not known`));
    else if (ROOT_USER.test(user.user)) state(user.at, true, `USER ${clip(user.user)}: the container runs as root`);
    else state(user.at, false, `USER ${clip(user.user)}: the container runs as a non-root user`);
    return true;
  }
  if (facts.nonRootBecause) state(root.from, false, `no USER instruction, but ${facts.nonRootBecause}`);
  else if (base !== undefined && /^bitnami\//i.test(parseImage(base).repository)) evidence.push(at(root.from, `no USER instruction: most Bitnami images run as user 1001, which this Dockerfile does not confirm`));
  else if (base !== undefined) state(final.from, true, 'no USER instruction: the container runs as root');
  return false;
}

/** `ENV A=1 B="x y"`, `ENV A 1` (legacy), `ARG A=1`: name/value pairs. */
function pairsOf(i: DockerInstruction): [string, string][] {
  const words = i.words;
  if (i.keyword === 'ENV' && words.length >= 2 && !words[0]!.includes('=')) return [[words[0]!, words.slice(1).join(' ')]];
  return words.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1).replace(/^["']|["']$/g, '')]);
}

function secretsOf(i: DockerInstruction, chain: readonly DockerStage[], at: (i: DockerInstruction, says: string, decided?: { prop: string; value: boolean }) => Evidence, props: Partial<Element['props']>, evidence: Evidence[]): void {
  const inImage = i.stage < 0 || chain.some((s) => s.index === i.stage);
  const where = i.keyword === 'ENV' ? (inImage ? 'readable in the image (docker inspect)' : 'in a build stage, readable in the build cache') : 'readable in the image history (docker history)';
  for (const hit of findNamedSecrets(pairsOf(i))) {
    props.storesCredentials = true;
    evidence.push(at(i, `${i.keyword} ${clip(hit.kind)} is a literal secret in the Dockerfile, ${where} (masked: ${hit.masked})`, { prop: 'storesCredentials', value: true }));
  }
}

function remoteAdds(i: DockerInstruction, at: (i: DockerInstruction, says: string) => Evidence, evidence: Evidence[]): void {
  const sources = i.words.filter((w) => !w.startsWith('--')).slice(0, -1);
  const checked = i.flags.some((f) => f.name === 'checksum' && f.value);
  for (const source of sources.filter((s) => REMOTE.test(s))) {
    // A URL may carry credentials (`https://user:token@host`, `?token=`): only its host and path are shown.
    const bare = source.replace(/^([a-z+]+:\/\/)[^/@]*@/i, '$1').replace(/[?#].*$/, '');
    const shown = clip(bare);
    evidence.push(at(i, checked ? `ADD downloads ${shown} at build time, verified by --checksum` : `ADD downloads ${shown} at build time without a checksum: whoever serves it decides what the image holds`));
  }
}
