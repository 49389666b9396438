import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';

/**
 * True when a header value holds a character it may not (RFC 9110 section 5.5): a control
 * character other than tab, or anything outside Latin-1, which HTTP/1.1 cannot carry. A CR or LF
 * would start another header. Undici refuses such a value only as it sends, as a network error the engine would
 * retry; it is refused here before any request instead.
 */
export function isHeaderUnsafe(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || code > 0xff) return true;
  }
  return false;
}

/** A header name is an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Throws a non-retryable `invalid_request` naming the first header whose name or value cannot
 * be sent. The value is never quoted: it may be a credential.
 */
export function checkHeaders(
  headers: Record<string, string>,
  where: string,
  context: EngineErrorContext,
): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new EngineError(
        'invalid_request',
        `${where}: ${JSON.stringify(name)} is not a valid header name`,
        {
          ...context,
          retryable: false,
        },
      );
    }
    if (typeof value !== 'string' || isHeaderUnsafe(value)) {
      throw new EngineError(
        'invalid_request',
        `${where}: the ${name} header value contains a line break or another character a header cannot carry`,
        { ...context, retryable: false },
      );
    }
  }
}

/**
 * Merges header sets whose names may differ in case only, later sets winning, so a request never
 * carries one header twice (`authorization` and `Authorization`).
 */
export function mergeHeaders(
  ...sets: ReadonlyArray<Record<string, string> | undefined>
): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  for (const set of sets) {
    for (const [name, value] of Object.entries(set ?? {})) merged.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(merged.values());
}
