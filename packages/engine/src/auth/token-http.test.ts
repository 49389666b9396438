import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, errors, MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API_REQUEST,
  authMethod,
  createContext,
  createTokenServer,
  ORIGIN,
  strategyFor,
  TOKEN_PATH,
  type TokenReply,
} from '../../test/helpers/auth-token-server.js';
import { EngineError } from '../errors/engine-error.js';
import type { ErrorFields } from '../http/response-error.js';
import { SingleExpression } from '../mapping/record-mapping.js';
import type { AuthStrategy } from './auth-strategy.js';

const SECRET = 'client-secret-Hq4-never-shown';
const method = authMethod({
  kind: 'oauth2_client_credentials',
  token_url: '/oauth2/v1/token',
  client_authentication: 'client_secret_post',
});
const credentials = { client_id: 'client-1', client_secret: SECRET };

function answering(reply: TokenReply, errorFields?: ErrorFields): AuthStrategy {
  const { agent } = createTokenServer(() => reply);
  return strategyFor(method, credentials, createContext(agent, {}, { errorFields }));
}

async function failure(strategy: AuthStrategy): Promise<EngineError> {
  const error = await strategy.headers(API_REQUEST).then(
    () => new Error('expected the token request to fail'),
    (reason: unknown) => reason,
  );
  if (!EngineError.isInstance(error)) throw error;
  expect(error.message).not.toContain(SECRET);
  expect(error.operation).toBe('auth');
  expect(error.provider).toBe('example');
  return error;
}

describe('token endpoint errors', () => {
  it('quote the OAuth error and description, with an echoed secret redacted', async () => {
    const error = await failure(
      answering({
        status: 401,
        body: { error: 'invalid_client', error_description: `Client secret ${SECRET} does not match.` },
      }),
    );

    expect(error).toMatchObject({
      code: 'token_error',
      status: 401,
      providerCode: 'invalid_client',
      retryable: false,
    });
    expect(error.message).toBe(
      '[engine] [example] auth: token request failed with HTTP 401: invalid_client: Client secret [redacted] does not match.',
    );
  });

  it("quote what the definition's errors expressions read from a provider's own body", async () => {
    const error = await failure(
      answering(
        {
          status: 403,
          body: { errorCode: 'E0000006', errorSummary: `Client ${SECRET} may not do this.` },
        },
        {
          errorMessage: new SingleExpression("errorSummary & ' (' & errorCode & ')'"),
          errorCode: new SingleExpression('errorCode'),
        },
      ),
    );

    expect(error).toMatchObject({
      code: 'token_error',
      status: 403,
      providerCode: 'E0000006',
      retryable: false,
    });
    expect(error.message).toBe(
      '[engine] [example] auth: token request failed with HTTP 403: Client [redacted] may not do this. (E0000006)',
    );
  });

  it('quote the OAuth error when the expressions yield nothing for the body', async () => {
    const error = await failure(
      answering(
        { status: 400, body: { error: 'invalid_scope', error_description: 'Scope users.read is unknown.' } },
        { errorMessage: new SingleExpression('errorSummary'), errorCode: new SingleExpression('errorCode') },
      ),
    );

    expect(error.providerCode).toBe('invalid_scope');
    expect(error.message).toContain('HTTP 400: invalid_scope: Scope users.read is unknown.');
  });

  it("quote no provider's own fields when the definition declares no expression for them", async () => {
    const error = await failure(
      answering({
        status: 403,
        body: { errorCode: 'E0000006', errorSummary: 'You do not have permission.' },
      }),
    );

    expect(error.providerCode).toBeUndefined();
    expect(error.message).toBe('[engine] [example] auth: token request failed with HTTP 403');
  });

  it('never quote a body that is not JSON, and let a 5xx be retried', async () => {
    const error = await failure(answering({ status: 502, body: '<html><body>Bad gateway</body></html>' }));

    expect(error).toMatchObject({ code: 'token_error', status: 502, retryable: true });
    expect(error.message).not.toContain('<html>');
  });

  it('reject a success without an access token', async () => {
    const error = await failure(answering({ status: 200, body: { token_type: 'Bearer' } }));

    expect(error.code).toBe('token_error');
    expect(error.message).toContain('no access_token');
  });
});

describe('transport failures', () => {
  function failingWith(cause: Error): AuthStrategy {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get(ORIGIN).intercept({ path: TOKEN_PATH, method: 'POST' }).replyWithError(cause);
    return strategyFor(method, credentials, createContext(agent));
  }

  it('become network_error, dropping a cause whose message held a secret', async () => {
    const error = await failure(
      failingWith(new Error(`socket closed while sending client_secret=${SECRET}`)),
    );

    expect(error).toMatchObject({ code: 'network_error', retryable: true });
    expect(error.message).toContain('client_secret=[redacted]');
    expect(error.cause).toBeUndefined();
  });

  it('keep a harmless cause', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    const error = await failure(failingWith(cause));

    expect(error.code).toBe('network_error');
    expect(error.cause).toBe(cause);
  });

  it('become timeout for undici timeouts', async () => {
    const error = await failure(failingWith(new errors.HeadersTimeoutError()));

    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });
});

describe('timeoutMs', () => {
  let server: Server | undefined;
  let agent: Agent | undefined;

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    await agent?.close();
  });

  it('bounds the wait for the token endpoint', async () => {
    // A loopback server that never answers: MockAgent does not apply undici's timeouts.
    server = createServer(() => {});
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    agent = new Agent();
    const context = createContext(new MockAgent(), {}, { dispatcher: agent, timeoutMs: 100 });
    const strategy = strategyFor(
      authMethod({ kind: 'oauth2_client_credentials', token_url: `http://127.0.0.1:${port}/token` }),
      credentials,
      context,
    );

    const started = Date.now();
    const error = await failure(strategy);
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
