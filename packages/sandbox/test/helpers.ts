import type { OktaSandbox, WorkatoSandbox } from '../src/index.js';

/** A parsed response body; tests check its shape with assertions rather than with types. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by assertions, not by the compiler.
export type Json = Record<string, any>;

/** The URL of a `rel` link in a `link` header, whether links come joined or as separate headers. */
export function linkOf(header: string | null | undefined, rel: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>;\s*rel="([^"]+)"/.exec(part.trim());
    if (match?.[2] === rel) return match[1];
  }
  return undefined;
}

/** GET on the Okta sandbox with its API token. */
export function oktaGet(sandbox: OktaSandbox, pathOrUrl: string, headers: Record<string, string> = {}) {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${sandbox.url}${pathOrUrl}`;
  return fetch(url, { headers: { authorization: `SSWS ${sandbox.credentials.apiToken}`, ...headers } });
}

/** GET on the Workato sandbox with its API client token. */
export function workatoGet(sandbox: WorkatoSandbox, path: string) {
  return fetch(`${sandbox.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${sandbox.credentials.apiToken}` },
  });
}

/** Follows `next` links from `path` and returns every record and the number of pages. */
export async function collectOkta<T = Record<string, unknown>>(
  sandbox: OktaSandbox,
  path: string,
  options: { maxPages?: number; stopOnEmptyPage?: boolean } = {},
): Promise<{ records: T[]; pages: number }> {
  const records: T[] = [];
  let url: string | undefined = `${sandbox.url}${path}`;
  let pages = 0;
  while (url) {
    const response = await oktaGet(sandbox, url);
    if (response.status !== 200)
      throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as T[];
    pages++;
    records.push(...page);
    if (options.stopOnEmptyPage && page.length === 0) break;
    if (pages > (options.maxPages ?? 10_000))
      throw new Error(`more than ${options.maxPages} pages from ${path}`);
    url = linkOf(response.headers.get('link'), 'next');
  }
  return { records, pages };
}

/** Okta's location identity: fields trimmed, inner spaces collapsed, case ignored. */
export function locationKey(profile: Record<string, unknown>): string | undefined {
  const fields = ['streetAddress', 'city', 'state', 'zipCode', 'countryCode'].map((name) => profile[name]);
  if (fields.every((field) => field === undefined || field === null)) return undefined;
  return fields
    .map((field) =>
      String(field ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .toLowerCase(),
    )
    .join('|');
}
