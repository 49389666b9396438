/**
 * Drops `null`, `undefined`, `""`, empty arrays and empty objects, recursively: the unified
 * schemas omit a field the provider has no value for rather than sending an empty one.
 */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    let kept = 0;
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const pruned = pruneEmpty(item);
      if (pruned === undefined) continue;
      output[key] = pruned;
      kept += 1;
    }
    return kept === 0 ? undefined : output;
  }
  if (value === null || value === '') return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}
