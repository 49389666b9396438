/** The state of one endpoint family's budget after a request was counted against it. */
export interface RateLimitState {
  /** The family the request belongs to, e.g. `users`. */
  family: string;
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in the current window (never negative). */
  remaining: number;
  /** Epoch milliseconds at which the current window ends and the budget refills. */
  resetAt: number;
  /** True when the request went over the budget and must be answered with 429. */
  exceeded: boolean;
}

/** Rate-limit settings: the window length and the budget of each endpoint family. */
export interface RateLimitOptions {
  /** Length of a window in milliseconds. Default: 60,000. */
  windowMs?: number;
  /**
   * Requests allowed per window, by endpoint family; families not listed keep their default.
   * Okta families: users, user-by-id, groups, apps, app-by-id, logs, iam, org, oauth2.
   * Workato families: workspace, collaborators, collaborator-groups, environment-roles, roles.
   */
  limits?: Readonly<Record<string, number>>;
}

interface Window {
  startedAt: number;
  used: number;
}

/**
 * Fixed-window budgets per endpoint family. As on Okta, a window starts with the first request
 * after the previous one ended, so windows are not aligned to clock minutes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly windowMs: number;
  private readonly limits: Readonly<Record<string, number>>;

  constructor(
    defaults: Readonly<Record<string, number>>,
    options: RateLimitOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.windowMs = options.windowMs ?? 60_000;
    if (!(this.windowMs > 0))
      throw new RangeError(`rateLimit.windowMs must be positive, got ${this.windowMs}`);
    for (const [family, limit] of Object.entries(options.limits ?? {})) {
      if (!(family in defaults)) {
        throw new RangeError(
          `Unknown rate-limit family "${family}"; known: ${Object.keys(defaults).join(', ')}`,
        );
      }
      if (!Number.isInteger(limit) || limit < 0)
        throw new RangeError(`Rate limit of "${family}" must be an integer >= 0`);
    }
    this.limits = { ...defaults, ...options.limits };
  }

  /** The configured budget of a family (the default family budget when unknown). */
  limitOf(family: string): number {
    return this.limits[family] ?? this.limits.default ?? 600;
  }

  /** Counts one request against a family's budget and reports the resulting state. */
  take(family: string): RateLimitState {
    const now = this.clock();
    let window = this.windows.get(family);
    if (!window || now >= window.startedAt + this.windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(family, window);
    }
    const limit = this.limitOf(family);
    const exceeded = window.used >= limit;
    if (!exceeded) window.used++;
    return {
      family,
      limit,
      remaining: Math.max(0, limit - window.used),
      resetAt: window.startedAt + this.windowMs,
      exceeded,
    };
  }
}

/** A limiter with a provider's default budgets, the caller's overrides, or no limit at all (`false`). */
export function createRateLimiter(
  defaults: Readonly<Record<string, number>>,
  option: RateLimitOptions | false | undefined,
): RateLimiter {
  if (option !== false) return new RateLimiter(defaults, option);
  const unlimited = Object.fromEntries(
    Object.keys(defaults).map((family) => [family, Number.MAX_SAFE_INTEGER]),
  );
  return new RateLimiter(unlimited);
}
