import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProviderDefinition, type ProviderDefinition } from '../src/index.js';
import { type Fixture, runFixture } from './helpers/fixture-runner.js';

/**
 * The one suite every provider folder gets by existing: its definition loads, every fixture
 * runs through the public API with exact request assertions, every mapped record validates
 * against the unified schema (strict mode), and the output matches the reviewed snapshot.
 */
const providersDirectory = fileURLToPath(new URL('../../../providers', import.meta.url));
const providerIds = readdirSync(providersDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(providersDirectory, entry.name, 'provider.yaml')))
  .map((entry) => entry.name)
  .sort();

describe.each(providerIds)('%s', (id) => {
  const folder = join(providersDirectory, id);
  let provider: ProviderDefinition;
  let loadError: unknown;
  try {
    provider = loadProviderDefinition(folder);
  } catch (error) {
    loadError = error;
  }

  it('has a valid definition', () => {
    expect(loadError).toBeUndefined();
  });

  const fixturesDirectory = join(folder, 'fixtures');
  const fixtureFiles = existsSync(fixturesDirectory)
    ? readdirSync(fixturesDirectory)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  const fixtures = fixtureFiles.map(
    (file) =>
      [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(fixturesDirectory, file), 'utf8')) as Fixture,
      ] as const,
  );

  it.skipIf(loadError !== undefined)('is a complete provider folder', () => {
    expect(provider.id).toBe(id);
    expect(existsSync(join(folder, 'README.md')), 'README.md').toBe(true);
    const covered = new Set(fixtures.map(([, fixture]) => `${fixture.call.model}/${fixture.call.resource}`));
    const uncovered = [...provider.resources.keys()].filter((key) => !covered.has(key));
    expect(uncovered, 'resources without a fixture').toEqual([]);
  });

  it.skipIf(loadError !== undefined).each(fixtures)('%s', async (name, fixture) => {
    const { output, mismatches } = await runFixture(provider, fixture);
    expect(mismatches).toEqual([]);
    await expect(`${JSON.stringify(output, null, 2)}\n`).toMatchFileSnapshot(
      join(folder, '__snapshots__', `${name}.snap.json`),
    );
  });
});
