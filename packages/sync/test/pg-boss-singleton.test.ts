import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-database.js';

/**
 * A note, kept as a test: why one run per connection rests on an advisory lock and not on
 * pg-boss's own singleton policies. In pg-boss 10, while a job of key `acme` is active, a second
 * `acme` job waiting at the head of a `singleton` or `stately` queue makes the fetch return
 * nothing at all, so the job of another connection behind it waits too: one long run would hold
 * up every other customer. If a pg-boss upgrade changes this, this test fails and says so.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let boss: PgBoss;

beforeAll(async () => {
  database = await createTestDatabase();
  boss = new PgBoss({ connectionString: database.url, schedule: false, supervise: false });
  await boss.start();
});
afterAll(async () => {
  await boss?.stop({ graceful: false });
  await database?.drop();
});

describe('pg-boss 10 singleton policies (note)', () => {
  for (const policy of ['singleton', 'stately'] as const) {
    it(`${policy}: a second job of a busy key blocks the jobs of other keys behind it`, async () => {
      const queue = `note-${policy}`;
      await boss.createQueue(queue, { name: queue, policy });
      await boss.send(queue, { connection: 'acme', run: 1 }, { singletonKey: 'acme' });
      expect(await boss.fetch(queue)).toHaveLength(1);
      await boss.send(queue, { connection: 'acme', run: 2 }, { singletonKey: 'acme' });
      await boss.send(queue, { connection: 'other', run: 1 }, { singletonKey: 'other' });
      expect(await boss.fetch(queue, { batchSize: 5 })).toEqual([]);
    });
  }

  it('short (the policy the sync uses) keeps one waiting job per key and never blocks other keys', async () => {
    const queue = 'note-short';
    await boss.createQueue(queue, { name: queue, policy: 'short' });
    await boss.send(queue, { connection: 'acme', run: 1 }, { singletonKey: 'acme' });
    expect(await boss.fetch(queue)).toHaveLength(1);
    await boss.send(queue, { connection: 'acme', run: 2 }, { singletonKey: 'acme' });
    expect(await boss.send(queue, { connection: 'acme', run: 3 }, { singletonKey: 'acme' })).toBeNull();
    await boss.send(queue, { connection: 'other', run: 1 }, { singletonKey: 'other' });
    const fetched = await boss.fetch<{ connection: string }>(queue, { batchSize: 5 });
    expect(fetched.map((job) => job.data.connection).sort()).toEqual(['acme', 'other']);
  });
});
