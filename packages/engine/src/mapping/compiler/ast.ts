/** The parts of JSONata's processed AST (`jsonata(source).ast()`) that the compiler reads. */
export interface AstNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: AstNode[];
  stages?: AstNode[];
  predicate?: AstNode[];
  expressions?: AstNode[];
  expression?: AstNode;
  expr?: AstNode;
  arguments?: AstNode[];
  procedure?: AstNode;
  body?: AstNode;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  lhs?: AstNode | [AstNode, AstNode][];
  rhs?: AstNode;
  signature?: unknown;
  group?: unknown;
  focus?: unknown;
  index?: unknown;
  ancestor?: unknown;
  tuple?: boolean;
  keepArray?: boolean;
  keepSingletonArray?: boolean;
  consarray?: boolean;
  seekingParent?: unknown;
  thunk?: boolean;
}

/** Thrown while compiling: the expression runs on the interpreter, for this reason. */
export class Unsupported extends Error {}
