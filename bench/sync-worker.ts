/**
 * One sync worker process of bench/sync-fleet.ts: syncs accounts of the benchmark's sandbox
 * (tokens derived from its seed) on DATABASE_URL, prints `ready`, and on SIGTERM stops and
 * prints its CPU time and peak RSS as one JSON line.
 */
import { createEngine } from '../packages/engine/src/index.js';
import { oktaAccountToken } from '../packages/sandbox/src/index.js';
import { createSync } from '../packages/sync/src/index.js';

const { DATABASE_URL, SANDBOX_URL, SANDBOX_SEED, CONCURRENCY } = process.env;
const sync = await createSync({
  engine: createEngine({ cursorSecret: 'bench-cursor-secret-0123456789' }),
  database: DATABASE_URL!,
  resolveConnection: (connectionId) => ({
    provider: 'okta',
    params: { domain: `${connectionId}.okta.com` },
    auth: {
      method: 'api_token',
      token: oktaAccountToken(Number(SANDBOX_SEED), Number(connectionId.split('-')[1])),
    },
    baseUrl: SANDBOX_URL!,
  }),
});
const worker = await sync.startWorker({ concurrency: Number(CONCURRENCY) });
console.log('ready');
process.once('SIGTERM', async () => {
  await worker.stop();
  await sync.close();
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
});
