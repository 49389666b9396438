/**
 * Two listings that are more than one paged endpoint, through the engine only (no baseline):
 *
 * - sso/app-users, a fan-out: the apps are listed, then each app's assignments
 *   (/api/v1/apps/{id}/users, 500 per page), one listing per app.
 * - hris/locations, a derived resource: every raw Okta user is read (200 per page) and a
 *   collection mapping turns their addresses into distinct locations; few records come out of
 *   many read, so both records/s and users read/s are shown.
 *
 *   node --expose-gc --conditions=@org/source --import ./bench/compile-as-built.mjs bench/fan-out-and-derived.ts [--users 20000] [--runs 5] [--warmup 1]
 */
import { type Connection, createEngine } from '../packages/engine/src/index.js';
import { environmentLine, fixed, measure, numberOption, type Result, table } from './measure.js';
import { startRemoteSandbox } from './remote-sandbox.js';

interface Listing {
  key: string;
  kind: string;
  /** Users read to produce the listing (derived), 0 when records are read directly. */
  usersRead: (users: number) => number;
  iterate: (okta: Connection) => AsyncIterable<unknown>;
}

const LISTINGS: Listing[] = [
  {
    key: 'sso/app-users',
    kind: 'fan-out over sso/apps',
    usersRead: () => 0,
    iterate: (okta) => okta.iterate('sso', 'app-users'),
  },
  {
    key: 'hris/locations',
    kind: 'derived from user-directory/users',
    // Every raw user is read, deprovisioned ones included.
    usersRead: (users) => users,
    iterate: (okta) => okta.iterate('hris', 'locations'),
  },
];

function report(results: Array<Result & { kind: string; usersRead: number }>): string {
  const headers = [
    'resource',
    'kind',
    'records',
    'records/s',
    'ms',
    'requests',
    'raw users read/s',
    'client CPU ms',
    'server CPU ms',
    'peak RSS MB',
    'heap Δ MB',
    'heap retained MB',
  ];
  const rows = results.map((result) => [
    result.name,
    result.kind,
    fixed(result.records),
    fixed(result.recordsPerSecond),
    fixed(result.ms),
    fixed(result.requests),
    result.usersRead ? fixed((result.usersRead / result.ms) * 1000) : '',
    fixed(result.clientCpuMs),
    fixed(result.serverCpuMs),
    fixed(result.peakRssMb),
    fixed(result.heapDeltaMb, 1),
    fixed(result.retainedMb, 1),
  ]);
  return table(headers, rows);
}

async function main(): Promise<void> {
  const users = numberOption('users', 20_000);
  const options = { runs: numberOption('runs', 5), warmup: numberOption('warmup', 1) };
  const sandbox = await startRemoteSandbox(users, 42);
  try {
    process.stderr.write(`fan-out-and-derived: ${users} users\n`);
    const okta = createEngine().connect('okta', sandbox.connection);
    const results: Array<Result & { kind: string; usersRead: number }> = [];
    for (const listing of LISTINGS) {
      const expected = sandbox.expected[listing.key];
      const result = await measure(`\`${listing.key}\``, { ...options, sandbox }, async (probe) => {
        let count = 0;
        for await (const _record of listing.iterate(okta)) {
          if (++count % 200 === 0) probe.sample();
        }
        if (count !== expected) throw new Error(`${listing.key}: ${count} records, expected ${expected}`);
        return count;
      });
      results.push({ ...result, kind: listing.kind, usersRead: listing.usersRead(users) });
    }
    console.log(`### fan-out and derived resources: ${fixed(users)} Okta users, engine only\n`);
    console.log(`${environmentLine(options)}. Counts checked against the sandbox's expected counts.\n`);
    console.log(report(results));
    console.log();
  } finally {
    await sandbox.close();
  }
}

await main();
