import { createEngine, EngineError } from '@org/engine';
import { startSandbox } from '@org/sandbox';

// A local Okta-compatible server with seeded users. For a real org, drop the sandbox and
// `baseUrl`, and pass your org's domain and an API token.
const sandbox = await startSandbox({ provider: 'okta', users: 500, seed: 42 });

const engine = createEngine(); // serves the built-in providers: okta, workato
const okta = engine.connect('okta', {
  params: { domain: 'acme.okta.com' },
  auth: { method: 'api_token', token: sandbox.credentials.apiToken },
  baseUrl: sandbox.url,
});

// One page at a time, with an opaque cursor...
const page = await okta.list('user-directory', 'users', { limit: 100, filter: { status: 'active' } });
console.log(`${page.result.length} active users on the first page, more: ${page.next_cursor !== null}`);

// ...or every record, page by page.
let employees = 0;
for await (const employee of okta.iterate('hris', 'employees')) {
  if (employee.employment_status === 'terminated') continue;
  employees += 1;
}
console.log(`${employees} current employees`);

const me = await okta.get('user-directory', 'me');
console.log(`connected as ${me.username}`);

// The provider's own API, with auth, base URL, rate limits and retries applied.
const raw = await okta.proxy({ method: 'GET', path: '/api/v1/users', query: { limit: 1 } });
console.log(`proxy: HTTP ${raw.status}`);

try {
  await okta.get('user-directory', 'users', '00u-no-such-user');
} catch (error) {
  if (EngineError.isInstance(error)) console.log(`${error.code} ${error.status}`); // not_found 404
}

await sandbox.close();
