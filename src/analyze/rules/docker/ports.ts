// The ports an EXPOSE instruction names: `80`, `443/tcp`, `8000-8010`, `${PORT}`.

import type { DockerInstruction } from '../../../parse/dockerfile/read.js';

export function exposedPorts(expose: DockerInstruction): { text: string; from: number; to: number }[] {
  const out: { text: string; from: number; to: number }[] = [];
  for (const word of expose.words) {
    const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(word);
    if (m) out.push({ text: word, from: Number(m[1]), to: Number(m[2] ?? m[1]) });
  }
  return out;
}
