// The input formats Bulwark knows by name, whether or not it reads them yet: one list for scanners,
// rule examples, docs and reports. A format Bulwark recognises but does not read is reported as not
// checked, never passed over in silence.

export interface FormatInfo {
  /** Name for people. */
  name: string;
  /** What its files are called, plural (`Kubernetes manifests`). */
  files: string;
  /** The file name a rule example of this format is scanned as. */
  exampleFile: string;
  /** Code-fence language for its examples in docs. */
  language: string;
}

export const FORMATS = {
  terraform: { name: 'Terraform', files: 'Terraform files', exampleFile: 'main.tf', language: 'hcl' },
  'terraform-plan': { name: 'Terraform plan JSON', files: 'Terraform plan files', exampleFile: 'plan.json', language: 'json' },
  opentofu: { name: 'OpenTofu (.tofu)', files: 'OpenTofu files', exampleFile: 'main.tofu', language: 'hcl' },
  cloudformation: { name: 'CloudFormation', files: 'CloudFormation templates', exampleFile: 'template.yaml', language: 'yaml' },
  kubernetes: { name: 'Kubernetes', files: 'Kubernetes manifests', exampleFile: 'manifest.yaml', language: 'yaml' },
  helm: { name: 'Helm chart', files: 'Helm charts', exampleFile: 'templates/deployment.yaml', language: 'yaml' },
  kustomize: { name: 'Kustomize', files: 'Kustomize files', exampleFile: 'kustomization.yaml', language: 'yaml' },
  dockerfile: { name: 'Dockerfile', files: 'Dockerfiles', exampleFile: 'Dockerfile', language: 'dockerfile' },
  compose: { name: 'docker-compose', files: 'docker-compose files', exampleFile: 'compose.yaml', language: 'yaml' },
  arm: { name: 'Azure Resource Manager template', files: 'ARM templates', exampleFile: 'azuredeploy.json', language: 'json' },
  bicep: { name: 'Bicep', files: 'Bicep files', exampleFile: 'main.bicep', language: 'bicep' },
  serverless: { name: 'Serverless Framework', files: 'Serverless Framework files', exampleFile: 'serverless.yml', language: 'yaml' },
  secrets: { name: 'Secrets', files: 'text files', exampleFile: 'src/config.js', language: 'text' },
} as const satisfies Record<string, FormatInfo>;

export type FormatId = keyof typeof FORMATS;

export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];
