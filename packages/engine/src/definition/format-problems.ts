import { type Document, isMap, isScalar, type LineCounter } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../errors/engine-error.js';

type PathKey = string | number;

/** `['resources', 'user-directory/users', 'list']` -> `resources.user-directory/users.list`. */
function formatPath(path: readonly PropertyKey[]): string {
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
    const start = startOf(document, path.slice(0, length));
    if (start !== undefined) return lineCounter.linePos(start).line;
  }
  return undefined;
}

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/** Where the value at `path` starts; for a map entry, where its key starts (a block value begins a line later). */
function startOf(document: Document, path: readonly PathKey[]): number | undefined {
  if (path.length > 0) {
    const parent = document.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const name = String(path[path.length - 1]);
      const pair = parent.items.find((item) =>
        isScalar(item.key) ? String(item.key.value) === name : String(item.key) === name,
      );
      const keyRange = (pair?.key as Ranged)?.range;
      if (keyRange) return keyRange[0];
    }
  }
  return (document.getIn(path, true) as Ranged)?.range?.[0];
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
