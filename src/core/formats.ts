// The input formats Bulwark knows by name, whether or not it reads them yet: one list for scanners,
// rule examples, docs and reports. A format Bulwark recognises but does not read is reported as not
// checked, never passed over in silence.

export interface FormatInfo {
  /** Name for people. */
  name: string;
  /** The file name a rule example of this format is scanned as. */
  exampleFile: string;
  /** Code-fence language for its examples in docs. */
  language: string;
}

export const FORMATS = {
  terraform: { name: 'Terraform', exampleFile: 'main.tf', language: 'hcl' },
  'terraform-plan': { name: 'Terraform plan JSON', exampleFile: 'plan.json', language: 'json' },
  opentofu: { name: 'OpenTofu (.tofu)', exampleFile: 'main.tofu', language: 'hcl' },
  cloudformation: { name: 'CloudFormation', exampleFile: 'template.yaml', language: 'yaml' },
  kubernetes: { name: 'Kubernetes', exampleFile: 'manifest.yaml', language: 'yaml' },
  helm: { name: 'Helm chart', exampleFile: 'templates/deployment.yaml', language: 'yaml' },
  kustomize: { name: 'Kustomize', exampleFile: 'kustomization.yaml', language: 'yaml' },
  dockerfile: { name: 'Dockerfile', exampleFile: 'Dockerfile', language: 'dockerfile' },
  compose: { name: 'docker-compose', exampleFile: 'compose.yaml', language: 'yaml' },
  arm: { name: 'Azure Resource Manager template', exampleFile: 'azuredeploy.json', language: 'json' },
  bicep: { name: 'Bicep', exampleFile: 'main.bicep', language: 'bicep' },
  serverless: { name: 'Serverless Framework', exampleFile: 'serverless.yml', language: 'yaml' },
} as const satisfies Record<string, FormatInfo>;

export type FormatId = keyof typeof FORMATS;

export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];
