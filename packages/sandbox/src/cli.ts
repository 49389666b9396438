#!/usr/bin/env node
import { optionsFromArguments, USAGE } from './cli-options.js';
import type { Sandbox } from './sandbox-types.js';
import { startSandbox } from './start-sandbox.js';

/** The text printed once the sandbox listens: where it is, what to authenticate with, what to expect. */
function describe(sandbox: Sandbox): string {
  const lines = [`${sandbox.provider === 'okta' ? 'Okta' : 'Workato'} sandbox listening on ${sandbox.url}`];
  lines.push(`  API base URL      ${sandbox.baseUrl}`);
  if (sandbox.provider === 'okta') {
    lines.push(`  API token         Authorization: SSWS ${sandbox.credentials.apiToken}`);
    lines.push(`  Service app       client id ${sandbox.serviceApp.clientId}`);
    lines.push(`  Token endpoint    ${sandbox.serviceApp.tokenUrl}`);
    lines.push(`  Private key (JWK) ${JSON.stringify(sandbox.serviceApp.privateJwk)}`);
  } else {
    lines.push(`  API token         Authorization: Bearer ${sandbox.credentials.apiToken}`);
  }
  lines.push('  Expected counts of the unified listings:');
  for (const [resource, count] of Object.entries(sandbox.expected))
    lines.push(`    ${resource.padEnd(26)} ${count}`);
  lines.push('Press Ctrl+C to stop.');
  return lines.join('\n');
}

/** A one-line JSON summary for scripts (`--json`). */
function summarise(sandbox: Sandbox): string {
  const { provider, url, baseUrl, credentials, connection, expected } = sandbox;
  const serviceApp = sandbox.provider === 'okta' ? sandbox.serviceApp : undefined;
  return JSON.stringify({ provider, url, baseUrl, credentials, serviceApp, connection, expected });
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof optionsFromArguments>;
  try {
    parsed = optionsFromArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`org-sandbox: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (!parsed) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sandbox = await startSandbox(parsed.options);
  process.stdout.write(`${parsed.json ? summarise(sandbox) : describe(sandbox)}\n`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Start-up failures such as a port in use: one line, no stack trace.
  process.stderr.write(`org-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
