/**
 * Drops `null`, `undefined`, `""`, empty arrays and empty objects, recursively: the unified
 * schemas omit a field the provider has no value for rather than sending an empty one.
 */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const pruned = pruneEmpty(item);
      if (pruned !== undefined) items.push(pruned);
    }
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') return pruneFields(value as Record<string, unknown>);
  if (value === null || value === '') return undefined;
  if (typeof value === 'string' && isBlank(value)) return undefined;
  return value;
}

/**
 * `text.trim() === ''` for a non-empty text, without trimming the common case: a text whose
 * first character is visible ASCII has something left after any trim.
 */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim() === '';
}

/**
 * `pruneEmpty` of an object, leaving the field `except` out: a mapped record is pruned without
 * its `remote_data`, which stays as the provider sent it, and without copying it first.
 */
export function pruneFields(
  value: Record<string, unknown>,
  except?: string,
): Record<string, unknown> | undefined {
  let output: Record<string, unknown> | undefined;
  for (const key in value) {
    if (key === except || !Object.hasOwn(value, key)) continue;
    const pruned = pruneEmpty(value[key]);
    if (pruned === undefined) continue;
    output ??= {};
    output[key] = pruned;
  }
  return output;
}
