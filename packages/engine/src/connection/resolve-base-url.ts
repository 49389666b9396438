import { hostAllowed } from '../definition/allowed-hosts.js';
import type { ProviderDefinition } from '../definition/compiled-types.js';
import { renderTemplate } from '../definition/template.js';
import { EngineError } from '../errors/engine-error.js';
import { hostKind, isLoopbackHost } from '../http/network-address.js';

/**
 * What a param may hold where a template places it in the base URL: unreserved URL characters
 * (RFC 3986), which cannot change where the URL points.
 */
const URL_SAFE_VALUE = /^[A-Za-z0-9._~-]+$/;

function fail(provider: ProviderDefinition, message: string): never {
  throw new EngineError('invalid_base_url', message, { provider: provider.id, operation: 'connect' });
}

function parseUrl(provider: ProviderDefinition, text: string, what: string): URL {
  try {
    return new URL(text);
  } catch {
    return fail(provider, `${what} is not a valid URL`);
  }
}

/** Drops a trailing slash so paths join as `base + path`. */
function normalise(url: URL): URL {
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * The connection's base URL: the caller's override, or the definition's template or table.
 * Built with `new URL` and checked: https only (plain http for `localhost` and literal loopback
 * addresses), no credentials, no query, for templates a host the definition allows, and for an
 * override no link-local, metadata or private address unless `allowPrivateNetwork` is set.
 */
export function resolveBaseUrl(
  provider: ProviderDefinition,
  params: Record<string, string>,
  override?: string,
  allowPrivateNetwork = false,
): URL {
  if (override !== undefined) {
    const url = parseUrl(provider, override, 'baseUrl');
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      fail(provider, 'baseUrl must use https (plain http only for localhost and loopback addresses)');
    }
    const kind = hostKind(url.hostname);
    if ((kind === 'link_local' || kind === 'private') && !allowPrivateNetwork) {
      fail(
        provider,
        `baseUrl points at a ${kind === 'private' ? 'private' : 'link-local or metadata'} address (${url.hostname}); ` +
          'pass allowPrivateNetwork: true to connect() if that is intended',
      );
    }
    if (url.username || url.password) fail(provider, 'baseUrl must not contain credentials');
    if (url.search || url.hash) fail(provider, 'baseUrl must not contain a query or fragment');
    return normalise(url);
  }
  const baseUrl = provider.baseUrl;
  if (baseUrl.kind === 'table') {
    const key = params[baseUrl.by];
    // Own keys only: `constructor` or `toString` must not pass for a listed value.
    const value = key !== undefined && Object.hasOwn(baseUrl.values, key) ? baseUrl.values[key] : undefined;
    if (value === undefined) fail(provider, `no base URL for ${baseUrl.by} = ${key ?? '(none)'}`);
    return normalise(new URL(value));
  }
  // A `/`, `?`, `#`, `@`, `:` or `\` in a param would move the request to another host, path
  // or port: only unreserved characters are placed in the URL.
  const urlSafe = (value: string) => {
    if (!URL_SAFE_VALUE.test(value)) {
      fail(
        provider,
        `${JSON.stringify(value)} cannot be placed in the base URL: use letters, digits, -, ., _ and ~`,
      );
    }
    return value;
  };
  const rendered = renderTemplate(baseUrl.template, { params }, urlSafe);
  if (rendered === undefined) fail(provider, 'the base URL template has a param without a value');
  const url = parseUrl(provider, rendered, 'the base URL');
  const expectedOrigin = `${url.protocol}//${url.host}`;
  // A value like `evil.example/x?` makes the template parse to another host or path: compare
  // the rendered text to the URL rebuilt from its parts, so nothing rides along unnoticed.
  // Hosts compare without regard to case (the URL parser lower-cases them).
  const unexpected =
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    !rendered.toLowerCase().startsWith(expectedOrigin);
  if (url.protocol !== 'https:' || unexpected || !hostAllowed(url.hostname, baseUrl.allowedHosts)) {
    fail(
      provider,
      `the base URL host ${url.hostname} is not allowed; expected ${baseUrl.allowedHosts.join(' or ')}`,
    );
  }
  return normalise(url);
}
