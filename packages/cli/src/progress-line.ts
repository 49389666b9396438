import type { ObservedRequest, RequestObserver } from './request-observer.js';
import type { RunContext, StatusLine } from './run-context.js';

/** How often the line is redrawn while nothing else happens (the clocks move). */
const REDRAW_MS = 250;

/** Seconds from now until a rate-limit header's reset: epoch seconds when large, else a delay. */
function secondsUntil(value: string | undefined, nowMs: number): number | undefined {
  const number = value === undefined ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || number < 0) return undefined;
  return number > 1e9 ? number - nowMs / 1000 : number;
}

function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/**
 * The live line at the bottom of a terminal while a listing runs: records, pages, requests,
 * the rate-limit wait under way with the seconds left, and the time elapsed. The wait is read
 * from the last response: a 429, or a budget at zero, with `Retry-After` or a reset header.
 */
export class ProgressLine implements StatusLine, RequestObserver {
  records = 0;
  pages = 0;
  requests = 0;
  readonly #context: RunContext;
  readonly #started = Date.now();
  #waitUntilMs: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #drawn = false;

  constructor(context: RunContext) {
    this.#context = context;
  }

  start(): void {
    this.#context.statusLine = this;
    this.#timer = setInterval(() => this.draw(), REDRAW_MS);
    this.#timer.unref();
    this.draw();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.clear();
    if (this.#context.statusLine === this) this.#context.statusLine = undefined;
  }

  requestStarted(): void {
    this.requests += 1;
    this.#waitUntilMs = undefined;
  }

  requestEnded(request: ObservedRequest): void {
    const now = Date.now();
    const headers = request.rateLimit;
    const remaining = Object.entries(headers).find(([name]) => /remaining/.test(name))?.[1];
    const exhausted = request.status === 429 || remaining === '0';
    if (!exhausted) return;
    const reset = Object.entries(headers).find(([name]) => /reset/.test(name))?.[1];
    const seconds = secondsUntil(headers['retry-after'], now) ?? secondsUntil(reset, now);
    if (seconds !== undefined) this.#waitUntilMs = now + seconds * 1000;
  }

  /** The line's text at this moment. */
  text(now = Date.now()): string {
    const parts = [
      `${this.records} record${this.records === 1 ? '' : 's'}`,
      `${this.pages} page${this.pages === 1 ? '' : 's'}`,
      `${this.requests} request${this.requests === 1 ? '' : 's'}`,
    ];
    if (this.#waitUntilMs !== undefined && this.#waitUntilMs > now) {
      parts.push(`rate-limit wait ${duration((this.#waitUntilMs - now) / 1000)} left`);
    }
    parts.push(`${duration((now - this.#started) / 1000)} elapsed`);
    return parts.join(' | ');
  }

  draw(): void {
    const width = this.#context.io.stderr.columns ?? 120;
    this.#context.io.stderr.write(`\r\x1b[2K${this.text().slice(0, Math.max(20, width - 1))}`);
    this.#drawn = true;
  }

  clear(): void {
    if (!this.#drawn) return;
    this.#context.io.stderr.write('\r\x1b[2K');
    this.#drawn = false;
  }
}
