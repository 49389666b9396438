import { request } from 'undici';
import type { EngineError } from '../errors/engine-error.js';
import { abortedError, currentSignal } from '../http/call-signal.js';
import { isHeaderUnsafe } from '../http/header-values.js';
import { noteRequest } from '../http/request-count.js';
import { readErrorFields } from '../http/response-error.js';
import { authError, redactSecrets, transportError } from './auth-errors.js';
import type { AuthContext } from './auth-strategy.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/** A token endpoint's answer, whatever its status. */
export interface TokenEndpointAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

/** An access token as a token endpoint issued it (RFC 6749 section 5.1). */
export interface IssuedToken {
  accessToken: string;
  /** `DPoP` when the token is bound to the strategy's DPoP key (RFC 9449), else `Bearer`. */
  tokenType: 'Bearer' | 'DPoP';
  /** Lifetime in seconds, when the server said. */
  expiresIn?: number | undefined;
  refreshToken?: string | undefined;
  scope?: string | undefined;
}

/**
 * POSTs a form to a token endpoint through the connection's dispatcher (so a proxy or a test's
 * MockAgent sees it). `secrets` are redacted from a transport error's message.
 */
export async function postTokenForm(
  url: URL,
  form: URLSearchParams,
  headers: Record<string, string>,
  context: AuthContext,
  secrets: readonly string[],
): Promise<TokenEndpointAnswer> {
  const timeout = context.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = currentSignal();
  try {
    noteRequest();
    const response = await request(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: form.toString(),
      dispatcher: context.dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal,
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, body: parseJson(text) };
  } catch (error) {
    if (signal?.aborted) throw abortedError({ provider: context.provider, operation: 'token' });
    throw transportError(error, url, context, secrets);
  }
}

/** Reads a successful (2xx) answer into an {@link IssuedToken}. */
export function readIssuedToken(answer: TokenEndpointAnswer, context: AuthContext): IssuedToken {
  const body = isRecord(answer.body) ? answer.body : {};
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw authError('token_error', 'the token response has no access_token', context, {
      status: answer.status,
    });
  }
  // The token goes into an Authorization header: a line break there would be sent as another
  // header, or fail every request as a network error that is retried in vain.
  if (isHeaderUnsafe(body.access_token)) {
    throw authError(
      'token_error',
      'the token response has an access_token with a line break or another character a header cannot carry',
      context,
      { status: answer.status, retryable: false },
    );
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    // RFC 6749 makes the type case-insensitive; a missing type is read as the common Bearer.
    tokenType:
      typeof body.token_type === 'string' && body.token_type.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer',
    expiresIn: body.expires_in !== undefined && Number.isFinite(expiresIn) ? expiresIn : undefined,
    refreshToken:
      typeof body.refresh_token === 'string' && body.refresh_token ? body.refresh_token : undefined,
    scope: typeof body.scope === 'string' ? body.scope : undefined,
  };
}

/**
 * A `token_error` quoting what the definition's `errors.message` reads from the body, or else the
 * provider's `error` and `error_description` (RFC 6749 section 5.2), with every secret redacted.
 * The raw body is never quoted: it may be an HTML page, or echo what was sent.
 */
export async function tokenEndpointError(
  answer: TokenEndpointAnswer,
  context: AuthContext,
  secrets: readonly string[],
): Promise<EngineError> {
  const mapped = context.errorFields
    ? await readErrorFields(context.errorFields, answer.body)
    : { message: undefined, code: undefined };
  const code = mapped.code ?? oauthErrorCode(answer);
  const providerText = mapped.message ?? oauthErrorText(answer);
  const detail = providerText ? `: ${redactSecrets(providerText, secrets)}` : '';
  return authError('token_error', `token request failed with HTTP ${answer.status}${detail}`, context, {
    status: answer.status,
    providerCode: code === undefined ? undefined : redactSecrets(code, secrets),
    // A busy or failing token endpoint may answer the next attempt; a rejected client will not.
    retryable: answer.status === 429 || answer.status >= 500,
  });
}

/** The OAuth `error` code of an answer (RFC 6749 section 5.2). */
export function oauthErrorCode(answer: TokenEndpointAnswer): string | undefined {
  if (!isRecord(answer.body)) return undefined;
  return typeof answer.body.error === 'string' ? answer.body.error : undefined;
}

/** `error: error_description` of an RFC 6749 error answer, or whichever of the two it has. */
function oauthErrorText(answer: TokenEndpointAnswer): string | undefined {
  const description = isRecord(answer.body) ? answer.body.error_description : undefined;
  const parts = [oauthErrorCode(answer), typeof description === 'string' ? description : undefined];
  return parts.filter(Boolean).join(': ') || undefined;
}

/** A header of a response, by case-insensitive name; repeated headers are joined with ", ". */
export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined)
      return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
