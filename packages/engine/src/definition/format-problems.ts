import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../errors/engine-error.js';

type PathKey = string | number;

/** `['resources', 'user-directory/users', 'list']` -> `resources.user-directory/users.list`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Where a path sits in the YAML source, when the document is known. */
export function lineOf(
  document: Document | undefined,
  lineCounter: LineCounter | undefined,
  path: readonly PathKey[],
): number | undefined {
  if (!document || !lineCounter) return undefined;
  for (let length = path.length; length >= 0; length -= 1) {
    const node = document.getIn(path.slice(0, length), true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `required (${issue.expected})` : `expected ${issue.expected}`;
    case 'invalid_union':
      if ('discriminator' in issue && Array.isArray((issue as { options?: unknown[] }).options)) {
        return `expected one of ${(issue as { options: unknown[] }).options.map(String).join(', ')}`;
      }
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * Flattens zod issues into problems. For a union that failed in every branch, the branch with
 * the fewest issues is reported: it is almost always the one the author meant.
 */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  document?: Document,
  lineCounter?: LineCounter,
  prefix: readonly PathKey[] = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathKey[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && !('discriminator' in issue)) {
      const best = [...issue.errors].sort((left, right) => left.length - right.length)[0]!;
      problems.push(...problemsFromZod(best, document, lineCounter, path));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        problems.push({
          path: formatPath(keyPath),
          message: 'unknown key',
          line: lineOf(document, lineCounter, keyPath),
        });
      }
      continue;
    }
    problems.push({
      path: formatPath(path),
      message: messageOf(issue),
      line: lineOf(document, lineCounter, path),
    });
  }
  return problems.map((problem) =>
    problem.line === undefined ? { path: problem.path, message: problem.message } : problem,
  );
}
