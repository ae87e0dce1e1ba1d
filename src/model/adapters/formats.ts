// The design formats `readArchitecture` understands. Kept apart from the adapters so the CLI can list them
// (`--from` choices) without loading any parser.

export type InputFormat = 'mermaid' | 'plantuml' | 'prose' | 'yaml' | 'json' | 'threat-dragon' | 'otm' | 'threagile';
export const INPUT_FORMATS: readonly InputFormat[] = ['mermaid', 'plantuml', 'prose', 'yaml', 'json', 'threat-dragon', 'otm', 'threagile'];
