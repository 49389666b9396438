import { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import {
  connectTestProvider,
  createTestEngine,
  TEST_ORIGIN,
  testProvider,
} from '../../test/helpers/test-engine.js';
import { createEngine, type EngineOptions } from '../index.js';

/** How one scripted answer ends after its headers and chunks. */
type Ending = 'complete' | 'reset' | 'stall';

interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  chunks: string[];
  ending: Ending;
}

/**
 * A dispatcher that plays one scripted answer per request, chunk by chunk, so a test can break a
 * body after its headers the way a reset connection or a stalled server does.
 */
class ScriptedDispatcher extends Dispatcher {
  requests = 0;
  chunksSent = 0;

  constructor(private readonly script: ScriptedAnswer[]) {
    super();
  }

  override dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    const answer = this.script[Math.min(this.requests, this.script.length - 1)]!;
    this.requests += 1;
    const legacy = handler as unknown as {
      onConnect(abort: (error?: Error) => void): void;
      onHeaders(status: number, headers: Buffer[], resume: () => void, text: string): boolean;
      onData(chunk: Buffer): boolean;
      onComplete(trailers: Buffer[]): void;
      onError(error: Error): void;
    };
    let aborted = false;
    legacy.onConnect((error) => {
      aborted = true;
      legacy.onError(error ?? new Error('aborted'));
    });
    const headers = Object.entries({ 'content-type': 'application/json', ...answer.headers }).flatMap(
      ([name, value]) => [Buffer.from(name), Buffer.from(value)],
    );
    legacy.onHeaders(answer.status ?? 200, headers, () => {}, 'OK');
    // One chunk per turn of the event loop, as from a socket: the reader can stop in between.
    void (async () => {
      for (const chunk of answer.chunks) {
        await new Promise((resolve) => setImmediate(resolve));
        if (aborted) return;
        this.chunksSent += 1;
        legacy.onData(Buffer.from(chunk));
      }
      if (answer.ending === 'complete') legacy.onComplete([]);
      if (answer.ending === 'reset') {
        legacy.onError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
      }
    })();
    return true;
  }
}

function connect(dispatcher: Dispatcher, options: Partial<EngineOptions> = {}) {
  const engine = createEngine({
    providers: [testProvider],
    dispatcher,
    cursorSecret: 'test-cursor-secret-0123456789',
    ...options,
  });
  return connectTestProvider(engine);
}

const USER = JSON.stringify({ id: 1, name: 'User 1', state: 'on' });

describe('failures while reading a body', () => {
  it('retries a GET whose connection resets after the headers, then succeeds', async () => {
    const dispatcher = new ScriptedDispatcher([
      { chunks: ['{"id":1,"na'], ending: 'reset' },
      { chunks: [USER], ending: 'complete' },
    ]);
    const record = await connect(dispatcher).get('user-directory', 'users', '1');
    expect(record.id).toBe('1');
    expect(dispatcher.requests).toBe(2);
  });

  it('retries a GET whose body stalls past timeouts.bodyMs, then succeeds', async () => {
    const dispatcher = new ScriptedDispatcher([
      { chunks: ['{"id":'], ending: 'stall' },
      { chunks: [USER], ending: 'complete' },
    ]);
    const record = await connect(dispatcher, { timeouts: { bodyMs: 50 } }).get(
      'user-directory',
      'users',
      '1',
    );
    expect(record.id).toBe('1');
    expect(dispatcher.requests).toBe(2);
  });

  it('does not retry a POST whose body fails: it may have been applied', async () => {
    const dispatcher = new ScriptedDispatcher([{ chunks: ['{"ok":'], ending: 'reset' }]);
    const error = await engineError(connect(dispatcher).proxy({ method: 'POST', path: '/things', body: {} }));
    expect(error.code).toBe('network_error');
    expect(dispatcher.requests).toBe(1);
  });
});

describe('maxResponseBytes', () => {
  it('refuses a body larger than the cap by its Content-Length, without retrying', async () => {
    const { agent } = createTestEngine();
    const engine = createEngine({ providers: [testProvider], dispatcher: agent, maxResponseBytes: 1_000 });
    const routes = new MockRoutes(agent, TEST_ORIGIN);
    routes.on('/users/1', { body: { id: 1, name: 'x'.repeat(2_000), state: 'on' } }, { times: 3 });
    const error = await engineError(connectTestProvider(engine).get('user-directory', 'users', '1'));
    expect(error.code).toBe('response_too_large');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('1000 bytes');
    expect(routes.seen).toHaveLength(1);
  });

  it('stops reading a body without Content-Length as soon as it passes the cap', async () => {
    const chunk = 'x'.repeat(1_000);
    const dispatcher = new ScriptedDispatcher([
      { chunks: ['["', ...Array.from({ length: 1_000 }, () => chunk), '"]'], ending: 'complete' },
    ]);
    const error = await engineError(
      connect(dispatcher, { maxResponseBytes: 10_000 }).list('user-directory', 'users'),
    );
    expect(error.code).toBe('response_too_large');
    expect(dispatcher.requests).toBe(1);
    // The dispatcher stopped once the engine gave up: far fewer than the 1,002 chunks offered.
    expect(dispatcher.chunksSent).toBeLessThan(50);
  });

  it('reads a body at the cap', async () => {
    const dispatcher = new ScriptedDispatcher([{ chunks: [USER], ending: 'complete' }]);
    const record = await connect(dispatcher, { maxResponseBytes: USER.length }).get(
      'user-directory',
      'users',
      '1',
    );
    expect(record.id).toBe('1');
  });
});

describe('redirects without a target', () => {
  it('fails a 3xx without Location with invalid_response instead of reading it as a page', async () => {
    const { agent } = createTestEngine();
    const engine = createEngine({ providers: [testProvider], dispatcher: agent });
    const routes = new MockRoutes(agent, TEST_ORIGIN);
    routes.on('/users?limit=3', { status: 302, body: [] });
    const error = await engineError(connectTestProvider(engine).list('user-directory', 'users'));
    expect(error.code).toBe('invalid_response');
    expect(error.status).toBe(302);
    expect(error.message).toContain('without a Location header');
  });
});
