import { parseArgs } from 'node:util';
import type { SandboxFaults } from './faults.js';
import type { RateLimitOptions } from './rate-limiter.js';
import type { SandboxOptions, SandboxProvider } from './sandbox-types.js';

/** The CLI's help text. */
export const USAGE = `Usage: org-sandbox --provider <okta|workato> [options]

Starts a local Okta- or Workato-compatible API server with seeded data and runs until Ctrl+C.

Options:
  --provider <name>              okta or workato (required)
  --users <n>                    users (Okta) or collaborators (Workato); default 1000 / 40
  --seed <n>                     seed of the generated data and faults; default 1
  --port <n>                     port to listen on; default 4010, 0 for any free port
  --host <address>               interface to listen on; default 127.0.0.1
  --api-token <token>            API token to accept; default derived from the seed
  --log-events <n>               Okta System Log events; default 3 per user (30 to 50,000)
  --dpop                         Okta: require DPoP-bound access tokens
  --retry-after                  Workato: send Retry-After on 429 responses
  --rate-limit <family=n>        budget per window of an endpoint family (repeatable)
  --rate-limit-window <ms>       rate-limit window length; default 60000
  --no-rate-limit                disable rate limiting
  --fault-5xx <rate>             share of requests answered with 500/502/503
  --fault-reset <rate>           share of connections reset before a response
  --fault-rate-limit-burst <n>   length of 429 bursts (early on, then every 100 requests)
  --fault-latency <ms|min-max>   delay before every response
  --fault-malformed-page <n>     page number answered with truncated JSON
  --fault-repeated-cursor <n>    page number whose next link repeats itself
  --json                         print the connection details as one JSON object
  --help                         show this help`;

/** A command line that cannot be turned into options; the message says why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} expects a number, got "${text}"`);
  return value;
}

function latency(text: string | undefined): SandboxFaults['latencyMs'] {
  const range = text === undefined ? undefined : /^(\d+)-(\d+)$/.exec(text);
  return range ? [Number(range[1]), Number(range[2])] : number('fault-latency', text);
}

function rateLimit(values: { [name: string]: unknown }): RateLimitOptions | false | undefined {
  if (values['no-rate-limit']) return false;
  const limits: Record<string, number> = {};
  for (const entry of (values['rate-limit'] as string[] | undefined) ?? []) {
    const match = /^([\w-]+)=(\d+)$/.exec(entry);
    if (!match) throw new UsageError(`--rate-limit expects family=number, got "${entry}"`);
    limits[match[1]!] = Number(match[2]);
  }
  return { windowMs: number('rate-limit-window', values['rate-limit-window'] as string | undefined), limits };
}

/** Turns command-line arguments into sandbox options; undefined when help was asked for. */
export function optionsFromArguments(
  args: readonly string[],
): { options: SandboxOptions; json: boolean } | undefined {
  const text = { type: 'string' } as const;
  const flag = { type: 'boolean' } as const;
  const { values } = parseArgs({
    args: [...args],
    options: {
      provider: text,
      users: text,
      seed: text,
      port: text,
      host: text,
      'api-token': text,
      'log-events': text,
      dpop: flag,
      'retry-after': flag,
      'rate-limit': { type: 'string', multiple: true },
      'rate-limit-window': text,
      'no-rate-limit': flag,
      'fault-5xx': text,
      'fault-reset': text,
      'fault-rate-limit-burst': text,
      'fault-latency': text,
      'fault-malformed-page': text,
      'fault-repeated-cursor': text,
      json: flag,
      help: flag,
    },
    strict: true,
  });
  if (values.help) return undefined;
  if (values.provider !== 'okta' && values.provider !== 'workato') {
    throw new UsageError('--provider must be okta or workato');
  }
  const faults: SandboxFaults = {
    serverErrorRate: number('fault-5xx', values['fault-5xx']),
    resetRate: number('fault-reset', values['fault-reset']),
    rateLimitBurst: number('fault-rate-limit-burst', values['fault-rate-limit-burst']),
    latencyMs: latency(values['fault-latency']),
    malformedPage: number('fault-malformed-page', values['fault-malformed-page']),
    repeatedCursor: number('fault-repeated-cursor', values['fault-repeated-cursor']),
  };
  const options: SandboxOptions = {
    provider: values.provider as SandboxProvider,
    users: number('users', values.users),
    seed: number('seed', values.seed),
    port: number('port', values.port) ?? 4010,
    host: values.host,
    apiToken: values['api-token'],
    logEvents: number('log-events', values['log-events']),
    dpop: values.dpop,
    retryAfter: values['retry-after'],
    rateLimit: rateLimit(values),
    faults,
  };
  return { options, json: values.json ?? false };
}
