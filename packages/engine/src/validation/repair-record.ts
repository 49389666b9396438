import type { Problem } from '../errors/engine-error.js';

/** What is left of a record after its invalid values were dropped. */
export interface RepairedRecord {
  /** The record without the values that failed, or undefined when it cannot be kept. */
  record: Record<string, unknown> | undefined;
  /** Every problem found, with its path as first reported. */
  problems: Problem[];
}

/** A repair that needs more rounds than this is not converging: the record is skipped. */
const MAX_ROUNDS = 5;

/**
 * Drops every value of `record` that fails its unified schema, so one bad value does not cost the
 * whole record: an invalid optional field goes, an invalid item of a list goes, an object that
 * lacks a required field of its own goes with it. A record whose own required field (its `id`, a
 * `name`, a `status`) is missing or invalid cannot be kept. `remote_data` is never changed: the
 * raw value stays there.
 */
export function repairRecord(
  record: Record<string, unknown>,
  validate: (candidate: Record<string, unknown>) => Problem[],
): RepairedRecord {
  const problems = new Map<string, Problem>();
  let current = record;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const found = validate(current);
    if (found.length === 0) return { record: current, problems: [...problems.values()] };
    const removals: string[][] = [];
    for (const problem of found) {
      const segments = problem.path.split('.');
      // A required field reported missing after its invalid value was dropped: the first report
      // says why.
      const reported = problems.get(problem.path) ?? problem;
      problems.set(problem.path, reported);
      const missing = problem.message === 'is required';
      if (segments.length === 1 && (missing || segments[0] === 'id')) {
        return { record: undefined, problems: [...problems.values()] };
      }
      removals.push(missing ? segments.slice(0, -1) : segments);
    }
    current = withoutPaths(current, removals);
  }
  return { record: undefined, problems: [...problems.values()] };
}

/** A copy of `record` without the values at `paths`; lists and objects left empty go too. */
function withoutPaths(record: Record<string, unknown>, paths: string[][]): Record<string, unknown> {
  const copy = structuredClone({ ...record, remote_data: undefined }) as Record<string, unknown>;
  // Each path once, deepest and last items first, so removing one list item does not shift
  // another's index.
  const unique = [...new Map(paths.map((path) => [path.join('.'), path])).values()];
  const ordered = unique.sort(comparePathsDescending);
  for (const path of ordered) removeAt(copy, path);
  const pruned = dropEmptyContainers(copy) as Record<string, unknown> | undefined;
  const result: Record<string, unknown> = { ...(pruned ?? {}) };
  if (record.remote_data !== undefined) result.remote_data = record.remote_data;
  return result;
}

function removeAt(root: unknown, path: string[]): void {
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<string, unknown>)[segment];
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (Number.isInteger(index) && index < parent.length) parent.splice(index, 1);
  } else if (parent !== null && typeof parent === 'object') {
    delete (parent as Record<string, unknown>)[last];
  }
}

function comparePathsDescending(left: string[], right: string[]): number {
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    if (left[index] === right[index]) continue;
    const [a, b] = [Number(left[index]), Number(right[index])];
    if (Number.isInteger(a) && Number.isInteger(b)) return b - a;
    return left[index]! < right[index]! ? 1 : -1;
  }
  return right.length - left.length;
}

function dropEmptyContainers(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(dropEmptyContainers).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, dropEmptyContainers(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}
