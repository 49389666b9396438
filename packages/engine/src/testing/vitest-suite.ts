import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProviderDefinition } from '../definition/provider-source.js';
import type { ProviderDefinition } from '../public-types.js';
import { formatFixtureFailure } from './fixture-report.js';
import { runFixture } from './fixture-runner.js';
import { missingParts, readFixtures, snapshotFile, snapshotText } from './provider-folder.js';

/**
 * The conformance suite of one provider folder, as vitest tests: the definition loads (with
 * every problem listed when it does not), the folder has a README and a fixture per resource,
 * and each fixture makes exactly its exchanges and matches its snapshot in
 * `__snapshots__/<fixture>.snap.json` (`vitest -u` writes them; review before committing).
 *
 * @example
 * ```ts
 * // providers.test.ts in your project
 * import { testProvider } from '@org/engine/testing';
 *
 * testProvider('providers/acme');
 * ```
 */
export function testProvider(folder: string): void {
  const path = resolve(folder);
  describe(basename(path), () => {
    let provider: ProviderDefinition | undefined;
    let loadError: unknown;
    try {
      provider = loadProviderDefinition(path);
    } catch (error) {
      loadError = error;
    }
    const fixtures = existsSync(path) ? readFixtures(path) : [];

    it('has a valid definition', () => {
      if (loadError) throw loadError;
    });

    it.skipIf(!provider)('is a complete provider folder', () => {
      expect(missingParts(path, provider!, fixtures), 'missing from the folder').toEqual([]);
    });

    it.skipIf(!provider).each(fixtures)('%s', async (name, fixture) => {
      const outcome = await runFixture(provider!, fixture);
      expect(outcome.mismatches, formatFixtureFailure(name, fixture, outcome)).toEqual([]);
      await expect(snapshotText(outcome)).toMatchFileSnapshot(snapshotFile(path, name));
    });
  });
}

/** {@link testProvider} for every folder with a `provider.yaml` directly under `directory` (e.g. `providers`). */
export function testProviders(directory: string): void {
  const root = resolve(directory);
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'provider.yaml')))
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) testProvider(join(root, folder));
}
