import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type Fixture, readFixtures, runFixture } from '../src/fixtures.js';
import { loadProviderDefinition } from '../src/index.js';
import { setEvaluationMode, takeDifferences } from '../src/mapping/evaluation-mode.js';

/**
 * The compiled expressions against the JSONata interpreter: every fixture of every provider
 * folder runs with both evaluators side by side, and any expression whose value or error differs
 * between them fails the fixture.
 */
const providersDirectory = fileURLToPath(new URL('../../../providers', import.meta.url));
const providerIds = readdirSync(providersDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(providersDirectory, entry.name, 'provider.yaml')))
  .map((entry) => entry.name)
  .sort();

setEvaluationMode('checked');
afterAll(() => setEvaluationMode('compiled'));

describe.each(providerIds)('%s compiled = interpreted', (id) => {
  const folder = join(providersDirectory, id);
  const provider = loadProviderDefinition(folder);
  const fixtures: Array<[string, Fixture]> = readFixtures(folder);

  it('compiles every expression', () => {
    expect(provider.expressions.length).toBeGreaterThan(0);
    expect(provider.expressions.filter((expression) => expression.reason !== undefined)).toEqual([]);
  });

  it.each(fixtures)('%s', async (_name, fixture) => {
    takeDifferences();
    await runFixture(provider, fixture);
    expect(takeDifferences()).toEqual([]);
  });
});
