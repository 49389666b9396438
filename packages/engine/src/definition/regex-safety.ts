import regexpTree from 'regexp-tree';
import type { AstNode, Expression, Repetition } from 'regexp-tree/ast';

/**
 * Refuses, when a definition loads, regular expressions that can backtrack catastrophically: a
 * JavaScript regex cannot be interrupted, so one such pattern on a hostile value would hang the
 * process. The rule is the star-height test of well-known ReDoS checkers, refined so that common
 * safe patterns pass: a repeated group whose body varies in length (a nested quantifier, an
 * alternation) is refused unless each repetition starts with a character the rest of the body
 * cannot match (`(-[a-z]{2,8})*` is safe: every repetition starts at a `-`). A bounded repetition
 * (`{2,8}`, `?`) only counts around an unbounded one (`(.*a){20}`).
 */

const UNBOUNDED = Number.POSITIVE_INFINITY;

function maxCount(repetition: Repetition): number {
  const quantifier = repetition.quantifier;
  if (quantifier.kind === '*' || quantifier.kind === '+') return UNBOUNDED;
  if (quantifier.kind === '?') return 1;
  return (quantifier as { to?: number }).to ?? UNBOUNDED;
}

function minCount(repetition: Repetition): number {
  const quantifier = repetition.quantifier;
  if (quantifier.kind === 'Range') return (quantifier as { from: number }).from;
  return quantifier.kind === '+' ? 1 : 0;
}

function children(node: AstNode | null | undefined): AstNode[] {
  if (!node) return [];
  switch (node.type) {
    case 'Alternative':
      return node.expressions;
    case 'Disjunction':
      return [node.left, node.right].filter((item): item is Expression => item !== null);
    case 'Group':
      return node.expression ? [node.expression] : [];
    case 'Repetition':
      return [node.expression];
    case 'Assertion':
      return 'assertion' in node && node.assertion ? [node.assertion] : [];
    default:
      return [];
  }
}

function descendants(node: AstNode): AstNode[] {
  return children(node).flatMap((child) => [child, ...descendants(child)]);
}

/** The first atom every match of `node` starts with, when that is one fixed, unrepeated character. */
function leadingCharacter(node: AstNode): AstNode | undefined {
  if (node.type === 'Char') return node.kind === 'meta' || Number.isNaN(node.codePoint) ? undefined : node;
  if (node.type === 'Group' && node.expression) return leadingCharacter(node.expression);
  if (node.type === 'Alternative') {
    const first = node.expressions.find((item) => item.type !== 'Assertion');
    return first ? leadingCharacter(first) : undefined;
  }
  return undefined;
}

/** True when some repetition of `body` can start in the middle of the previous one. */
function isAmbiguous(body: AstNode, flags: string, innerUnboundedOnly: boolean): boolean {
  const inner = descendants(body);
  const varying = inner.some((item) =>
    item.type === 'Repetition'
      ? innerUnboundedOnly
        ? maxCount(item) === UNBOUNDED
        : minCount(item) !== maxCount(item)
      : !innerUnboundedOnly && item.type === 'Disjunction',
  );
  if (!varying) return false;
  const lead = leadingCharacter(body);
  if (lead?.type !== 'Char') return true;
  const delimiter = String.fromCodePoint(lead.codePoint);
  // The delimiter must not be matched by any other atom of the body.
  return inner
    .filter((item) => item !== lead && (item.type === 'Char' || item.type === 'CharacterClass'))
    .some((item) => new RegExp(regexpTree.generate(item), flags.replace(/[gy]/g, '')).test(delimiter));
}

/** Why `pattern` may backtrack catastrophically, or undefined when it is safe. */
export function catastrophicBacktracking(pattern: RegExp | string, flags = ''): string | undefined {
  let ast: ReturnType<typeof regexpTree.parse>;
  try {
    ast = regexpTree.parse(typeof pattern === 'string' ? `/${pattern}/${flags}` : pattern);
  } catch {
    // A pattern this parser does not know: JavaScript has already accepted it; leave it be.
    return undefined;
  }
  const regexFlags = ast.flags;
  for (const node of ast.body ? [ast.body, ...descendants(ast.body)] : []) {
    if (node.type !== 'Repetition' || maxCount(node) <= 1) continue;
    const unbounded = maxCount(node) === UNBOUNDED;
    if (isAmbiguous(node.expression, regexFlags, !unbounded)) {
      return `${regexpTree.generate(node)} repeats a part that can match in more than one way (nested quantifiers or alternatives); its matching time can grow exponentially`;
    }
  }
  return undefined;
}
