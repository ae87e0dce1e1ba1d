// Compose's variable interpolation, from the project's `.env` file only: the shell environment is never
// read, so a scan gives the same result on every machine. `${VAR}`, `$VAR`, `${VAR:-default}`,
// `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}` and `$$` are supported.

export interface Interpolated {
  /** The value with every variable the `.env` file or a default gives replaced. */
  value: string;
  /** Variables with no value in `.env` and no default: the value depends on the environment Compose runs in. */
  unresolved: string[];
  /** The text refers to at least one variable. */
  usesVariables: boolean;
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function interpolate(text: string, env: ReadonlyMap<string, string>): Interpolated {
  const unresolved: string[] = [];
  let usesVariables = false;
  const value = text.replace(VARIABLE, (whole, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    usesVariables = true;
    const name = (braced ?? bare)!;
    const set = env.get(name);
    const nonEmpty = set !== undefined && set !== '';
    switch (op) {
      case ':-':
        return nonEmpty ? set! : interpolate(arg ?? '', env).value;
      case '-':
        return set !== undefined ? set : interpolate(arg ?? '', env).value;
      case ':+':
        return nonEmpty ? interpolate(arg ?? '', env).value : '';
      case '+':
        return set !== undefined ? interpolate(arg ?? '', env).value : '';
      default:
        if (set === undefined) unresolved.push(name);
        return set ?? '';
    }
  });
  return { value, unresolved, usesVariables };
}

/** A `.env` file: `KEY=value`, `export KEY=value`, quoted values, comments; later lines win. */
export function parseDotenv(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    if (/^"(.*)"$/.test(value)) value = value.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"');
    else if (/^'(.*)'$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    env.set(m[1]!, value);
  }
  return env;
}
