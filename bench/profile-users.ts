/**
 * Profiles one engine listing of every user-directory/users record (after a warm-up run) with
 * the V8 sampling profiler, writes the `.cpuprofile` to the temp directory (open it in Chrome
 * DevTools > Performance or VS Code) and prints where the client's time went. The listing reads
 * from the zero-cost server (pages kept in memory, zero-cost-server.ts; `--sandbox` for the
 * sandbox itself), in another process, so the profile holds the client only; the server's own
 * cost is reported apart, from its CPU time and from a fetch-only loop over the same pages.
 *
 *   node --conditions=@org/source --import ./bench/compile-as-built.mjs bench/profile-users.ts [--users 5000] [--sandbox]
 *   node --conditions=@org/source --import ./bench/compile-as-built.mjs bench/profile-users.ts --summarise some.cpuprofile
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { createEngine } from '../packages/engine/src/index.js';
import { fixed, numberOption } from './measure.js';
import { listUsersByHand } from './okta-baseline.js';
import { type CpuProfile, readProfile, summariseProfile } from './profile-summary.js';
import { type RemoteSandbox, startRemoteSandbox } from './remote-sandbox.js';

const SERVER = process.argv.includes('--sandbox') ? 'sandbox' : 'zero-cost';

function baseUrlOf(sandbox: RemoteSandbox): string {
  return SERVER === 'sandbox' ? sandbox.connection.baseUrl : sandbox.zeroCost.baseUrl;
}

async function listThroughEngine(sandbox: RemoteSandbox): Promise<number> {
  const okta = createEngine().connect('okta', { ...sandbox.connection, baseUrl: baseUrlOf(sandbox) });
  let count = 0;
  for await (const _user of okta.iterate('user-directory', 'users')) count++;
  return count;
}

/** Wall time, client CPU and server CPU of `run`. */
async function timed(sandbox: RemoteSandbox, run: () => Promise<unknown>) {
  const server = await sandbox.stats();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const after = await sandbox.stats();
  return {
    ms,
    clientCpuMs: (used.user + used.system) / 1000,
    serverCpuMs: after.cpuMs - server.cpuMs,
    // The zero-cost server answers from memory: its requests count as well as the sandbox's.
    requests: after.requests + after.zeroCostHits - server.requests - server.zeroCostHits,
  };
}

async function profileEngine(users: number): Promise<void> {
  const sandbox = await startRemoteSandbox(users, 42);
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const session = new Session();
  try {
    const records = await listThroughEngine(sandbox);
    const drain = () =>
      listUsersByHand({
        baseUrl: baseUrlOf(sandbox),
        token: sandbox.token,
        dispatcher: agent,
        mode: 'drain',
      });
    await drain();
    const fetchOnly = await timed(sandbox, drain);
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const engine = await timed(sandbox, () => listThroughEngine(sandbox));
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    const file = join(tmpdir(), `engine-list-users-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const perRecord = (ms: number) => `${fixed((ms * 1000) / records, 1)} µs/record`;
    console.log(`### profile: engine listing ${fixed(records)} users from the ${SERVER} server (defaults)\n`);
    console.log(
      `- engine: ${fixed(engine.ms)} ms wall, client CPU ${fixed(engine.clientCpuMs)} ms (${perRecord(engine.clientCpuMs)}), ` +
        `server CPU ${fixed(engine.serverCpuMs)} ms (${perRecord(engine.serverCpuMs)}), ${engine.requests} requests`,
    );
    console.log(
      `- fetch-only loop over the same pages: ${fixed(fetchOnly.ms)} ms wall, client CPU ${fixed(fetchOnly.clientCpuMs)} ms, ` +
        `server CPU ${fixed(fetchOnly.serverCpuMs)} ms: the server alone serves ${fixed((records / fetchOnly.ms) * 1000)} records/s`,
    );
    console.log(`- profile written to ${file}\n`);
    console.log(summariseProfile(profile));
  } finally {
    session.disconnect();
    await agent.close();
    await sandbox.close();
  }
}

const summariseIndex = process.argv.indexOf('--summarise');
if (summariseIndex !== -1) {
  const file = process.argv[summariseIndex + 1];
  if (!file) throw new Error('--summarise needs a .cpuprofile file');
  console.log(summariseProfile(readProfile(file)));
} else {
  await profileEngine(numberOption('users', 5_000));
}
