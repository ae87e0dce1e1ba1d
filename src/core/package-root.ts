// Where Bulwark itself is installed: the nearest directory above this module holding its package.json.
// Found by walking up, so it holds for the sources, the compiled files and the bundled chunks alike.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'bulwark') return (root = dir);
    } catch {
      // no package.json here: keep looking
    }
    if (dirname(dir) === dir) throw new Error('cannot find the bulwark package.json above ' + fileURLToPath(import.meta.url));
  }
}
