// The input formats Bulwark knows by name, whether or not it reads them yet: one list for scanners,
// rule examples, docs and reports.

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
  cloudformation: { name: 'CloudFormation', exampleFile: 'template.yaml', language: 'yaml' },
  kubernetes: { name: 'Kubernetes', exampleFile: 'manifest.yaml', language: 'yaml' },
  dockerfile: { name: 'Dockerfile', exampleFile: 'Dockerfile', language: 'dockerfile' },
  compose: { name: 'docker-compose', exampleFile: 'compose.yaml', language: 'yaml' },
} as const satisfies Record<string, FormatInfo>;

export type FormatId = keyof typeof FORMATS;

export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];
