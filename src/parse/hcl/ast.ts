// The HCL2 syntax tree. Every node carries its range so findings and fixes can point at exact text.
// Comments are kept on the file (not on nodes): fixes splice text by range, so they survive untouched.

import type { Range } from '../../core/types.js';

export interface HclFile {
  path: string;
  text: string;
  body: Body;
  comments: Comment[];
  /** Syntax errors. A file with errors still yields every block that parsed. */
  errors: HclSyntaxError[];
  /** Why the file was read only in part, or not at all, though its syntax was not at fault (a limit, a read error). */
  warnings?: HclFileWarning[];
}

/** A problem with a file that is not a syntax error: reported as a warning diagnostic, not a finding. */
export interface HclFileWarning {
  /** The diagnostic code: `too-many-blocks`, `file-unreadable`. */
  code: string;
  message: string;
  range: Range;
}

export interface HclSyntaxError {
  message: string;
  range: Range;
}

export interface Comment {
  /** `#`, `//` or `/*` */
  style: 'hash' | 'slash' | 'block';
  text: string;
  range: Range;
}

export interface Body {
  kind: 'Body';
  attributes: Attribute[];
  blocks: Block[];
  /** Source order of attributes and blocks together. */
  items: (Attribute | Block)[];
  /** The whole file for the root body; for a block's body, the same as `Block.bodyRange` (braces included). */
  range: Range;
}

export interface Attribute {
  kind: 'Attribute';
  name: string;
  nameRange: Range;
  expr: Expr;
  /** From the name to the end of the expression. */
  range: Range;
}

export interface Block {
  kind: 'Block';
  type: string;
  typeRange: Range;
  /** Label values, quotes removed, escapes decoded. */
  labels: string[];
  labelRanges: Range[];
  body: Body;
  /** Range of the `{` ... `}` including braces. */
  bodyRange: Range;
  /** From the type keyword to the closing brace. */
  range: Range;
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | CallExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ForExpr
  | ParenExpr;

interface ExprBase {
  range: Range;
}

/** Numbers, booleans and null. Strings are always TemplateExpr (possibly a single literal part). */
export interface LiteralExpr extends ExprBase {
  kind: 'Literal';
  value: number | boolean | null;
}

/** A quoted string or heredoc. A plain `"abc"` is a template with one literal part. */
export interface TemplateExpr extends ExprBase {
  kind: 'Template';
  parts: TemplatePart[];
  heredoc?: { marker: string; indented: boolean };
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateLiteral {
  kind: 'TemplateLiteral';
  /**
   * Escapes decoded (`\n`, `\"`, `$${` → `${`, `%%{` → `%{`); heredoc indentation removed for `<<-`; whitespace
   * next to a `~` strip marker already removed. `range` is the raw source span, before any of that.
   */
  value: string;
  range: Range;
}

export interface TemplateInterpolation {
  kind: 'TemplateInterpolation';
  expr: Expr;
  /** `${~` / `~}` */
  stripLeft: boolean;
  stripRight: boolean;
  range: Range;
}

export interface TemplateIf {
  kind: 'TemplateIf';
  condition: Expr;
  then: TemplatePart[];
  else?: TemplatePart[];
  range: Range;
}

export interface TemplateFor {
  kind: 'TemplateFor';
  keyVar?: string;
  valueVar: string;
  collection: Expr;
  body: TemplatePart[];
  range: Range;
}

export interface TupleExpr extends ExprBase {
  kind: 'Tuple';
  items: Expr[];
}

export interface ObjectItem {
  /** A bare identifier key is a VariableExpr whose name is the key; `(expr)` keys are ParenExpr. */
  key: Expr;
  value: Expr;
  range: Range;
}

export interface ObjectExpr extends ExprBase {
  kind: 'Object';
  items: ObjectItem[];
}

/** A root name: `var`, `local`, `aws_s3_bucket`, `each`, `count`, `module`, a for-variable, ... */
export interface VariableExpr extends ExprBase {
  kind: 'Variable';
  name: string;
}

export interface GetAttrExpr extends ExprBase {
  kind: 'GetAttr';
  target: Expr;
  name: string;
}

/** `a[expr]`, and the legacy `a.0` form (with `key` a number literal). */
export interface IndexExpr extends ExprBase {
  kind: 'Index';
  target: Expr;
  key: Expr;
}

/** `a[*].b` (full) or `a.*.b` (attribute-only). `each` holds the traversal applied to every element, rooted at a VariableExpr named `*`. */
export interface SplatExpr extends ExprBase {
  kind: 'Splat';
  target: Expr;
  style: 'full' | 'attr';
  each?: Expr;
}

export interface CallExpr extends ExprBase {
  kind: 'Call';
  name: string;
  nameRange: Range;
  args: Expr[];
  /** Final argument followed by `...` */
  expandFinal: boolean;
}

export interface ConditionalExpr extends ExprBase {
  kind: 'Conditional';
  condition: Expr;
  then: Expr;
  else: Expr;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr extends ExprBase {
  kind: 'Binary';
  op: BinaryOperator;
  left: Expr;
  right: Expr;
}

export interface UnaryExpr extends ExprBase {
  kind: 'Unary';
  op: '!' | '-';
  operand: Expr;
}

/** `[for k, v in coll : expr if cond]` or `{for k, v in coll : key => value... if cond}` */
export interface ForExpr extends ExprBase {
  kind: 'For';
  collectionKind: 'tuple' | 'object';
  keyVar?: string;
  valueVar: string;
  collection: Expr;
  /** For object-for: the key expression. */
  keyExpr?: Expr;
  valueExpr: Expr;
  condition?: Expr;
  /** Object-for with `...` grouping. */
  grouping: boolean;
}

export interface ParenExpr extends ExprBase {
  kind: 'Paren';
  expr: Expr;
}
