// Build and deployment chain: base images, source repositories, pipelines and artifact registries, and how
// code reaches production. What an attacker changes here runs everywhere the pipeline deploys.

import type { Element } from '../../schema/architecture.js';
import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { Control, ElementContext, ElementFacts, ElementThreatRule } from '../types.js';
import { joinNames } from '../vocabulary.js';
import { wordsOf } from './app-signals.js';
import { allElements, containerised, explicitModel, isBuildInfrastructure, isOurs, isPipeline, listNames, perDesign, sensitive } from './infra-roles.js';

/** The design's own words for a control, on the element or (for design-wide practice) in the design's description. */
function states(ctx: ElementContext, words: RegExp): boolean {
  return words.test(wordsOf(ctx.element)) || words.test(ctx.model.architecture().description?.toLowerCase() ?? '');
}

function wordsControl(id: string, words: RegExp, what: string, effect: 'remove' | 'downgrade' = 'remove'): Control<ElementContext> {
  return { id, effect, present: (ctx) => states(ctx, words), reason: (ctx) => `${ctx.element.name} ${what}` };
}

const VERIFIED_IMAGES = /pinned (?:base )?images?|pinned by digest|image digests?|@sha256|signed (?:base )?images?|cosign|notary|distroless|chainguard|verified (?:base )?images?|hardened (?:base )?images?/;
const DEPLOY_CHECKS = /\bscans?\b|scanning|\bsast\b|\bdast\b|\bsca\b|trivy|snyk|grype|signed (?:artifacts?|images?|releases?)|cosign|sigstore|\bslsa\b|provenance|signature verification/;
const PULL_DEPLOY = /gitops|argo ?cd|\bflux\b|pull[- ]based|pulls? (?:the )?(?:manifests?|releases?|images?|artifacts?)/;
/** A call that takes code or a model out of a registry to run it. */
const LOADS = /\b(?:loads?|pulls?|fetch(?:es)?|downloads?|installs?)\b/i;
const SECRET_SCANNING = /secret scanning|secret detection|gitleaks|trufflehog|git-secrets|detect-secrets|push protection/;

/** What the element deploys to: what it provisions, and the targets of its operations (devops) flows. */
function deployTargets(facts: ElementFacts): Element[] {
  const targets = [...facts.provisions, ...facts.outgoing.filter((f) => f.flow.usage === 'devops').map((f) => f.target)];
  // Deploying into the repository or registry is publishing, not deploying into production.
  return [...new Map(targets.filter((t) => isOurs(t)).map((t) => [t.id, t])).values()];
}

function runtimeTargets(ctx: ElementContext): Element[] {
  return deployTargets(ctx.facts).filter((t) => {
    const f = ctx.model.element(t.id);
    return f !== undefined && !isBuildInfrastructure(f);
  });
}

/** A registry that runtime components load code or models from: what is in it is what runs. */
function loadedBy(ctx: ElementContext): string[] {
  if (!ctx.facts.tags.has('artifact-registry')) return [];
  const readers = [...ctx.facts.incoming.filter((f) => f.reads || LOADS.test(f.flow.label ?? '')).map((f) => f.source), ...ctx.facts.outgoing.map((f) => f.target)];
  return readers.filter((e) => isOurs(e) && !isBuildInfrastructure(ctx.model.element(e.id)!)).map((e) => e.name);
}

function repoRole(facts: ElementFacts): string {
  if (facts.tags.has('source-repo')) return 'source repository';
  if (facts.tags.has('artifact-registry')) return 'artifact registry';
  return 'build pipeline';
}

/** In a sketch, only a repository or registry the design shows exposed, or one runtime components load from. */
function backdoorSignal(ctx: ElementContext): boolean {
  if (!isBuildInfrastructure(ctx.facts) || ctx.element.kind === 'actor') return false;
  if (explicitModel(ctx.model)) return true;
  return ctx.facts.internetFacing || loadedBy(ctx).length > 0;
}

const credentialsInCode = (ctx: ElementContext): string[] =>
  perDesign(ctx.model, 'credentials-in-code', () =>
    allElements(ctx.model)
      .filter((f) => f.element.props.storesCredentials === true && !isBuildInfrastructure(f))
      .map((f) => f.element.name),
  );

export const deploymentRules: ElementThreatRule[] = [
  {
    id: 'TM-SUPPLY-002',
    scope: 'element',
    pattern: 'supply-chain',
    stride: 'tampering',
    kinds: ['process', 'web-app', 'gateway'],
    condition:
      'a containerised workload we run (its technology, description or runtime says Docker, Kubernetes, ECS, pods) that is internet-facing, handles sensitive data or is custom-developed, and whose images the design does not state as pinned and verified (`hardened: true`, or words such as "pinned by digest", "signed images", "distroless")',
    applies: (ctx) =>
      containerised(ctx.facts) &&
      !clientSide(ctx) &&
      (ctx.facts.internetFacing || sensitive(ctx.facts) || ctx.element.props.customDeveloped === true),
    controls: [
      elementHas('hardened', 'is built from a hardened, verified image'),
      wordsControl('words.verified-images', VERIFIED_IMAGES, 'is built from pinned, verified base images'),
    ],
    title: (ctx) => `A backdoored base image ships inside ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} runs as a container, and the design does not say which base images it is built from or how they are verified. A compromised or typo-squatted image on a public registry, or a mutable tag that is re-pointed, puts the attacker's code into every build and every running copy of ${ctx.element.name}, with its credentials and network access.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-494', 'CWE-829'],
    capec: ['CAPEC-538'],
    compliance: [C.nistIntegrity, C.isoConfiguration, C.soc2Change],
    decidedBy: ['hardened'],
    mitigations: ['MIT-BASE-IMAGES'],
  },
  {
    id: 'TM-SUPPLY-003',
    scope: 'element',
    pattern: 'supply-chain',
    stride: 'tampering',
    tags: ['source-repo', 'ci', 'artifact-registry'],
    condition:
      'a source repository, build pipeline or artifact registry (Git, GitHub, GitLab, Bitbucket, Jenkins, CI/CD, Nexus, Artifactory, a container or model registry) that is reachable from the internet or that runtime components load from, or any such element in an explicit model (a Threagile import); removed when access is stated as MFA-protected and least-privilege (`mfa: true` and `leastPrivilege: true`), lowered by one of them',
    applies: backdoorSignal,
    controls: [
      {
        id: 'element.mfa+leastPrivilege',
        effect: 'remove',
        present: (ctx) => ctx.element.props.mfa === true && ctx.element.props.leastPrivilege === true,
        reason: (ctx) => `access to ${ctx.element.name} requires MFA and follows least privilege`,
      },
      elementHas('mfa', 'requires MFA for its users', 'downgrade'),
      elementHas('leastPrivilege', 'grants least-privilege access', 'downgrade'),
    ],
    title: (ctx) =>
      loadedBy(ctx).length
        ? `Poisoned artifacts in ${ctx.element.name} run in ${joinNames(loadedBy(ctx))}`
        : `Code backdoored through ${ctx.element.name} (${repoRole(ctx.facts)})`,
    description: (ctx) =>
      `${ctx.element.name} is a ${repoRole(ctx.facts)}${ctx.facts.internetFacing ? ` reachable from the internet (${ctx.facts.exposure})` : ''}${
        loadedBy(ctx).length ? `, and ${joinNames(loadedBy(ctx))} load${loadedBy(ctx).length > 1 ? '' : 's'} what it holds` : ''
      }. An attacker with a phished developer account, a leaked token or an unpatched build server changes the code, the pipeline definition or the stored artifacts, and the tampering ships as a trusted release; nothing in the design says access needs MFA and least privilege, or that artifacts are signed and checked for integrity.`,
    severity: 'high',
    likelihood: 'low',
    raiseForInternet: true,
    cwe: ['CWE-506', 'CWE-912', 'CWE-284'],
    capec: ['CAPEC-444', 'CAPEC-538'],
    compliance: [C.soc2Change, C.nistIntegrity, C.isoAuthn, C.nistLeastPrivilege],
    decidedBy: ['mfa', 'leastPrivilege'],
    mitigations: ['MIT-REPO-PROTECTION', 'MIT-DEPLOY-VERIFY'],
  },
  {
    id: 'TM-SUPPLY-004',
    scope: 'element',
    pattern: 'supply-chain',
    stride: 'tampering',
    tags: ['ci'],
    condition:
      'a build pipeline that deploys to runtime components (provisions them, or `usage: devops` flows) without stated checks of what it deploys (`validatesInput: true` on the pipeline, or words such as "scans", "SAST", "image scanning", "signed artifacts")',
    applies: (ctx) => runtimeTargets(ctx).length > 0,
    controls: [
      elementHas('validatesInput', 'scans and verifies what it deploys'),
      wordsControl('words.deploy-checks', DEPLOY_CHECKS, 'scans or verifies the signatures of what it deploys'),
    ],
    title: (ctx) => `${ctx.element.name} deploys unchecked code to ${joinNames(runtimeTargets(ctx).map((e) => e.name))}`,
    description: (ctx) =>
      `${ctx.element.name} deploys to ${joinNames(runtimeTargets(ctx).map((e) => e.name))} and the design states no scanning (SAST, dependency, image) or signature verification of what it ships. A vulnerable dependency, a malicious package or a tampered artifact goes to production unnoticed.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-1395', 'CWE-494'],
    capec: ['CAPEC-538'],
    compliance: [C.soc2Change, C.nistIntegrity, C.pciSecureCoding],
    decidedBy: ['validatesInput'],
    mitigations: ['MIT-DEPLOY-VERIFY'],
  },
  {
    id: 'TM-SUPPLY-005',
    scope: 'element',
    pattern: 'supply-chain',
    stride: 'tampering',
    tags: ['ci'],
    condition:
      'a build pipeline that pushes into production (provisions runtime components, or sends them `usage: devops` flows) rather than the environment pulling; removed by pull-based wording (GitOps, Argo CD, Flux, "pulls manifests")',
    applies: (ctx) => runtimeTargets(ctx).length > 0,
    controls: [wordsControl('words.pull-deploy', PULL_DEPLOY, 'is deployed from by a pull-based agent (GitOps)')],
    title: (ctx) => `${ctx.element.name} holds standing credentials to push into ${joinNames(runtimeTargets(ctx).map((e) => e.name))}`,
    description: (ctx) =>
      `${ctx.element.name} pushes deployments into ${joinNames(runtimeTargets(ctx).map((e) => e.name))}, so it keeps credentials that can change production at any time, from outside the environment. Whoever compromises the pipeline, one of its plugins or a build job uses them directly; a pull-based deployment (GitOps) would leave the pipeline with write access to a repository only.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForInternet: true,
    cwe: ['CWE-269', 'CWE-284'],
    capec: ['CAPEC-538'],
    compliance: [C.soc2Change, C.nistLeastPrivilege, C.soc2Access],
    mitigations: ['MIT-PULL-DEPLOY', 'MIT-PIPELINE-CREDENTIALS'],
  },
  {
    id: 'TM-SUPPLY-006',
    scope: 'element',
    pattern: 'supply-chain',
    stride: 'tampering',
    condition:
      'the design has custom-developed components (`customDeveloped: true`) but models no build pipeline, source repository or artifact registry; reported once, on the first custom-developed component',
    applies: (ctx) => ctx.element.props.customDeveloped === true && firstCustomDeveloped(ctx) === ctx.facts && !allElements(ctx.model).some(isBuildInfrastructure),
    controls: [],
    title: (ctx) => `The build chain of ${listNames(customDeveloped(ctx))} is not modelled`,
    description: (ctx) =>
      `${listNames(customDeveloped(ctx))} ${customDeveloped(ctx).length > 1 ? 'are' : 'is'} custom-developed, yet the design shows no source repository, build pipeline or artifact registry. Those produce and deploy the code and hold production credentials; left out of the model, their threats (backdoored code, pushed deployments, leaked secrets) are never assessed.`,
    severity: 'low',
    likelihood: 'medium',
    cwe: ['CWE-1059'],
    capec: [],
    compliance: [C.soc2Change, C.nistInventory],
    decidedBy: ['customDeveloped'],
    mitigations: ['MIT-BUILD-INFRA'],
  },
  {
    id: 'TM-SUPPLY-007',
    scope: 'element',
    pattern: 'supply-chain',
    stride: 'information-disclosure',
    tags: ['source-repo', 'artifact-registry', 'ci'],
    condition:
      'a source repository, artifact registry or build pipeline where secrets get committed or baked into artifacts: in an explicit model (a Threagile import) always, in a sketch when a component states credentials in its code or configuration (`storesCredentials: true`); removed by stated secret scanning (secret scanning, gitleaks, push protection), and for a pipeline by reading its secrets from a secret store',
    applies: (ctx) => explicitModel(ctx.model) || credentialsInCode(ctx).length > 0,
    controls: [
      wordsControl('words.secret-scanning', SECRET_SCANNING, 'is scanned for committed secrets'),
      {
        id: 'flow.to-secret-store',
        effect: 'remove',
        present: (ctx) => isPipeline(ctx.facts) && !ctx.facts.tags.has('source-repo') && ctx.facts.outgoing.some((f) => f.target.kind === 'secret-store'),
        reason: (ctx) => `${ctx.element.name} reads its secrets from a secret store`,
      },
    ],
    title: (ctx) => `Secrets leak through ${ctx.element.name} (${repoRole(ctx.facts)})`,
    description: (ctx) =>
      `${ctx.element.name} is a ${repoRole(ctx.facts)}${
        credentialsInCode(ctx).length ? `, and ${joinNames(credentialsInCode(ctx))} keep${credentialsInCode(ctx).length > 1 ? '' : 's'} credentials in code or configuration` : ''
      }. Keys committed to history, baked into images or printed in build logs stay readable to everyone with read access (and to the public, if a repository or image is ever published), long after the file is fixed.`,
    severity: 'medium',
    likelihood: 'medium',
    exploit: 'credentials',
    cwe: ['CWE-798', 'CWE-540', 'CWE-532'],
    capec: ['CAPEC-191'],
    compliance: [C.pciAuthn, C.nistSecrets, C.soc2Access],
    mitigations: ['MIT-SECRET-SCANNING', 'MIT-SECRETS-MANAGER'],
  },
];

function customDeveloped(ctx: ElementContext): ElementFacts[] {
  return perDesign(ctx.model, 'custom-developed', () => allElements(ctx.model).filter((f) => f.element.props.customDeveloped === true));
}

function firstCustomDeveloped(ctx: ElementContext): ElementFacts | undefined {
  return customDeveloped(ctx)[0];
}

/** An app that runs in the users' browsers or devices is not a container we build. */
function clientSide(ctx: ElementContext): boolean {
  return ctx.element.kind === 'web-app' && /\b(?:spa|single[- ]page|react|angular|vue|svelte|mobile app|browser)\b/.test(wordsOf(ctx.element));
}
