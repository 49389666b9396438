import type { Fixture, FixtureOutcome } from './fixture-types.js';

function expectedLine(fixture: Fixture, index: number, origin: string): string {
  const request = fixture.exchanges[index]!.request;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
  }
  const search = query.size > 0 ? `?${query}` : '';
  return `  ${index}. ${request.method ?? 'GET'} ${request.origin ?? origin}${request.path}${search}`;
}

/**
 * Why a fixture failed, for a person: the mismatches, the requests the fixture expects next
 * to the ones the engine made (each with the exchange that answered it, or none), and the
 * error the call ended with.
 */
export function formatFixtureFailure(name: string, fixture: Fixture, outcome: FixtureOutcome): string {
  const origin = outcome.attempted[0] ? new URL(outcome.attempted[0].url).origin : '(the base URL)';
  const lines = [`fixture ${name}: ${fixture.description}`, ...outcome.mismatches.map((line) => `  ${line}`)];
  lines.push('expected requests (the fixture exchanges, in order):');
  if (fixture.exchanges.length === 0) lines.push('  none');
  for (const index of fixture.exchanges.keys()) lines.push(expectedLine(fixture, index, origin));
  lines.push('requests the engine made:');
  if (outcome.attempted.length === 0) lines.push('  none');
  for (const [index, request] of outcome.attempted.entries()) {
    const answered =
      request.exchange === undefined ? 'no exchange matches' : `answered by exchange ${request.exchange}`;
    lines.push(`  ${index}. ${request.method} ${request.url}  (${answered})`);
  }
  const error = outcome.output.error;
  if (error) lines.push(`error: ${String(error.code)}: ${String(error.message).split('\n')[0]}`);
  return lines.join('\n');
}
