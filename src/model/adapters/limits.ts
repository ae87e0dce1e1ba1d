// How much of a design Bulwark reads. Every reader is linear (or n log n) in its input, and these caps keep
// a hostile or accidental input (a 4 MB paragraph, a million nodes, zones nested ten thousand deep) to a
// few seconds and well under a gigabyte. Over a cap, the input is refused with a message naming the limit
// and the actual value; a partly read design is never analysed as if it were whole.

/** Bytes of text any design format may have (the CLI reads design files up to the same size). */
export const MAX_DESIGN_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of a prose description. Reading prose does far more work per byte than a diagram (every clause is
 * matched against the vocabulary), and a real description is a few pages, not a book.
 */
export const MAX_PROSE_BYTES = 256 * 1024;

/**
 * Bytes of a Bulwark model written as YAML. The YAML parser reads about a megabyte a second, so a larger
 * model is better written as JSON, which is read at full speed up to MAX_DESIGN_BYTES.
 */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;

/** Elements (components, actors, stores) in one design. */
export const MAX_ELEMENTS = 100_000;

/** Data flows in one design. */
export const MAX_FLOWS = 300_000;

/** Trust boundaries in one design. */
export const MAX_BOUNDARIES = 10_000;

/** How deep trust boundaries may nest (a zone inside a zone inside ...). */
export const MAX_BOUNDARY_DEPTH = 50;

/**
 * Levels a YAML or JSON model may nest (a list in a mapping in a list ...). Boundaries nested through
 * `children` take two levels each, so this leaves room for MAX_BOUNDARY_DEPTH of them; the YAML parser
 * recurses per level and runs out of stack a few hundred levels further down. Checked on the text before
 * parsing (yaml-nesting.ts) and again on the parser's open collections while it parses (yaml-parse.ts):
 * broken indentation can make the parser nest where the text does not.
 */
export const MAX_YAML_NESTING = 128;

/**
 * Values that YAML aliases (`*name`) may add to a model when expanded. A real model repeats a list of data
 * assets or a block of properties a few times; "billion laughs" adds ten billion values in a dozen lines.
 */
export const MAX_YAML_ALIAS_NODES = 100_000;

/**
 * Threat Dragon trust-boundary boxes placed by geometry: each element is tested against every box, so the
 * cost is elements × boxes.
 */
export const MAX_THREAT_DRAGON_BOXES = 1_000;

/** Notes kept per read; further info and warning notes are counted and summed up in one last note. */
export const MAX_NOTES = 1_000;

/** Lines a quoted Mermaid label may span before the quote is taken as unclosed. */
export const MAX_LABEL_LINES = 50;

/** Formats a count or size for messages: exact, with thousands separators, the same in every locale. */
export function exact(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
