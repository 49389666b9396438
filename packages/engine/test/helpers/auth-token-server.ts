/**
 * Test support for the auth strategies: a scripted token endpoint on an undici MockAgent that
 * refuses every other request, and an {@link AuthContext} wired to it.
 */
import { MockAgent } from 'undici';
import type { AuthContext, AuthStrategy } from '../../src/auth/auth-strategy.js';
import { createAuthStrategy } from '../../src/auth/create-auth-strategy.js';
import { type Credentials, checkCredentials } from '../../src/auth/credentials.js';
import { compileAuthMethod } from '../../src/definition/compile-auth.js';
import type { CompiledAuthMethod } from '../../src/definition/compiled-types.js';
import { authMethodSchema } from '../../src/definition/schema-auth.js';

export const ORIGIN = 'https://id.example.com';
export const TOKEN_PATH = '/oauth2/v1/token';
export const TOKEN_URL = `${ORIGIN}${TOKEN_PATH}`;

/** One request the token endpoint received. */
interface RecordedTokenRequest {
  form: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

/** What the token endpoint answers; the body is sent as JSON unless it is a string. */
export interface TokenReply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type TokenHandler = (request: RecordedTokenRequest, index: number) => TokenReply;

/** A token endpoint (default {@link TOKEN_URL}) answering with `handle`, and the requests it got. */
export function createTokenServer(handle: TokenHandler, tokenUrl = TOKEN_URL) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const requests: RecordedTokenRequest[] = [];
  const { origin, pathname } = new URL(tokenUrl);
  agent
    .get(origin)
    .intercept({ path: pathname, method: 'POST' })
    .reply((options) => {
      const request = {
        form: new URLSearchParams(String(options.body)),
        headers: lowerCaseHeaders(options.headers),
      };
      requests.push(request);
      const reply = handle(request, requests.length - 1);
      const isText = typeof reply.body === 'string';
      return {
        statusCode: reply.status ?? 200,
        data: isText ? (reply.body as string) : JSON.stringify(reply.body),
        responseOptions: {
          headers: { 'content-type': isText ? 'text/html' : 'application/json', ...reply.headers },
        },
      };
    })
    .persist();
  return { agent, requests };
}

/** A token endpoint that issues `access-1`, `access-2`, ... valid for `expiresIn` seconds. */
export function issuingTokens(expiresIn = 3600, extra: Record<string, unknown> = {}): TokenHandler {
  return (_request, index) => ({
    body: { token_type: 'Bearer', access_token: `access-${index + 1}`, expires_in: expiresIn, ...extra },
  });
}

/** An auth context whose `render` fills `{{params.x}}` and `{{auth.x}}` from the given values. */
export function createContext(
  agent: MockAgent,
  values: { params?: Record<string, string>; auth?: Record<string, string> } = {},
  overrides: Partial<AuthContext> = {},
): AuthContext {
  return {
    provider: 'example',
    baseUrl: new URL(`${ORIGIN}/api/v1`),
    dispatcher: agent,
    render: (template) =>
      template.source.replace(
        /\{\{\s*(params|auth)\.(\w+)\s*\}\}/g,
        (_match, root: 'params' | 'auth', name: string) => {
          return values[root]?.[name] ?? '';
        },
      ),
    ...overrides,
  };
}

/** An auth method as a definition compiles it (defaults applied, templates parsed). */
export function authMethod(input: Record<string, unknown>): CompiledAuthMethod {
  return compileAuthMethod(authMethodSchema.parse({ id: 'test_method', ...input }));
}

/** Credentials as the connection checks them; throws when they do not pass. */
function checked(method: CompiledAuthMethod, values: Record<string, unknown>): Credentials {
  const check = checkCredentials(method, values);
  if (!check.ok) throw new Error(`credentials do not pass: ${JSON.stringify(check.problems)}`);
  return check.credentials;
}

/** The strategy a connection makes of these credentials, after checking them as it does. */
export function strategyFor(
  method: CompiledAuthMethod,
  values: Record<string, unknown>,
  context: AuthContext,
): AuthStrategy {
  return createAuthStrategy(method, checked(method, values), context);
}

/** The API request most tests authenticate. */
export const API_REQUEST = { method: 'GET', url: new URL(`${ORIGIN}/api/v1/users?limit=2#top`) };

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const entries: [string, unknown][] =
    headers instanceof Headers
      ? [...headers.entries()]
      : Array.isArray(headers)
        ? pairs(headers as string[])
        : Object.entries((headers ?? {}) as Record<string, unknown>);
  return Object.fromEntries(entries.map(([name, value]) => [name.toLowerCase(), String(value)]));
}

function pairs(flat: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) result.push([flat[index]!, flat[index + 1]!]);
  return result;
}
