import type { CompiledResource, CompiledSource } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { toIsoUtc } from '../mapping/jsonata-helpers.js';
import type { UnifiedRecord } from './record-pipeline.js';

/** Filter values after validation: dates normalised to UTC `Z`. */
export type FilterValues = Record<string, string | boolean>;

const DAY_MS = 86_400_000;

/**
 * Checks the caller's filters against the resource's declarations: undeclared ones fail with
 * unsupported_filter, bad or out-of-range values with invalid_filter naming the limit.
 */
export function normaliseFilters(
  provider: string,
  resource: CompiledResource,
  given: Record<string, unknown> | undefined,
  /** Resuming from a cursor: the window was checked when the listing began and may have moved. */
  resuming = false,
): FilterValues {
  const values: FilterValues = {};
  const context = { provider, resource: resource.key, operation: 'list' };
  for (const [name, raw] of Object.entries(given ?? {})) {
    if (raw === undefined || raw === null) continue;
    const filter = resource.filters.get(name);
    if (!filter) {
      const supported = [...resource.filters.keys()];
      throw new EngineError(
        'unsupported_filter',
        `filter ${name} is not supported; supported: ${supported.join(', ') || 'none'}`,
        context,
      );
    }
    const invalid = (message: string): never => {
      throw new EngineError('invalid_filter', `filter ${name}: ${message}`, context);
    };
    const definition = filter.definition;
    if (definition.type === 'boolean') {
      if (typeof raw === 'boolean') values[name] = raw;
      else if (raw === 'true' || raw === 'false') values[name] = raw === 'true';
      else invalid('expected true or false');
      continue;
    }
    if (typeof raw !== 'string' || raw.trim() === '') invalid('expected a non-empty string');
    const text = (raw as string).trim();
    if (definition.type === 'enum' && !definition.values?.includes(text)) {
      invalid(`expected one of ${definition.values?.join(', ')}`);
    }
    if (definition.type === 'date_time' || definition.type === 'date') {
      let iso: string | undefined;
      try {
        iso = toIsoUtc(text);
      } catch {
        invalid('expected an ISO-8601 date or time stamp');
      }
      if (
        definition.max_age_days !== undefined &&
        !resuming &&
        Date.parse(iso!) < Date.now() - definition.max_age_days * DAY_MS
      ) {
        invalid(`the provider keeps at most ${definition.max_age_days} days; ${text} is older`);
      }
      values[name] = definition.type === 'date' ? iso!.slice(0, 10) : iso!;
      continue;
    }
    values[name] = text;
  }
  checkRanges(values, context);
  return values;
}

/**
 * `<name>_after` must come before `<name>_before` (the unified date filters come in such
 * pairs): an inverted range can only be a mistake, and a provider would answer it with an error
 * or nothing at all.
 */
function checkRanges(
  values: FilterValues,
  context: { provider: string; resource: string; operation: string },
): void {
  for (const [name, after] of Object.entries(values)) {
    if (!name.endsWith('_after') || typeof after !== 'string') continue;
    const beforeName = `${name.slice(0, -'_after'.length)}_before`;
    const before = values[beforeName];
    if (typeof before === 'string' && Date.parse(after) >= Date.parse(before)) {
      throw new EngineError(
        'invalid_filter',
        `filter ${name} (${after}) must be earlier than ${beforeName} (${before})`,
        context,
      );
    }
  }
}

/** The sources serving these filters: the first variant whose filters are all given, else the default. */
export function chooseSources(resource: CompiledResource, filters: FilterValues): CompiledSource[] {
  const list = resource.list!;
  const variant = list.variants.find((candidate) =>
    candidate.when.every((name) => filters[name] !== undefined),
  );
  return variant ? variant.sources : list.sources;
}

/** Applies, on mapped records, the filters a source did not answer itself. */
export async function applyLocalFilters(
  resource: CompiledResource,
  source: CompiledSource,
  filters: FilterValues,
  records: UnifiedRecord[],
): Promise<UnifiedRecord[]> {
  let kept = records;
  for (const [name, value] of Object.entries(filters)) {
    if (source.kind === 'http' && source.remoteFilters.has(name)) continue;
    const predicate = resource.filters.get(name)?.local;
    if (!predicate || kept.length === 0) continue;
    const verdicts = await predicate.apply(kept, { value });
    kept = kept.filter((_, index) => verdicts[index] === true);
  }
  return kept;
}
