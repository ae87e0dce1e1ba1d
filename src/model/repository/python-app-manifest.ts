// A Python application's manifest: the packages it depends on, from requirements.txt, pyproject.toml,
// Pipfile or setup.py, read line by line as text (setup.py is never run), and the name it gives itself.

export const MANIFEST = /(^|\/)(requirements(?:[-_.]\w+)?\.txt|pyproject\.toml|Pipfile|setup\.py|setup\.cfg)$/;

export interface PyManifest {
  dir: string;
  name?: string;
  deps: Set<string>;
}

const SPEC = /^([A-Za-z0-9][A-Za-z0-9._-]{0,80})(?:\[[^\]]{0,200}\])?\s*(?:[<>=!~;@ ]|$)/;
const MAX_LINES = 5000;

/** Adds the dependencies one manifest file lists to its directory's manifest. */
export function readManifest(into: Map<string, PyManifest>, rel: string, text: string): void {
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const file = rel.slice(rel.lastIndexOf('/') + 1);
  const m = into.get(dir) ?? { dir, deps: new Set<string>() };
  into.set(dir, m);
  const lines = text.split('\n', MAX_LINES);
  if (file.endsWith('.txt')) {
    for (const raw of lines) {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line || line.startsWith('-')) continue;
      const spec = SPEC.exec(line);
      if (spec) m.deps.add(normal(spec[1]!));
    }
    return;
  }
  for (const raw of lines) {
    const line = raw.replace(/#.*$/, '');
    if (file === 'pyproject.toml' || file === 'setup.py' || file === 'setup.cfg') {
      const named = /^\s*name\s*=\s*["']([^"']{1,100})["']/.exec(line);
      if (named && !m.name) m.name = named[1];
    }
    // Quoted specs (`"fastapi>=0.110"` in a PEP 621 list or install_requires) and TOML keys (`flask = "^3"`).
    for (const q of line.matchAll(/["']([^"']{1,200})["']/g)) {
      const spec = SPEC.exec(q[1]!.trim());
      if (spec) m.deps.add(normal(spec[1]!));
    }
    const key = /^\s*([A-Za-z0-9][A-Za-z0-9._-]{0,80})\s*=/.exec(line);
    if (key && file !== 'setup.py') m.deps.add(normal(key[1]!));
  }
}

const normal = (name: string): string => name.toLowerCase().replace(/_/g, '-');
