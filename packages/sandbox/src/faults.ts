import { hashLabel, unitHash } from './random.js';

/**
 * Faults to inject, all deterministic from the seed and the order of requests: the same seed
 * and the same sequence of requests meet the same faults.
 */
export interface SandboxFaults {
  /** Share of requests (0 to 1) answered with a server error: mostly 500, some 502 and 503 with an HTML body. */
  serverErrorRate?: number;
  /** Share of requests (0 to 1) whose connection is reset before any response. */
  resetRate?: number;
  /**
   * Length of bursts of 429 responses, as when another integration spends the org's budget:
   * a burst starts at one of the first six requests and then every 100 requests.
   */
  rateLimitBurst?: number;
  /** Delay before every response in milliseconds: a fixed value or a `[minimum, maximum]` range. */
  latencyMs?: number | readonly [number, number];
  /** 1-based page number at which every paginated listing answers with truncated JSON. */
  malformedPage?: number;
  /** 1-based page number whose `next` link repeats the page's own URL (cursor listings only). */
  repeatedCursor?: number;
}

/** What happens to one request. */
export interface FaultDecision {
  reset: boolean;
  latencyMs: number;
  /** A status to answer with instead of handling the request. */
  serverError?: 500 | 502 | 503;
  /** True when the request falls in a burst of 429 responses. */
  rateLimitBurst: boolean;
}

/** The largest number of cursor pages remembered for page faults; older ones are forgotten. */
const MAX_TRACKED_PAGES = 100_000;
const BURST_PERIOD = 100;

function checkRate(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!(value >= 0 && value <= 1))
    throw new RangeError(`faults.${name} must be between 0 and 1, got ${value}`);
  return value;
}

/** Decides the faults of each request and tracks page numbers of cursor listings. */
export class FaultInjector {
  private readonly serverErrorRate: number;
  private readonly resetRate: number;
  private readonly burstStart: number;
  /** Page number of each next link handed out, keyed by path and query. */
  private readonly pages = new Map<string, number>();

  constructor(
    private readonly seed: number,
    private readonly faults: SandboxFaults = {},
  ) {
    this.serverErrorRate = checkRate('serverErrorRate', faults.serverErrorRate);
    this.resetRate = checkRate('resetRate', faults.resetRate);
    this.burstStart = 2 + Math.floor(unitHash(seed, hashLabel('fault.burst')) * 5);
    for (const name of ['rateLimitBurst', 'malformedPage', 'repeatedCursor'] as const) {
      const value = faults[name];
      if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
        throw new RangeError(`faults.${name} must be a whole number, got ${value}`);
      }
    }
    const latency = faults.latencyMs ?? 0;
    const [minimum, maximum] = typeof latency === 'number' ? [latency, latency] : latency;
    if (!(minimum >= 0 && maximum >= minimum)) {
      throw new RangeError(
        `faults.latencyMs must be a delay or a [minimum, maximum] range, got ${String(latency)}`,
      );
    }
  }

  /** The faults of the request with 1-based sequence number `sequence`. */
  decide(sequence: number): FaultDecision {
    const draw = (label: string) => unitHash(this.seed, hashLabel(label), sequence);
    const burst = this.faults.rateLimitBurst ?? 0;
    const sinceBurstStart = sequence - this.burstStart;
    const latency = this.faults.latencyMs ?? 0;
    const [minimum, maximum] = typeof latency === 'number' ? [latency, latency] : latency;
    let serverError: FaultDecision['serverError'];
    if (draw('fault.server-error') < this.serverErrorRate) {
      const kind = draw('fault.server-error.kind');
      serverError = kind < 0.6 ? 500 : kind < 0.85 ? 503 : 502;
    }
    return {
      reset: draw('fault.reset') < this.resetRate,
      latencyMs: Math.round(minimum + draw('fault.latency') * (maximum - minimum)),
      serverError,
      rateLimitBurst: burst > 0 && sinceBurstStart >= 0 && sinceBurstStart % BURST_PERIOD < burst,
    };
  }

  /** Whether page faults are configured, so that cursor pages need tracking at all. */
  get tracksPages(): boolean {
    return this.faults.malformedPage !== undefined || this.faults.repeatedCursor !== undefined;
  }

  /**
   * The 1-based page number of a cursor listing request: 1 without a cursor, the number
   * recorded when the server handed out the link otherwise, undefined for unknown cursors.
   */
  pageOf(url: URL, cursorParameter: string): number | undefined {
    if (!url.searchParams.has(cursorParameter)) return 1;
    return this.pages.get(url.pathname + url.search);
  }

  /**
   * The `next` URL to hand out after page `page`: the page's own URL when the repeated-cursor
   * fault hits this page, else `next`, remembered as page `page + 1`.
   */
  nextLink(page: number | undefined, self: URL, next: URL): URL {
    if (page === undefined || !this.tracksPages) return next;
    if (page === this.faults.repeatedCursor) return self;
    if (this.pages.size >= MAX_TRACKED_PAGES) this.pages.clear();
    this.pages.set(next.pathname + next.search, page + 1);
    return next;
  }

  /** Whether a listing page must be answered with broken JSON. */
  isMalformed(page: number | undefined): boolean {
    return page !== undefined && page === this.faults.malformedPage;
  }
}

/** Cuts a JSON text in the middle, as a dropped connection or a buggy proxy would. */
export function truncateJson(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
