/**
 * A worker in a process of its own, for the tests that kill one: it syncs accounts of a sandbox
 * (their tokens derive from the seed) on DATABASE_URL and prints `ready` once it works.
 */
import { createEngine } from '@org/engine';
import { oktaAccountToken } from '@org/sandbox';
import { createSync } from '../src/index.js';

const { DATABASE_URL, SANDBOX_URL, SANDBOX_SEED, CURSOR_SECRET, PAGE_SIZE } = process.env;
const sync = await createSync({
  engine: createEngine({ cursorSecret: CURSOR_SECRET, onWarning: () => undefined }),
  database: DATABASE_URL!,
  pageSize: Number(PAGE_SIZE),
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
await sync.startWorker({ concurrency: 2, tickSeconds: 1 });
console.log('ready');
