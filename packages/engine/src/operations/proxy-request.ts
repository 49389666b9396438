import { EngineError } from '../errors/engine-error.js';
import { checkHeaders, mergeHeaders } from '../http/header-values.js';
import { joinUrl } from '../http/url-path.js';
import type { ProxyRequest, ProxyResponse } from '../public-types.js';
import type { ConnectionRuntime } from './runtime.js';

/**
 * Headers that carry credentials. The connection's win: a caller's is refused rather than
 * dropped, so a caller who meant another identity learns at once that it is not used.
 */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'dpop']);

/**
 * The provider's own API through the connection. Only paths below the base URL are accepted,
 * so credentials are never sent to a host the caller names.
 */
export async function proxyRequest(
  runtime: ConnectionRuntime,
  request: ProxyRequest,
): Promise<ProxyResponse> {
  const context = { provider: runtime.provider.id, operation: 'proxy' };
  // `/\host` is read as `//host` by URL parsers, so backslashes count as slashes here.
  if (typeof request.path !== 'string' || !request.path.startsWith('/') || /^[/\\]{2}/.test(request.path)) {
    throw new EngineError(
      'invalid_request',
      'proxy path must start with / and be relative to the base URL',
      context,
    );
  }
  const url = joinUrl(runtime.baseUrl, request.path);
  // Dot segments (`/../`, `/%2e%2e/`) are resolved by the URL parser: check where they led.
  const basePath = runtime.baseUrl.pathname.replace(/\/+$/, '');
  if (
    url.origin !== runtime.baseUrl.origin ||
    (basePath !== '' && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`))
  )
    throw new EngineError('invalid_request', 'proxy path must stay on the base URL', context);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers = request.headers ?? {};
  for (const name of Object.keys(headers)) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      throw new EngineError(
        'invalid_request',
        `proxy headers may not set ${name}: the connection's own credentials are sent`,
        context,
      );
    }
  }
  checkHeaders(headers, 'proxy headers', context);
  const hasBody = request.body !== undefined;
  const response = await runtime.http.send(
    {
      method: request.method ?? 'GET',
      url,
      headers: mergeHeaders(headers, hasBody ? { 'content-type': 'application/json' } : {}),
      body: hasBody ? JSON.stringify(request.body) : undefined,
      family: runtime.provider.families.ofPath(request.path.split('?')[0]!),
      context: { operation: 'proxy' },
    },
    true,
  );
  return { status: response.status, headers: response.headers, body: response.body };
}
