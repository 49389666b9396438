/**
 * Lists every unified user-directory/users record of an Okta sandbox (rate limits off) through
 * the engine and through the hand-written baseline, and prints records/s, the ratio
 * engine/baseline, CPU per record and memory, as a Markdown table. Before measuring, it checks
 * that the baseline produces exactly the engine's records, so both do the same work.
 *
 *   node --expose-gc --conditions=@org/source --import ./bench/compile-as-built.mjs bench/list-users.ts [--users 20000] [--runs 5] [--warmup 1]
 */
import { isDeepStrictEqual } from 'node:util';
import { Agent } from 'undici';
import { createEngine } from '../packages/engine/src/index.js';
import { environmentLine, fixed, measure, numberOption, type Result, table } from './measure.js';
import { type BaselineMode, listUsersByHand } from './okta-baseline.js';
import { type RemoteSandbox, startRemoteSandbox } from './remote-sandbox.js';

const ENGINE_VARIANTS = [
  { name: 'engine (validate strict, remote_data)', validate: 'strict', remoteData: true },
  { name: "engine, validate: 'off'", validate: 'off', remoteData: true },
  { name: 'engine, remoteData: false', validate: 'strict', remoteData: false },
  { name: "engine, validate: 'off', remoteData: false", validate: 'off', remoteData: false },
] as const;

/** Every record of the baseline equals the engine's (remote_data aside, which both take as is). */
async function checkBaseline(sandbox: RemoteSandbox, agent: Agent): Promise<number> {
  const byHand = new Map<string, unknown>();
  await listUsersByHand({
    baseUrl: sandbox.url,
    token: sandbox.token,
    dispatcher: agent,
    mode: 'map',
    remoteData: false,
    onPage: (records) => {
      for (const record of records) byHand.set((record as { id: string }).id, record);
    },
  });
  const okta = createEngine().connect('okta', sandbox.connection);
  let same = 0;
  let differences = 0;
  for await (const user of okta.iterate('user-directory', 'users', { remoteData: false })) {
    const mine = byHand.get(user.id);
    if (isDeepStrictEqual(user, mine)) same += 1;
    else if (differences++ === 0) console.error('first difference, engine:', user, '\nbaseline:', mine);
  }
  if (same !== byHand.size) throw new Error('the baseline does not produce the records the engine does');
  return same;
}

function report(results: Result[], baseline: Result): string {
  const rows = results.map((result) => [
    result.name,
    fixed(result.recordsPerSecond),
    `${fixed(result.recordsPerSecond / baseline.recordsPerSecond, 2)}×`,
    fixed(result.ms),
    fixed((result.clientCpuMs * 1000) / result.records, 1),
    fixed(result.serverCpuMs),
    fixed(result.requests),
    fixed(result.peakRssMb),
    fixed(result.rssDeltaMb, 1),
    fixed(result.heapDeltaMb, 1),
    fixed(result.retainedMb, 1),
  ]);
  const headers = [
    'variant',
    'records/s',
    'vs baseline',
    'ms',
    'client CPU µs/record',
    'server CPU ms',
    'requests',
    'peak RSS MB',
    'RSS Δ MB',
    'heap Δ MB',
    'heap retained MB',
  ];
  return table(headers, rows);
}

async function main(): Promise<void> {
  const users = numberOption('users', 20_000);
  const options = { runs: numberOption('runs', 5), warmup: numberOption('warmup', 1) };
  const sandbox = await startRemoteSandbox(users, 42);
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  try {
    const expected = sandbox.expected['user-directory/users']!;
    process.stderr.write(`list-users: ${users} users, checking the baseline against the engine...\n`);
    const checked = await checkBaseline(sandbox, agent);
    const byHand = (mode: BaselineMode) => async (probe: { sample(): void }) => {
      const count = await listUsersByHand({
        baseUrl: sandbox.url,
        token: sandbox.token,
        dispatcher: agent,
        mode,
        onPage: () => probe.sample(),
      });
      // Draining bytes does not count records: the pages are the same ones.
      return mode === 'drain' ? expected : count;
    };
    const results: Result[] = [];
    const run = { ...options, sandbox };
    results.push(await measure('fetch only (read bytes, no JSON.parse)', run, byHand('drain')));
    results.push(await measure('fetch + JSON.parse', run, byHand('parse')));
    const baseline = await measure('**baseline** (parse + map by hand)', run, byHand('map'));
    results.push(baseline);
    for (const variant of ENGINE_VARIANTS) {
      const engine = createEngine({ validate: variant.validate });
      const okta = engine.connect('okta', sandbox.connection);
      const result = await measure(variant.name, run, async (probe) => {
        let count = 0;
        for await (const _user of okta.iterate('user-directory', 'users', {
          remoteData: variant.remoteData,
        })) {
          if (++count % 200 === 0) probe.sample();
        }
        if (count !== expected) throw new Error(`${variant.name}: ${count} records, expected ${expected}`);
        return count;
      });
      results.push(result);
    }
    console.log(`### list-users: ${fixed(users)} Okta users (user-directory/users)\n`);
    console.log(
      `${environmentLine(options)}. Baseline output equals the engine's on ${fixed(checked)} records.\n`,
    );
    console.log(report(results, baseline));
    console.log();
  } finally {
    await agent.close();
    await sandbox.close();
  }
}

await main();
