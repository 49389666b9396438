/**
 * `pnpm demo`: starts the Okta and Workato sandboxes, connects the engine to them with
 * `baseUrl`, lists every unified resource of both providers, prints a summary and a few records,
 * and exits 0 only when every count equals the seeded data.
 */
import { createEngine } from '@org/engine';
import { listEverything } from './demo/list-everything.js';
import { type CheckedReport, isCorrect, printSamples, printTable } from './demo/print-report.js';
import { startSandbox } from './start-sandbox.js';

const engine = createEngine();
const okta = await startSandbox({ provider: 'okta', users: 2_000, seed: 42 });
const workato = await startSandbox({ provider: 'workato', users: 60, seed: 42 });
let failed = false;
try {
  const runs = [
    {
      sandbox: okta,
      connection: engine.connect('okta', okta.connection),
      samples: ['user-directory/users', 'hris/employees', 'sso/app-users'],
    },
    {
      sandbox: workato,
      connection: engine.connect('workato', workato.connection),
      samples: ['user-directory/users', 'user-directory/roles'],
    },
  ];
  for (const { sandbox, connection, samples } of runs) {
    const summary = engine.providers().find((provider) => provider.id === connection.provider)!;
    const started = performance.now();
    const reports: CheckedReport[] = (await listEverything(connection, summary)).map((report) => ({
      ...report,
      expected: sandbox.expected[report.resource],
    }));
    printTable(summary.name, connection.baseUrl, reports);
    console.log(`  ${sandbox.requestCount()} requests in ${(performance.now() - started).toFixed(0)} ms`);
    printSamples(summary.name, reports, samples);
    if (!reports.every(isCorrect)) failed = true;
  }
  // The same Okta sandbox through the OAuth 2.0 service app (client credentials + private_key_jwt).
  if (okta.serviceAppConnection) {
    const serviceApp = engine.connect('okta', okta.serviceAppConnection);
    let apps = 0;
    for await (const _app of serviceApp.iterate('sso', 'apps')) apps += 1;
    const matches = apps === okta.expected['sso/apps'];
    console.log(`\nOkta via the OAuth service app: ${apps} apps listed (${matches ? 'ok' : 'MISMATCH'})`);
    if (!matches) failed = true;
  }
} finally {
  await Promise.all([okta.close(), workato.close()]);
}
console.log(
  failed ? '\nSome listings did not match the seeded data.' : '\nEvery listing matched the seeded data.',
);
process.exitCode = failed ? 1 : 0;
