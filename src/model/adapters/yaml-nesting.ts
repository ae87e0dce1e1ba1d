// How deep a YAML (or JSON) document nests, measured before it is parsed. The YAML parser recurses once per
// level and a few thousand levels exhaust the stack, which can take the process down rather than throw,
// so deeper documents are refused up front. One linear pass; it may count a bracket inside a string, so it
// errs towards deeper, never shallower.

export interface Nesting {
  depth: number;
  /** 1-based line where the deepest point is. */
  line: number;
}

export function yamlNesting(text: string): Nesting {
  const indents: number[] = [];
  let flow = 0;
  let deepest: Nesting = { depth: 0, line: 1 };
  let lineNumber = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lineNumber++;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const blank = i === end || text[i] === '#' || text[i] === '\r';
    if (!blank && flow === 0) {
      // Block structure: each deeper indentation is a level; a shallower one closes levels.
      const indent = i - start;
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
    }
    // Compact nesting on one line: `- - - item`, `? key`, `- key: value`.
    let markers = 0;
    while (i + 1 < end && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      markers++;
      i += 2;
      while (i < end && text.charCodeAt(i) === 32) i++;
    }
    const base = indents.length + markers;
    if (base > deepest.depth) deepest = { depth: base, line: lineNumber };
    for (; i < end; i++) {
      const ch = text[i];
      if (ch === '[' || ch === '{') {
        flow++;
        if (base + flow > deepest.depth) deepest = { depth: base + flow, line: lineNumber };
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    start = end + 1;
  }
  return deepest;
}
