/**
 * The SCIM-like expressions of Okta's `search` and `filter` parameters:
 * `profile.department eq "Engineering" and (status eq "ACTIVE" or lastUpdated gt "2025-01-01T00:00:00.000Z")`.
 * Operators: eq, sw, co, gt, ge, lt, le and pr; `and` binds tighter than `or`; values are
 * quoted strings, numbers, true, false or null. As on Okta, a bare timestamp is an error.
 */

export type ComparisonOperator = 'eq' | 'sw' | 'co' | 'gt' | 'ge' | 'lt' | 'le';
export type ScimValue = string | number | boolean | null;

export type ScimExpression =
  | { kind: 'and' | 'or'; left: ScimExpression; right: ScimExpression }
  | { kind: 'present'; path: string }
  | { kind: 'compare'; path: string; operator: ComparisonOperator; value: ScimValue };

/** A malformed expression; the message says what is wrong and where. */
export class ScimFilterError extends Error {
  override readonly name = 'ScimFilterError';
}

const COMPARISONS = new Set<string>(['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le']);
const TOKEN = /\s*(?:(\()|(\))|"((?:[^"\\]|\\.)*)"|([^\s()"]+))/y;

type Token = { kind: 'open' | 'close' | 'string' | 'word'; text: string; offset: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const offset = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (text.slice(offset).trim() === '') break;
      throw new ScimFilterError(`Unterminated string at position ${offset}`);
    }
    const [, open, close, quoted, word] = match;
    if (open) tokens.push({ kind: 'open', text: open, offset });
    else if (close) tokens.push({ kind: 'close', text: close, offset });
    else if (quoted !== undefined)
      tokens.push({ kind: 'string', text: quoted.replace(/\\(.)/g, '$1'), offset });
    else if (word) tokens.push({ kind: 'word', text: word, offset });
  }
  return tokens;
}

/** Parses an expression; throws {@link ScimFilterError} when it is not valid. */
export function parseScimFilter(text: string): ScimExpression {
  const tokens = tokenize(text);
  let position = 0;
  const peekWord = () => {
    const token = tokens[position];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  };
  const fail = (expected: string): never => {
    const token = tokens[position];
    const found = token ? `"${token.text}" at position ${token.offset}` : 'the end of the expression';
    throw new ScimFilterError(`Invalid search criteria: expected ${expected}, found ${found}`);
  };

  const parseValue = (): ScimValue => {
    const token = tokens[position];
    if (token?.kind === 'string') {
      position++;
      return token.text;
    }
    if (token?.kind !== 'word') return fail('a value');
    const word = token.text.toLowerCase();
    let value: ScimValue;
    if (word === 'true' || word === 'false') value = word === 'true';
    else if (word === 'null') value = null;
    else if (/^-?\d+(\.\d+)?$/.test(token.text)) value = Number(token.text);
    else return fail('a quoted value (timestamps and text must be quoted)');
    position++;
    return value;
  };

  const parsePrimary = (): ScimExpression => {
    const token = tokens[position];
    if (token?.kind === 'open') {
      position++;
      const inner = parseOr();
      if (tokens[position]?.kind !== 'close') fail('")"');
      position++;
      return inner;
    }
    if (token?.kind !== 'word' || !/^[A-Za-z_][\w.]*$/.test(token.text)) return fail('an attribute name');
    position++;
    const operator = peekWord();
    if (operator === 'pr') {
      position++;
      return { kind: 'present', path: token.text };
    }
    if (operator === undefined || !COMPARISONS.has(operator))
      return fail('an operator (eq, sw, co, gt, ge, lt, le, pr)');
    position++;
    return {
      kind: 'compare',
      path: token.text,
      operator: operator as ComparisonOperator,
      value: parseValue(),
    };
  };

  const parseAnd = (): ScimExpression => {
    let left = parsePrimary();
    while (peekWord() === 'and') {
      position++;
      left = { kind: 'and', left, right: parsePrimary() };
    }
    return left;
  };

  const parseOr = (): ScimExpression => {
    let left = parseAnd();
    while (peekWord() === 'or') {
      position++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };

  if (tokens.length === 0) throw new ScimFilterError('Invalid search criteria: the expression is empty');
  const expression = parseOr();
  if (position < tokens.length) fail('"and", "or" or the end of the expression');
  return expression;
}
