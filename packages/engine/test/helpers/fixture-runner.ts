import { MockAgent } from 'undici';
import { vi } from 'vitest';
import { createEngine, EngineError, type ProviderDefinition } from '../../src/index.js';

/** One recorded request and the response the provider gave. */
export interface Exchange {
  request: {
    method?: string;
    /** Origin the request must go to; default: the connection's base URL origin. */
    origin?: string;
    path: string;
    query?: Record<string, string | string[]>;
    headers?: Record<string, string>;
    /** Fields a form body must contain (e.g. a token request). */
    form?: Record<string, string>;
  };
  response: { status: number; headers?: Record<string, string | string[]>; body?: unknown };
}

/** A fixture file under `providers/<id>/fixtures/`. */
export interface Fixture {
  description: string;
  /** The instant the call runs at (Date is faked), for relative date windows. */
  now?: string;
  connect: { params?: Record<string, string>; auth: Record<string, string>; baseUrl?: string };
  call: {
    operation: 'list' | 'iterate' | 'get' | 'proxy';
    model?: string;
    resource?: string;
    id?: string;
    options?: Record<string, unknown>;
    request?: Record<string, unknown>;
  };
  exchanges: Exchange[];
}

export interface RecordedRequest {
  origin: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
}

const DEFAULT_NOW = '2026-11-01T12:00:00.000Z';

function sameQuery(
  actual: URLSearchParams,
  expected: Record<string, string | string[]> | undefined,
): boolean {
  const wanted = Object.entries(expected ?? {}).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => `${key}=${item}`),
  );
  const got = [...actual.entries()].map(([key, value]) => `${key}=${value}`);
  return wanted.length === got.length && wanted.sort().join('\n') === got.sort().join('\n');
}

/**
 * Runs a fixture through the public API against a MockAgent. Every exchange must be requested,
 * in order, with exactly its path and query and at least its listed headers and form fields.
 */
export async function runFixture(provider: ProviderDefinition, fixture: Fixture) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(fixture.now ?? DEFAULT_NOW));
  const agent = new MockAgent();
  agent.disableNetConnect();
  const warnings: string[] = [];
  const engine = createEngine({
    providers: [provider],
    dispatcher: agent,
    cursorSecret: 'fixture-cursor-secret-0123456789',
    // A fixture proves its mapping: every record must validate, nothing is dropped.
    validate: 'strict',
    // Warnings (a skipped source, a truncated listing) are part of what a fixture proves.
    onWarning: (warning) => warnings.push(warning.message),
  });
  const secrets = Object.entries(fixture.connect.auth)
    .filter(([key]) => key !== 'method')
    .map(([, value]) => value);
  const redact = (text: string) =>
    secrets.reduce(
      (result, secret) => (secret.length >= 4 ? result.split(secret).join('[redacted]') : result),
      text,
    );
  const requests: RecordedRequest[] = [];
  const mismatches: string[] = [];
  let next = 0;
  let connection: ReturnType<typeof engine.connect>;
  try {
    connection = engine.connect(provider.id, fixture.connect as never);
  } catch (caught) {
    // Connection params and credentials are checked before any request: the output is the error.
    vi.useRealTimers();
    if (!EngineError.isInstance(caught)) throw caught;
    const unused =
      fixture.exchanges.length > 0 ? ['a fixture whose connect fails must list no exchanges'] : [];
    return {
      output: { description: fixture.description, requests, error: describeError(caught, redact) },
      mismatches: unused,
    };
  }
  const defaultOrigin = new URL(connection.baseUrl).origin;
  for (const [index, exchange] of fixture.exchanges.entries()) {
    const expected = exchange.request;
    const origin = expected.origin ?? defaultOrigin;
    agent
      .get(origin)
      .intercept({
        method: expected.method ?? 'GET',
        path: (path: string) => {
          const url = new URL(path, origin);
          return url.pathname === expected.path && sameQuery(url.searchParams, expected.query);
        },
      })
      .reply((options) => {
        const headers = Object.fromEntries(
          Object.entries(options.headers as Record<string, string>).map(([key, value]) => [
            key.toLowerCase(),
            String(value),
          ]),
        );
        if (index !== next) mismatches.push(`exchange ${index} was requested when ${next} was expected`);
        next = index + 1;
        const asserted: Record<string, string> = {};
        for (const [name, value] of Object.entries(expected.headers ?? {})) {
          const actual = headers[name.toLowerCase()];
          // "*" asserts presence only, for values that change on every run (a DPoP proof).
          asserted[name.toLowerCase()] =
            value === '*' && actual !== undefined ? '*' : redact(actual ?? '(missing)');
          if (value === '*' ? actual === undefined : actual !== value)
            mismatches.push(
              `exchange ${index}: header ${name} was ${redact(headers[name.toLowerCase()] ?? '(missing)')}`,
            );
        }
        const form = new URLSearchParams(typeof options.body === 'string' ? options.body : '');
        for (const [name, value] of Object.entries(expected.form ?? {})) {
          if (form.get(name) !== value)
            mismatches.push(
              `exchange ${index}: form field ${name} was ${redact(form.get(name) ?? '(missing)')}`,
            );
        }
        requests.push({
          origin,
          method: options.method,
          url: options.path,
          ...(expected.headers ? { headers: asserted } : {}),
        });
        return {
          statusCode: exchange.response.status,
          data: JSON.stringify(exchange.response.body ?? ''),
          responseOptions: { headers: { 'content-type': 'application/json', ...exchange.response.headers } },
        };
      });
  }
  let result: unknown;
  let error: Record<string, unknown> | undefined;
  try {
    result = await perform(connection, fixture);
  } catch (caught) {
    if (!EngineError.isInstance(caught)) throw caught;
    error = describeError(caught, redact);
  } finally {
    vi.useRealTimers();
  }
  const pending = agent.pendingInterceptors().length;
  if (pending > 0) mismatches.push(`${pending} exchange(s) were never requested (first unused: ${next})`);
  await agent.close();
  return {
    output: {
      description: fixture.description,
      requests,
      ...(error ? { error } : { result }),
      ...(warnings.length ? { warnings: warnings.map(redact) } : {}),
    },
    mismatches,
  };
}

function describeError(error: EngineError, redact: (text: string) => string): Record<string, unknown> {
  return {
    code: error.code,
    status: error.status,
    providerCode: error.providerCode,
    message: redact(error.message),
    problems: error.problems.length ? error.problems : undefined,
  };
}

async function perform(
  connection: ReturnType<ReturnType<typeof createEngine>['connect']>,
  fixture: Fixture,
): Promise<unknown> {
  const { operation, model, resource, id, options } = fixture.call;
  const typedConnection = connection as unknown as {
    list: (
      model?: string,
      resource?: string,
      options?: unknown,
    ) => Promise<{ result: unknown[]; next_cursor: string | null }>;
    iterate: (model?: string, resource?: string, options?: unknown) => AsyncIterable<unknown>;
    get: (model?: string, resource?: string, id?: string, options?: unknown) => Promise<unknown>;
  };
  switch (operation) {
    case 'list': {
      const page = await typedConnection.list(model, resource, options);
      return { result: page.result, has_next_cursor: page.next_cursor !== null };
    }
    case 'iterate': {
      const records: unknown[] = [];
      for await (const record of typedConnection.iterate(model, resource, options)) records.push(record);
      return records;
    }
    case 'get':
      return typedConnection.get(model, resource, id, options);
    case 'proxy':
      return connection.proxy(fixture.call.request as never);
  }
}
