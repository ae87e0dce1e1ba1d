// The git index reader (tracked files an ignore file ignores): index files of versions 2, 3 and 4 built
// from random paths, as they are and with bytes changed, cut or appended. A built index must give back its
// paths exactly; a damaged one gives some paths or none, and never throws. Inputs are bytes in latin1.

import fc from 'fast-check';
import { parseIndex } from '../../../src/discover/git-index.js';
import { defineTarget, type Violation } from '../harness/target.js';

interface Built {
  paths: string[];
  version: number;
}

const SEGMENT = fc.stringMatching(/^[a-zA-Z0-9._-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
const PATH = fc.array(SEGMENT, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));

/** An index as git writes it: sorted entries, version 4 with prefix-compressed names, others padded to 8 bytes. */
export function encodeIndex({ paths, version }: Built): Buffer {
  const sorted = [...new Set(paths)].sort();
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(sorted.length, 8);
  const parts: Buffer[] = [header];
  let previous = '';
  for (const [i, path] of sorted.entries()) {
    const extended = version === 3 && i % 2 === 0;
    const fixed = Buffer.alloc(62 + (extended ? 2 : 0));
    fixed.writeUInt32BE(0o100644, 24);
    fixed.writeUInt16BE(Math.min(path.length, 0xfff) | (extended ? 0x4000 : 0), 60);
    parts.push(fixed);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && common < path.length && previous[common] === path[common]) common++;
      parts.push(offsetVarint(previous.length - common), Buffer.from(`${path.slice(common)}\0`, 'utf8'));
    } else {
      const name = Buffer.from(path, 'utf8');
      const length = fixed.length + name.length;
      parts.push(name, Buffer.alloc(Math.ceil((length + 1) / 8) * 8 - length));
    }
    previous = path;
  }
  return Buffer.concat(parts);
}

function offsetVarint(value: number): Buffer {
  const bytes = [value & 0x7f];
  for (let v = value >> 7; v > 0; v >>= 7) bytes.unshift(0x80 | (--v & 0x7f));
  return Buffer.from(bytes);
}

const built = fc.record({ paths: fc.array(PATH, { maxLength: 12 }), version: fc.constantFrom(2, 3, 4) });

const damaged = fc
  .tuple(built, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.option(fc.nat()), fc.uint8Array({ maxLength: 16 }))
  .map(([index, changes, cut, tail]) => {
    const bytes = Buffer.from(encodeIndex(index));
    for (const [at, value] of changes) if (bytes.length) bytes[at % bytes.length] = value;
    const kept = cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
    return Buffer.concat([kept, Buffer.from(tail)]).toString('latin1');
  });

export default defineTarget<string, Set<string> | undefined>({
  name: 'git-index',
  description: 'Git index files (versions 2, 3, 4): built from random paths, and damaged',
  arbitrary() {
    return fc.oneof(
      { arbitrary: built.map((b) => `${JSON.stringify(b)}\n${encodeIndex(b).toString('latin1')}`), weight: 1 },
      { arbitrary: damaged, weight: 3 },
    );
  },
  run(input) {
    // A built index carries its expected paths on a first line; the reader sees only the bytes after it.
    const expected = builtPart(input);
    return parseIndex(Buffer.from(expected ? input.slice(input.indexOf('\n') + 1) : input, 'latin1'));
  },
  check(input, paths) {
    const violations: Violation[] = [];
    const expected = builtPart(input);
    if (expected) {
      const want = [...new Set(expected.paths)].sort();
      const got = [...(paths ?? [])].sort();
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        violations.push({ property: 'agreement', message: `version ${expected.version}: read ${JSON.stringify(got)}, wrote ${JSON.stringify(want)}`, signature: `agreement:v${expected.version}` });
      }
    }
    return { violations, counters: { [paths === undefined ? 'refused' : 'read']: 1 } };
  },
});

function builtPart(input: string): Built | undefined {
  if (!input.startsWith('{"paths"')) return undefined;
  try {
    return JSON.parse(input.slice(0, input.indexOf('\n'))) as Built;
  } catch {
    return undefined;
  }
}
