import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from './test-database.js';

const demo = readFileSync(new URL('../examples/sync-demo.ts', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the README sync demo', () => {
  it('is the demo file, verbatim', () => {
    expect(readme).toContain(`\`\`\`ts\n${demo}\`\`\``);
  });

  it('syncs twice and prints exactly the changes the sandbox made in between', async () => {
    // The test run's Postgres instead of a second embedded one: the embedded start is tested by the set-up.
    vi.stubEnv('DATABASE_URL', database.url);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
      lines.push(values.join(' '));
    });
    await import('../examples/sync-demo.js');
    expect(lines.slice(0, 2)).toEqual([
      'first run: 200 users created in 1 page',
      'second run: 2 created, 3 updated, 1 deleted, 196 unchanged',
    ]);
    const changes = lines.slice(2).map((line) => line.trim().split(/\s+/)[0]);
    expect(changes.sort()).toEqual(['created', 'created', 'deleted', 'updated', 'updated', 'updated']);
  });
});
