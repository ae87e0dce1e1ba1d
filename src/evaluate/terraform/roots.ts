// Root-module detection and the tfvars files Terraform loads automatically.

import type { ModuleSource } from './context.js';
import { literalString } from './module-decl.js';
import { resolveModuleSource } from './paths.js';

/** Directories that are root modules: dirs with .tf files not used as a local module source by another dir. */
export function findRootModules(dirs: string[], modules: ModuleSource): string[] {
  const withTerraform: string[] = [];
  const usedAsModule = new Set<string>();
  for (const dir of new Set(dirs)) {
    let files;
    try {
      files = modules.readModule(dir);
    } catch {
      files = undefined;
    }
    if (!files || files.length === 0) continue;
    withTerraform.push(dir);
    for (const file of files) {
      for (const block of file.body.blocks) {
        if (block.type !== 'module') continue;
        const source = literalString(block.body.attributes.find((a) => a.name === 'source')?.expr);
        if (source === undefined) continue;
        const resolved = resolveModuleSource(dir, source);
        if (resolved.kind === 'local' && resolved.dir !== dir) usedAsModule.add(resolved.dir);
      }
    }
  }
  return withTerraform.filter((d) => !usedAsModule.has(d)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Variable files Terraform loads by itself for a root dir, lowest precedence first: terraform.tfvars,
 * terraform.tfvars.json, then *.auto.tfvars and *.auto.tfvars.json in lexical order.
 */
export function autoVarFileNames(fileNamesInDir: string[]): string[] {
  const fixed = ['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => fileNamesInDir.includes(n));
  const auto = fileNamesInDir.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...fixed, ...auto];
}
