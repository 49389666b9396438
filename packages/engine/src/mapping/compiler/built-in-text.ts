import { applyFunction, type Call, isFunction } from './runtime.js';
import { codePoints, createSequence, type JsonataError } from './values.js';

/**
 * JSONata's string functions, synchronous, with the semantics and error codes of its reference
 * implementation (jsonata 2.x functions.js, MIT).
 */

export interface MatchResult {
  match: string;
  start: number;
  end: number;
  groups: string[];
  next: () => MatchResult | undefined;
}

/** A regex literal as JSONata evaluates it: a matcher function walking the matches of a string. */
export function regexMatcher(
  pattern: RegExp,
  position: number | undefined,
): (text: string) => MatchResult | undefined {
  const regex = new RegExp(pattern);
  const matcher = (text: string, fromIndex?: number): MatchResult | undefined => {
    regex.lastIndex = fromIndex ?? 0;
    const found = regex.exec(text);
    if (found === null) return undefined;
    const result: MatchResult = {
      match: found[0],
      start: found.index,
      end: found.index + found[0].length,
      groups: found.slice(1) as string[],
      next: () => {
        if (regex.lastIndex >= text.length) return undefined;
        const next = matcher(text, regex.lastIndex);
        if (next && next.match === '') {
          throw { code: 'D1004', position, value: pattern.source } satisfies JsonataError;
        }
        return next;
      },
    };
    return result;
  };
  return (text: string) => matcher(text);
}

function runMatcher(matcher: unknown, text: string, call: Call): MatchResult | undefined {
  const result = applyFunction(matcher, [text], undefined, call.frame) as MatchResult | undefined;
  if (
    result &&
    !(typeof result.start === 'number' || Array.isArray(result.groups) || isFunction(result.next))
  ) {
    throw { code: 'T1010' } satisfies JsonataError;
  }
  return result;
}

function nextMatch(previous: MatchResult, call: Call): MatchResult | undefined {
  return runMatcher(previous.next, undefined as unknown as string, call);
}

export function contains(args: unknown[], call: Call): unknown {
  const [text, token] = args as [string | undefined, unknown];
  if (text === undefined || token === undefined) return undefined;
  if (typeof token === 'string') return text.includes(token);
  return runMatcher(token, text, call) !== undefined;
}

export function match(args: unknown[], call: Call): unknown {
  const [text, regex, limit] = args as [string | undefined, unknown, number | undefined];
  if (text === undefined) return undefined;
  if (limit !== undefined && limit < 0)
    throw { code: 'D3040', value: limit, index: 3 } satisfies JsonataError;
  const result = createSequence();
  if (limit === undefined || limit > 0) {
    let count = 0;
    let found = runMatcher(regex, text, call);
    while (found !== undefined && (limit === undefined || count < limit)) {
      result.push({ match: found.match, index: found.start, groups: found.groups });
      found = nextMatch(found, call);
      count += 1;
    }
  }
  return result;
}

function substitute(replacement: string, found: MatchResult): string {
  let output = '';
  let position = 0;
  let index = replacement.indexOf('$', position);
  while (index !== -1 && position < replacement.length) {
    output += replacement.substring(position, index);
    position = index + 1;
    const dollar = replacement.charAt(position);
    if (dollar === '$') {
      output += '$';
      position += 1;
    } else if (dollar === '0') {
      output += found.match;
      position += 1;
    } else {
      const maxDigits =
        found.groups.length === 0 ? 1 : Math.floor(Math.log(found.groups.length) * Math.LOG10E) + 1;
      index = Number.parseInt(replacement.substring(position, position + maxDigits), 10);
      if (maxDigits > 1 && index > found.groups.length) {
        index = Number.parseInt(replacement.substring(position, position + maxDigits - 1), 10);
      }
      if (!Number.isNaN(index)) {
        if (found.groups.length > 0) {
          const group = found.groups[index - 1];
          if (group !== undefined) output += group;
        }
        position += index.toString().length;
      } else {
        output += '$';
      }
    }
    index = replacement.indexOf('$', position);
  }
  return output + replacement.substring(position);
}

export function replace(args: unknown[], call: Call): unknown {
  const [text, pattern, replacement, limit] = args as [
    string | undefined,
    unknown,
    unknown,
    number | undefined,
  ];
  if (text === undefined) return undefined;
  if (pattern === '') throw { code: 'D3010', value: pattern, index: 2 } satisfies JsonataError;
  if (limit !== undefined && limit < 0)
    throw { code: 'D3011', value: limit, index: 4 } satisfies JsonataError;
  if (limit !== undefined && limit <= 0) return text;
  let result = '';
  let position = 0;
  let count = 0;
  if (typeof pattern === 'string') {
    let index = text.indexOf(pattern, position);
    while (index !== -1 && (limit === undefined || count < limit)) {
      result += text.substring(position, index) + String(replacement);
      position = index + pattern.length;
      count += 1;
      index = text.indexOf(pattern, position);
    }
    return result + text.substring(position);
  }
  let found = runMatcher(pattern, text, call);
  if (found === undefined) return text;
  while (found !== undefined && (limit === undefined || count < limit)) {
    result += text.substring(position, found.start);
    const replaced =
      typeof replacement === 'string'
        ? substitute(replacement, found)
        : applyFunction(replacement, [found], undefined, call.frame);
    if (typeof replaced !== 'string') throw { code: 'D3012', value: replaced } satisfies JsonataError;
    result += replaced;
    position = found.start + found.match.length;
    count += 1;
    found = nextMatch(found, call);
  }
  return result + text.substring(position);
}

export function split(args: unknown[], call: Call): unknown {
  const [text, separator, limit] = args as [string | undefined, unknown, number | undefined];
  if (text === undefined) return undefined;
  if (limit !== undefined && limit < 0)
    throw { code: 'D3020', value: limit, index: 3 } satisfies JsonataError;
  if (limit !== undefined && limit <= 0) return [];
  if (typeof separator === 'string') return text.split(separator, limit);
  const result: string[] = [];
  let count = 0;
  let found = runMatcher(separator, text, call);
  if (found === undefined) return [text];
  let start = 0;
  while (found !== undefined && (limit === undefined || count < limit)) {
    result.push(text.substring(start, found.start));
    start = found.end;
    found = nextMatch(found, call);
    count += 1;
  }
  if (limit === undefined || count < limit) result.push(text.substring(start));
  return result;
}

export function substring(args: unknown[]): unknown {
  const [text, startAt, length] = args as [string | undefined, number, number | undefined];
  if (text === undefined) return undefined;
  const characters = codePoints(text);
  const start = characters.length + startAt < 0 ? 0 : startAt;
  if (length !== undefined) {
    if (length <= 0) return '';
    const end = start >= 0 ? start + length : characters.length + start + length;
    return characters.slice(start, end).join('');
  }
  return characters.slice(start).join('');
}

export function substringBefore(args: unknown[]): unknown {
  const [text, chars] = args as [string | undefined, string];
  if (text === undefined) return undefined;
  const position = text.indexOf(chars);
  return position > -1 ? text.substring(0, position) : text;
}

export function substringAfter(args: unknown[]): unknown {
  const [text, chars] = args as [string | undefined, string];
  if (text === undefined) return undefined;
  const position = text.indexOf(chars);
  return position > -1 ? text.substring(position + chars.length) : text;
}

export function trim(args: unknown[]): unknown {
  const [text] = args as [string | undefined];
  if (text === undefined) return undefined;
  let result = text.replace(/[ \t\n\r]+/gm, ' ');
  if (result.charAt(0) === ' ') result = result.substring(1);
  if (result.charAt(result.length - 1) === ' ') result = result.substring(0, result.length - 1);
  return result;
}

export function join(args: unknown[]): unknown {
  const [texts, separator] = args as [string[] | undefined, string | undefined];
  if (texts === undefined) return undefined;
  return texts.join(separator ?? '');
}
