// Terraform as a repository source (AWS first): each root module is evaluated as the auditor evaluates it,
// its component resources (queues, databases, buckets, functions, gateways, compute, identity and secret
// stores) become elements, references, event mappings, integrations and IAM grants become flows, VPCs and
// subnets become boundaries inside the AWS account, and the controls the configuration states (encryption,
// WAF, TLS listeners, authorizers, throttling, backups) become properties, each with its file and line.

import type { Boundary } from '../schema/architecture.js';
import { aliasFunctionCode } from './terraform-code.js';
import { evidence, TfModel } from './terraform-context.js';
import { stateControls } from './terraform-controls.js';
import { hostedElements, providerEndpoints } from './terraform-hosting.js';
import { componentName, componentType, technologyOf, UNREAD_PROVIDERS } from './terraform-kinds.js';
import { placeInNetwork } from './terraform-network.js';
import { evaluateRoots } from './terraform-projects.js';
import { stateRelations } from './terraform-relations.js';
import { emptyFragment, type ModelFragment, type RepositorySource, type SourceInput } from './types.js';

export const TERRAFORM_FILE = /\.tf$|\.tfvars(?:\.json)?$/i;

export const terraformSource: RepositorySource = {
  id: 'terraform',
  label: 'Terraform file',
  wants: (rel) => TERRAFORM_FILE.test(rel),
  read(input) {
    const fragments: ModelFragment[] = [];
    const read = new Set<string>();
    for (const root of evaluateRoots(input.files, input)) {
      const fragment = rootFragment(root.project, input);
      if (!fragment) continue;
      fragments.push(fragment);
      for (const f of root.files) read.add(f);
    }
    return { fragments, read: [...read].sort() };
  },
};

/** One evaluated root module as part of the model; undefined when it declares no component of a provider read here. */
export function rootFragment(project: TfModel['project'], input: Pick<SourceInput, 'note'>): ModelFragment | undefined {
  const fragment = emptyFragment();
  const model = new TfModel(project, fragment, input.note);
  const endpoints = providerEndpoints(model);
  const rootLabel = project.root && project.root !== '.' ? project.root : '';
  const unread = new Map<string, number>();
  for (const resource of project.resources) {
    const type = componentType(resource);
    if (!type) {
      const provider = resource.type.slice(0, resource.type.indexOf('_'));
      if (resource.mode === 'managed' && UNREAD_PROVIDERS.includes(provider)) unread.set(provider, (unread.get(provider) ?? 0) + 1);
      continue;
    }
    const name = componentName(resource);
    const technology = technologyOf(resource, type);
    const id = rootLabel ? `${rootLabel}/${resource.address}` : resource.address;
    const endpoint = endpoints.get(type.service);
    const where = `${resource.type} ${resource.address}${resource.module ? ` (in ${resource.module})` : ''}`;
    model.components.set(resource.address, {
      resource,
      type,
      ...(endpoint ? { endpoint } : {}),
      element: {
        id,
        name,
        kind: type.kind,
        technology: endpoint ? `${technology} (emulated at ${endpoint.url})` : technology,
        props: {},
        data: [],
        location: { file: resource.file, line: resource.body.range.start.line },
        inferredFrom: `Terraform ${where}`,
        evidence: [evidence(resource.file, resource.body, `${where}: ${type.kind} (${technology})`)],
      },
    });
  }
  if (unread.size) input.note({ level: 'info', message: `Terraform root ${rootLabel || '.'}: ${[...unread].map(([p, n]) => `${n} ${p} resource${n === 1 ? '' : 's'}`).join(', ')} not modelled (only AWS is read so far)` });
  if (!model.components.size) return undefined;
  fragment.elements.push(...[...model.components.values()].map((c) => c.element));

  const account: Boundary = { id: `${rootLabel ? `${rootLabel}/` : ''}aws-account`, name: 'AWS account', type: 'cloud-account' };
  fragment.boundaries.push(account);
  placeInNetwork(model, account.id);
  stateControls(model);
  stateRelations(model);
  aliasFunctionCode(model, rootLabel);
  const hosted = hostedElements(model);
  if (hosted.length) fragment.hosted = hosted;
  return fragment;
}
