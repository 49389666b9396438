/**
 * Freezes `Date` at an instant while a fixture runs, so relative windows ("the last 180 days")
 * give the same requests every time. Only `Date` is replaced: timers keep running, so retries
 * and rate-limit waits behave as they do in production. Works with or without a test runner.
 */
export function freezeDate(instant: string): () => void {
  const RealDate = Date;
  const frozen = new RealDate(instant).getTime();
  if (Number.isNaN(frozen)) throw new TypeError(`now: not a date: ${instant}`);
  class FrozenDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(frozen);
      else super(...(args as [string | number]));
    }
    static override now(): number {
      return frozen;
    }
  }
  globalThis.Date = FrozenDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}
