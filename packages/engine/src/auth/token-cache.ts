import { EngineError } from '../errors/engine-error.js';
import { currentSignal } from '../http/call-signal.js';
import type { IssuedToken } from './token-http.js';

/** Renew at most this long before expiry... */
const MAX_RENEWAL_MARGIN_MS = 60_000;
/** ...or this share of the lifetime, so a 5-minute token is not renewed a whole minute early. */
const RENEWAL_MARGIN_RATIO = 0.1;

/** An access token a strategy holds. */
export interface CachedToken {
  value: string;
  type: 'Bearer' | 'DPoP';
  /** Epoch milliseconds after which the token is renewed before use; undefined: used until rejected. */
  renewAt: number | undefined;
  /** Epoch milliseconds at which the token expires, when known. */
  expiresAt: number | undefined;
  /** Set when the token was obtained because the API rejected its predecessor. */
  obtainedAfterRejection: boolean;
}

/**
 * Caches one access token until shortly before it expires and renews it single-flight: however
 * many calls need a token at once, one request goes to the token endpoint and they all share its
 * outcome. A failed renewal is not kept; the next call tries again.
 */
export class TokenCache {
  readonly #obtain: () => Promise<IssuedToken>;
  readonly #now: () => number;
  #current: CachedToken | undefined;
  #previousValue: string | undefined;
  #renewal: Promise<CachedToken> | undefined;

  constructor(obtain: () => Promise<IssuedToken>, now: () => number) {
    this.#obtain = obtain;
    this.#now = now;
  }

  /** Starts from a token obtained elsewhere, e.g. the access token saved with a refresh token. */
  seed(value: string, type: CachedToken['type'], expiresAt: number | undefined): void {
    const now = this.#now();
    const renewAt = expiresAt === undefined ? undefined : renewalTime(expiresAt, expiresAt - now);
    this.#current = { value, type, renewAt, expiresAt, obtainedAfterRejection: false };
  }

  /** The cached token while it is fresh, else a renewed one. */
  async token(): Promise<CachedToken> {
    const current = this.#current;
    if (current && (current.renewAt === undefined || this.#now() < current.renewAt)) return current;
    return this.#renew(false);
  }

  /**
   * Reacts to the API rejecting `rejectedValue` (the current token when unknown). Returns true
   * when a retry may succeed: a newer token exists, or one was just obtained. Returns false when
   * the rejected token was itself obtained after a rejection: renewing again would loop. That
   * token is dropped, so the next call starts with a fresh one.
   */
  async renewAfterRejection(rejectedValue: string | undefined): Promise<boolean> {
    if (this.#renewal) {
      await this.#renewal;
      return true;
    }
    const current = this.#current;
    if (current && rejectedValue !== undefined && rejectedValue !== current.value) return true;
    if (current?.obtainedAfterRejection) {
      this.#current = undefined;
      return false;
    }
    await this.#renew(true);
    return true;
  }

  /** The current and the previous access token (requests may still be in flight with it). */
  values(): string[] {
    return [this.#current?.value, this.#previousValue].filter((value): value is string => Boolean(value));
  }

  /**
   * Waits for the shared renewal, starting one if none runs. The renewal carries the signal of
   * the call that started it: when that call is cancelled, the others start a new one, and a
   * cancelled waiter stops waiting at once.
   */
  async #renew(afterRejection: boolean): Promise<CachedToken> {
    const signal = currentSignal();
    for (;;) {
      this.#renewal ??= this.#fetch(afterRejection).finally(() => {
        this.#renewal = undefined;
      });
      try {
        return await untilAborted(this.#renewal, signal);
      } catch (error) {
        const cancelledElsewhere =
          EngineError.isInstance(error) && error.code === 'aborted' && !signal?.aborted;
        if (!cancelledElsewhere) throw error;
      }
    }
  }

  async #fetch(afterRejection: boolean): Promise<CachedToken> {
    // The lifetime counts from before the request: the server's clock started no later.
    const requestedAt = this.#now();
    const issued = await this.#obtain();
    const lifetime = issued.expiresIn === undefined ? undefined : issued.expiresIn * 1000;
    const expiresAt = lifetime === undefined ? undefined : requestedAt + lifetime;
    const token: CachedToken = {
      value: issued.accessToken,
      type: issued.tokenType,
      renewAt:
        expiresAt === undefined || lifetime === undefined ? undefined : renewalTime(expiresAt, lifetime),
      expiresAt,
      obtainedAfterRejection: afterRejection,
    };
    if (this.#current && this.#current.value !== token.value) this.#previousValue = this.#current.value;
    this.#current = token;
    return token;
  }
}

/** When to renew a token: 60 s before expiry, or 10% of the lifetime when that is shorter. */
function renewalTime(expiresAt: number, lifetimeMs: number): number {
  return expiresAt - Math.min(MAX_RENEWAL_MARGIN_MS, Math.max(0, lifetimeMs) * RENEWAL_MARGIN_RATIO);
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
