import { EngineError } from '../errors/engine-error.js';

/** Encodes one value substituted into a path; `.` and `..` would climb out of the path. */
export function encodePathValue(value: string): string {
  if (value === '.' || value === '..') {
    throw new EngineError('invalid_request', `${JSON.stringify(value)} is not a valid id`);
  }
  return encodeURIComponent(value);
}

/** `base + path`, keeping the base URL's own path (`/api` + `/members`). */
export function joinUrl(baseUrl: URL, path: string): URL {
  const url = new URL(baseUrl.href);
  const [pathname, search] = path.split('?', 2) as [string, string | undefined];
  url.pathname = `${baseUrl.pathname.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`;
  if (search) url.search = search;
  return url;
}
