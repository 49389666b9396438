import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/index.js';
import { everyRecord, strictEngine } from './engine-helpers.js';

// Every fault at once, as a bad day looks: server errors, connection resets, bursts of 429s
// longer than the retry budget (a burst of six used to end a listing after five attempts) and
// latency. `iterate` alone, without the caller retrying, must deliver the exact seeded set.
const FAULTS = {
  serverErrorRate: 0.1,
  resetRate: 0.05,
  rateLimitBurst: 6,
  latencyMs: [0, 15] as const,
};
const SEEDS = [11, 12, 13];

describe('iterate under combined faults', () => {
  it('delivers the exact record set for every seed', { timeout: 60_000 }, async () => {
    const { engine } = strictEngine();
    const started = Date.now();
    // Seeds run side by side: each spends most of its time waiting out backoffs and resets.
    const outcomes = await Promise.all(
      SEEDS.map(async (seed) => {
        const sandbox = await startSandbox({ provider: 'okta', users: 400, seed, faults: FAULTS });
        try {
          const connection = engine.connect('okta', sandbox.connection);
          const records = await everyRecord(connection, 'user-directory/users', { limit: 25 });
          return { seed, expected: sandbox.expected['user-directory/users'], records };
        } finally {
          await sandbox.close();
        }
      }),
    );
    for (const { seed, expected, records } of outcomes) {
      const ids = records.map((record) => record.id);
      expect(new Set(ids).size, `seed ${seed}: no record twice`).toBe(ids.length);
      expect(ids.length, `seed ${seed}: every record`).toBe(expected);
    }
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
