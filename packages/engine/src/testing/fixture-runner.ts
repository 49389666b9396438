import { isDeepStrictEqual } from 'node:util';
import { type Dispatcher, MockAgent } from 'undici';
import { createEngine, type Engine } from '../engine.js';
import { EngineError } from '../errors/engine-error.js';
import type { ProviderDefinition } from '../public-types.js';
import type {
  AttemptedRequest,
  Exchange,
  Fixture,
  FixtureOutcome,
  RecordedRequest,
} from './fixture-types.js';
import { freezeDate } from './frozen-clock.js';

const DEFAULT_NOW = '2026-11-01T12:00:00.000Z';

type Connection = ReturnType<Engine['connect']>;

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

/** Replaces each credential value of the fixture by `[redacted]`. */
function redactor(fixture: Fixture): (text: string) => string {
  const secrets = Object.entries(fixture.connect.auth)
    .filter(([key, value]) => key !== 'method' && value.length >= 4)
    .map(([, value]) => value);
  return (text) => secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
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

/** Every request sent through the agent, in order, with the exchange that answered it. */
function recordingDispatcher(agent: MockAgent, attempted: AttemptedRequest[]): Dispatcher {
  return agent.compose((dispatch) => (options, handler) => {
    attempted.push({
      method: options.method,
      url: new URL(options.path, String(options.origin)).href,
      exchange: undefined,
    });
    return dispatch(options, handler);
  });
}

/** Mocks one exchange: it answers the matching request, checks headers and form, and records it. */
function intercept(
  agent: MockAgent,
  exchange: Exchange,
  index: number,
  state: {
    origin: string;
    next: number;
    requests: RecordedRequest[];
    mismatches: string[];
    attempted: AttemptedRequest[];
  },
  redact: (text: string) => string,
): void {
  const expected = exchange.request;
  const origin = expected.origin ?? state.origin;
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
      const url = new URL(options.path, origin).href;
      const sent = state.attempted.find((request) => request.exchange === undefined && request.url === url);
      if (sent) sent.exchange = index;
      const headers = Object.fromEntries(
        Object.entries(options.headers as Record<string, string>).map(([key, value]) => [
          key.toLowerCase(),
          String(value),
        ]),
      );
      if (index !== state.next)
        state.mismatches.push(`exchange ${index} was requested when ${state.next} was expected`);
      state.next = index + 1;
      const asserted: Record<string, string> = {};
      for (const [name, value] of Object.entries(expected.headers ?? {})) {
        const actual = headers[name.toLowerCase()];
        // "*" asserts presence only, for values that change on every run (a DPoP proof).
        asserted[name.toLowerCase()] =
          value === '*' && actual !== undefined ? '*' : redact(actual ?? '(missing)');
        if (value === '*' ? actual === undefined : actual !== value) {
          state.mismatches.push(`exchange ${index}: header ${name} was ${redact(actual ?? '(missing)')}`);
        }
      }
      const form = new URLSearchParams(typeof options.body === 'string' ? options.body : '');
      for (const [name, value] of Object.entries(expected.form ?? {})) {
        if (form.get(name) !== value) {
          state.mismatches.push(
            `exchange ${index}: form field ${name} was ${redact(form.get(name) ?? '(missing)')}`,
          );
        }
      }
      const body = jsonBody(options.body, headers['content-type']);
      if (expected.body !== undefined && !isDeepStrictEqual(body, expected.body)) {
        state.mismatches.push(
          `exchange ${index}: the body was ${redact(JSON.stringify(body) ?? '(none)')}, expected ${redact(JSON.stringify(expected.body))}`,
        );
      }
      state.requests.push({
        origin,
        method: options.method,
        url: options.path,
        ...(expected.headers ? { headers: asserted } : {}),
        ...(body === undefined ? {} : { body: JSON.parse(redact(JSON.stringify(body))) }),
      });
      return {
        statusCode: exchange.response.status,
        data: JSON.stringify(exchange.response.body ?? ''),
        responseOptions: { headers: { 'content-type': 'application/json', ...exchange.response.headers } },
      };
    });
}

/** The JSON body of a request, or undefined when it has none (a form body is checked by `form`). */
function jsonBody(body: unknown, contentType: string | undefined): unknown {
  if (typeof body !== 'string' || body === '' || !contentType?.includes('json')) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Runs a fixture through the public API against undici's `MockAgent`, with `Date` frozen at
 * `fixture.now`. Every exchange must be requested, in order, with exactly its path and query
 * and at least its listed headers and form fields; `mismatches` says where it was not, and
 * `attempted` lists every request the engine sent. Credential values never reach the output.
 */
export async function runFixture(provider: ProviderDefinition, fixture: Fixture): Promise<FixtureOutcome> {
  const restoreDate = freezeDate(fixture.now ?? DEFAULT_NOW);
  const agent = new MockAgent();
  agent.disableNetConnect();
  const attempted: AttemptedRequest[] = [];
  const warnings: string[] = [];
  const engine = createEngine({
    providers: [provider],
    dispatcher: recordingDispatcher(agent, attempted),
    cursorSecret: 'fixture-cursor-secret-0123456789',
    // A fixture proves its mapping: every record must validate, nothing is dropped.
    validate: 'strict',
    // Warnings (a skipped source, a truncated listing) are part of what a fixture proves.
    onWarning: (warning) => warnings.push(warning.message),
  });
  const redact = redactor(fixture);
  const requests: RecordedRequest[] = [];
  const mismatches: string[] = [];
  try {
    let connection: Connection;
    try {
      connection = engine.connect(provider.id, fixture.connect as never);
    } catch (caught) {
      // Connection params and credentials are checked before any request: the output is the error.
      if (!EngineError.isInstance(caught)) throw caught;
      if (fixture.exchanges.length > 0)
        mismatches.push('a fixture whose connect fails must list no exchanges');
      return {
        output: { description: fixture.description, requests, error: describeError(caught, redact) },
        mismatches,
        attempted,
      };
    }
    const state = { origin: new URL(connection.baseUrl).origin, next: 0, requests, mismatches, attempted };
    for (const [index, exchange] of fixture.exchanges.entries())
      intercept(agent, exchange, index, state, redact);
    let result: unknown;
    let error: Record<string, unknown> | undefined;
    try {
      result = await perform(connection, fixture);
    } catch (caught) {
      if (!EngineError.isInstance(caught)) throw caught;
      error = describeError(caught, redact);
    }
    const pending = agent.pendingInterceptors().length;
    if (pending > 0)
      mismatches.push(`${pending} exchange(s) were never requested (first unused: ${state.next})`);
    return {
      output: {
        description: fixture.description,
        requests,
        ...(error ? { error } : { result }),
        ...(warnings.length ? { warnings: warnings.map(redact) } : {}),
      },
      mismatches,
      attempted: attempted.map((request) => ({ ...request, url: redact(request.url) })),
    };
  } finally {
    restoreDate();
    await agent.close();
  }
}

type WriteMember = (
  model?: string,
  resource?: string,
  id?: string,
  memberId?: string,
  options?: unknown,
) => Promise<unknown>;

async function perform(connection: Connection, fixture: Fixture): Promise<unknown> {
  const { operation, model, resource, id, options, input } = fixture.call;
  const untyped = connection as unknown as {
    list: (
      model?: string,
      resource?: string,
      options?: unknown,
    ) => Promise<{ result: unknown[]; next_cursor: string | null }>;
    iterate: (model?: string, resource?: string, options?: unknown) => AsyncIterable<unknown>;
    get: (model?: string, resource?: string, id?: string, options?: unknown) => Promise<unknown>;
    create: (model?: string, resource?: string, input?: unknown, options?: unknown) => Promise<unknown>;
    update: (
      model?: string,
      resource?: string,
      id?: string,
      input?: unknown,
      options?: unknown,
    ) => Promise<unknown>;
    deactivate: (model?: string, resource?: string, id?: string, options?: unknown) => Promise<unknown>;
    addMember: WriteMember;
    removeMember: WriteMember;
  };
  switch (operation) {
    case 'list': {
      const page = await untyped.list(model, resource, options);
      return { result: page.result, has_next_cursor: page.next_cursor !== null };
    }
    case 'iterate': {
      const records: unknown[] = [];
      for await (const record of untyped.iterate(model, resource, options)) records.push(record);
      return records;
    }
    case 'get':
      return untyped.get(model, resource, id, options);
    case 'proxy':
      return connection.proxy(fixture.call.request as never);
    case 'create':
      return untyped.create(model, resource, input, options);
    case 'update':
      return untyped.update(model, resource, id, input, options);
    case 'deactivate':
      return untyped.deactivate(model, resource, id, options);
    case 'add_member':
      return untyped.addMember(model, resource, id, fixture.call.member_id, options);
    case 'remove_member':
      return untyped.removeMember(model, resource, id, fixture.call.member_id, options);
  }
}
