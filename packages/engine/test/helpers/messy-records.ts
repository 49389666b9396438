import fc from 'fast-check';

/**
 * Records shaped like a provider's own, made messy the way real payloads are: any field may be
 * missing, null, empty, a number written as text, an array where one value is expected (or one
 * value where an array is), or Unicode text.
 */
export function messyLike(sample: unknown, depth = 0): fc.Arbitrary<unknown> {
  const odd = fc.constantFrom<unknown>(null, '', ' ', '0', 0, true, [], {});
  if (Array.isArray(sample)) {
    const item = sample.length > 0 ? messyLike(sample[0], depth + 1) : fc.jsonValue({ maxDepth: 1 });
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: 1, arbitrary: item },
      { weight: 1, arbitrary: odd },
    );
  }
  if (sample !== null && typeof sample === 'object') {
    if (depth > 4) return fc.constant(sample);
    const fields = Object.fromEntries(
      Object.entries(sample).map(([key, value]) => [key, messyLike(value, depth + 1)]),
    );
    const record = fc.record(fields, { requiredKeys: [] });
    return fc.oneof(
      { weight: 6, arbitrary: record },
      { weight: 1, arbitrary: fc.array(record, { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: odd },
    );
  }
  if (typeof sample === 'string') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(sample) },
      { weight: 1, arbitrary: fc.constant(sample.toUpperCase()) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(`  ${sample} `, `${sample}\u0301`, '2024-05-01T10:00:00+02:00'),
      },
      { weight: 1, arbitrary: fc.integer().map(String) },
      { weight: 1, arbitrary: odd },
    );
  }
  if (typeof sample === 'number') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(sample) },
      { weight: 1, arbitrary: fc.constant(String(sample)) },
      { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
      { weight: 1, arbitrary: odd },
    );
  }
  return fc.oneof({ weight: 3, arbitrary: fc.constant(sample) }, { weight: 1, arbitrary: odd });
}

/** The records a fixture's responses carry: array bodies, arrays under a key, or the body itself. */
export function recordsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body.filter((item) => item !== null && typeof item === 'object');
  if (body === null || typeof body !== 'object') return [];
  const arrays = Object.values(body).filter(
    (value): value is unknown[] => Array.isArray(value) && value.some((item) => typeof item === 'object'),
  );
  return arrays.length > 0 ? arrays.flat() : [body];
}
