import { UsageError } from '../arguments.js';

/** A unified record as the CLI prints it. */
export type UnifiedRow = Record<string, unknown>;

/** `--fields id,name,app.id` as a list of paths. */
export function parseFields(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const fields = text.split(',').map((field) => field.trim());
  if (fields.some((field) => !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(field))) {
    throw new UsageError('--fields expects names separated by commas, e.g. id,name,emails or app.id');
  }
  return fields;
}

/** The value at a dotted path (`app.id`), or undefined. */
export function valueAt(record: UnifiedRow, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The record reduced to the given fields, keyed by the paths as given; absent ones are left out. */
export function project(record: UnifiedRow, fields: readonly string[] | undefined): UnifiedRow {
  if (!fields) return record;
  const result: UnifiedRow = {};
  for (const field of fields) {
    const value = valueAt(record, field);
    if (value !== undefined) result[field] = value;
  }
  return result;
}

/** A value as one line of text: scalars as they are, objects and lists as compact JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/\s+/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
