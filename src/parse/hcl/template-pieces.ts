// The flat pieces a template is scanned into (literals, interpolations, directive markers), and the
// `<<-` indentation removal HCL applies to them before they are nested.

import type { Position, Range } from '../../core/types.js';
import type { Expr } from './ast.js';
import { isUnicodeSpace } from './chars.js';

export const enum Piece { LIT, INTERP, IF, ELSE, ENDIF, FOR, ENDFOR }

export interface TemplatePiece {
  kind: Piece;
  range: Range;
  value: string;
  stripLeft: boolean;
  stripRight: boolean;
  /** A heredoc literal that begins a line (candidate for `<<-` indentation removal). */
  lineStart: boolean;
  expr: Expr | undefined;
  keyVar: string | undefined;
  valueVar: string;
}

export function piece(kind: Piece, range: Range): TemplatePiece {
  return { kind, range, value: '', stripLeft: false, stripRight: false, lineStart: false, expr: undefined, keyVar: undefined, valueVar: '' };
}

export function literal(value: string, start: Position, end: Position): TemplatePiece {
  const p = piece(Piece.LIT, { start, end });
  p.value = value;
  return p;
}

/**
 * `<<-` removes the smallest indentation of all lines from every line, as HCL does: whitespace-only lines
 * do not count, and a line that opens with `${`/`%{` has no indentation (so nothing is removed).
 */
export function flushIndentation(pieces: TemplatePiece[]): void {
  let min = Infinity;
  const adjust: TemplatePiece[] = [];
  for (const p of pieces) {
    if (p.kind !== Piece.LIT || !p.lineStart) continue;
    let n = 0;
    while (n < p.value.length && isUnicodeSpace(p.value.charCodeAt(n))) n++;
    // A whitespace-only line neither counts nor is trimmed.
    if (n === p.value.length && p.value.endsWith('\n')) continue;
    adjust.push(p);
    if (n < min) min = n;
  }
  if (min === Infinity || min === 0) return;
  for (const p of adjust) p.value = p.value.slice(min);
}

/** Whitespace within a line: space, tab, carriage return, vertical tab, form feed. */
export function isInlineSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}
