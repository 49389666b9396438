import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProviderDefinition } from '../definition/provider-source.js';
import type { ProviderDefinition } from '../public-types.js';
import { formatFixtureFailure } from './fixture-report.js';
import { runFixture } from './fixture-runner.js';
import type { Fixture, FixtureOutcome } from './fixture-types.js';
import { diffLines } from './snapshot-diff.js';

/** The fixtures of a provider folder, by file name without `.json`, in name order. */
export function readFixtures(folder: string): Array<[name: string, fixture: Fixture]> {
  const directory = join(folder, 'fixtures');
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [
      file.slice(0, -'.json'.length),
      JSON.parse(readFileSync(join(directory, file), 'utf8')) as Fixture,
    ]);
}

/** What a complete provider folder lacks: a README, a fixture for each resource and for each write it declares. */
export function missingParts(
  folder: string,
  provider: ProviderDefinition,
  fixtures: ReadonlyArray<[string, Fixture]>,
): string[] {
  const missing = existsSync(join(folder, 'README.md')) ? [] : ['README.md'];
  const covered = new Set(fixtures.map(([, fixture]) => `${fixture.call.model}/${fixture.call.resource}`));
  for (const key of provider.resources.keys()) {
    if (!covered.has(key)) missing.push(`a fixture for ${key}`);
  }
  // Every write of every definition; for a resource served `by` a param, of each value's.
  const calls = new Set<string>();
  for (const [, fixture] of fixtures) {
    const key = `${fixture.call.model}/${fixture.call.resource}`;
    const choice = provider.choices.get(key);
    const value =
      choice && (fixture.connect.params?.[choice.param] ?? provider.params.get(choice.param)?.default);
    calls.add(
      `${key} ${fixture.call.operation}${value === undefined ? '' : ` (${choice!.param}: ${value})`}`,
    );
  }
  const wanted = new Set<string>();
  for (const resource of provider.resources.values()) {
    const choice = provider.choices.get(resource.key);
    const definitions = choice ? [...choice.values.values()] : [resource];
    for (const definition of definitions) {
      const value = definition.variant === undefined ? '' : ` (${choice!.param}: ${definition.variant})`;
      for (const operation of definition.writes.keys()) wanted.add(`${resource.key} ${operation}${value}`);
    }
  }
  for (const write of wanted) {
    if (!calls.has(write)) missing.push(`a fixture for ${write}`);
  }
  return missing;
}

/** The text a fixture's snapshot file holds. */
export function snapshotText(outcome: FixtureOutcome): string {
  return `${JSON.stringify(outcome.output, null, 2)}\n`;
}

/** Where the snapshot of a fixture is kept. */
export function snapshotFile(folder: string, name: string): string {
  return join(folder, '__snapshots__', `${name}.snap.json`);
}

/** The result of one fixture against its snapshot. */
export interface FixtureCheck {
  name: string;
  /** `matched`, `written` (no snapshot yet), `updated` (with `update`), `differs` or `failed` (requests did not match). */
  status: 'matched' | 'written' | 'updated' | 'differs' | 'failed';
  /** For `failed`: the report of {@link formatFixtureFailure}. For `differs` and `updated`: the snapshot diff. */
  detail?: string;
}

/** The result of every check of one provider folder. */
export interface ProviderFolderCheck {
  folder: string;
  /** The definition's load error (with every problem), when it does not load. */
  loadError?: unknown;
  /** What the folder lacks (README, fixtures of resources). */
  missing: string[];
  fixtures: FixtureCheck[];
}

/**
 * Runs the conformance checks of one provider folder without a test runner (as `org-engine
 * test` does): the definition loads, the folder is complete, and every fixture makes exactly
 * its exchanges and gives its snapshot. A missing snapshot is written; a different one fails
 * with a diff, or is rewritten with `update`.
 */
export async function checkProviderFolder(
  folder: string,
  options: { update?: boolean } = {},
): Promise<ProviderFolderCheck> {
  let provider: ProviderDefinition;
  try {
    provider = loadProviderDefinition(folder);
  } catch (error) {
    return { folder, loadError: error, missing: [], fixtures: [] };
  }
  const fixtures = readFixtures(folder);
  const checks: FixtureCheck[] = [];
  for (const [name, fixture] of fixtures) {
    const outcome = await runFixture(provider, fixture);
    if (outcome.mismatches.length > 0) {
      checks.push({ name, status: 'failed', detail: formatFixtureFailure(name, fixture, outcome) });
      continue;
    }
    const file = snapshotFile(folder, name);
    const actual = snapshotText(outcome);
    const stored = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (stored === actual) {
      checks.push({ name, status: 'matched' });
    } else if (stored === undefined || options.update) {
      mkdirSync(join(folder, '__snapshots__'), { recursive: true });
      writeFileSync(file, actual);
      checks.push(
        stored === undefined
          ? { name, status: 'written' }
          : { name, status: 'updated', detail: diffLines(stored, actual) },
      );
    } else {
      checks.push({ name, status: 'differs', detail: diffLines(stored, actual) });
    }
  }
  return { folder, missing: missingParts(folder, provider, fixtures), fixtures: checks };
}
