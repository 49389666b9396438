import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import jsonata from 'jsonata';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Fixture } from '../src/fixtures.js';
import { loadProviderDefinition } from '../src/index.js';
import { type CompiledExpression, compileExpression } from '../src/mapping/compiler/compile-expression.js';
import { setEvaluationMode, takeDifferences } from '../src/mapping/evaluation-mode.js';
import { MAPPING_HELPERS } from '../src/mapping/jsonata-helpers.js';
import { CollectionExpression, PageExpression, SingleExpression } from '../src/mapping/record-mapping.js';
import { expressionInput, expressionSource } from './helpers/expression-grammar.js';
import { messyLike, recordsOf } from './helpers/messy-records.js';

// Local runs explore a new seed each time and so keep finding divergences; CI runs one fixed
// seed so that a landing is never decided by chance. FAST_CHECK_SEED replays a reported failure.
const seed = process.env.FAST_CHECK_SEED
  ? Number(process.env.FAST_CHECK_SEED)
  : process.env.CI
    ? 20261202
    : undefined;
fc.configureGlobal({ seed });

/**
 * Property-based half of the differential suite: generated records shaped like each provider's
 * payloads go through every expression of its resources, and generated expressions of the
 * compiled grammar run on generated inputs; compiled and interpreted must agree on every value
 * and every error. fast-check shrinks any counterexample to a small one.
 */
const providersDirectory = fileURLToPath(new URL('../../../providers', import.meta.url));
const providerIds = readdirSync(providersDirectory).filter((id) =>
  existsSync(join(providersDirectory, id, 'provider.yaml')),
);

setEvaluationMode('checked');
// `$millis()` is read once per evaluation: both evaluators must see one clock.
vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-01T12:00:00.000Z') });
afterAll(() => {
  setEvaluationMode('compiled');
  vi.useRealTimers();
});

type AnyExpression = PageExpression | CollectionExpression | SingleExpression;

/** Every expression object reachable from a compiled resource. */
function expressionsOf(root: unknown): AnyExpression[] {
  const found = new Set<AnyExpression>();
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (
      value instanceof PageExpression ||
      value instanceof CollectionExpression ||
      value instanceof SingleExpression
    ) {
      found.add(value);
      return;
    }
    const children = value instanceof Map ? [...value.values()] : Object.values(value);
    for (const child of children) visit(child);
  };
  visit(root);
  return [...found];
}

function fixtureSamples(folder: string): Map<string, unknown[]> {
  const samples = new Map<string, unknown[]>();
  const directory = join(folder, 'fixtures');
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.json'))) {
    const fixture = JSON.parse(readFileSync(join(directory, file), 'utf8')) as Fixture;
    if (!fixture.call.model) continue;
    const key = `${fixture.call.model}/${fixture.call.resource}`;
    const list = samples.get(key) ?? [];
    for (const exchange of fixture.exchanges) list.push(...recordsOf(exchange.response.body));
    samples.set(key, list);
  }
  return samples;
}

describe.each(providerIds)('%s expressions on messy records', (id) => {
  const folder = join(providersDirectory, id);
  const provider = loadProviderDefinition(folder);
  const samples = fixtureSamples(folder);
  const cases = [...provider.resources.entries()]
    .map(([key, resource]) => [key, expressionsOf(resource), samples.get(key) ?? []] as const)
    .filter(([, , records]) => records.length > 0);

  it.each(cases)(
    '%s',
    async (_key, expressions, records) => {
      const record = fc.oneof(...records.slice(0, 6).map((sample) => messyLike(sample)));
      const bindings = fc.record({
        parent: record,
        filter: fc.constantFrom({}, { status: 'active' }, { app_id: '0oa1' }),
        params: fc.constant({ domain: 'acme.okta.com' }),
        id: fc.constantFrom('00u1', 'app:user'),
        id_parts: fc.constantFrom(['0oa1', '00u1'], []),
      });
      takeDifferences();
      await fc.assert(
        fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), bindings, async (page, values) => {
          for (const expression of expressions) {
            await (expression instanceof SingleExpression
              ? expression.apply({ data: page, _links: page[0] }, values)
              : expression.apply(page, values)
            ).catch(() => undefined);
          }
          expect(takeDifferences()).toEqual([]);
        }),
        { numRuns: 25 },
      );
    },
    60_000,
  );
});

describe('generated expressions', () => {
  // Failures compare as failures: see compareOutcomes for why two may name different errors.
  function outcome(action: () => unknown): string {
    try {
      return JSON.stringify({ value: action() ?? '(undefined)' });
    } catch {
      return 'error';
    }
  }

  it('give the same value or error compiled and interpreted', async () => {
    await fc.assert(
      fc.asyncProperty(expressionSource, expressionInput, async (source, input) => {
        const compiled = compileExpression(source);
        fc.pre('evaluate' in compiled);
        const expression = compiled as CompiledExpression;
        for (const [name, helper] of Object.entries(MAPPING_HELPERS)) expression.assign(name, helper);
        const interpreted = await jsonata(source)
          .evaluate(input, { ...MAPPING_HELPERS })
          .then(
            (value) => JSON.stringify({ value: value ?? '(undefined)' }),
            () => 'error',
          );
        expect(outcome(() => expression.evaluate(input))).toBe(interpreted);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
