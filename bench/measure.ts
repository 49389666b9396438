/**
 * Timing and memory of one benchmark variant: warm-up runs, then measured runs, each reporting
 * wall time, records, requests and CPU time of client and server, and peak memory sampled
 * during the run. Results are medians over the measured runs.
 */
import { availableParallelism } from 'node:os';
import type { RemoteSandbox } from './remote-sandbox.js';

const MB = 1024 * 1024;

export interface RunOptions {
  runs: number;
  warmup: number;
  sandbox: RemoteSandbox;
}

/** Medians over the measured runs. */
export interface Result {
  name: string;
  records: number;
  ms: number;
  recordsPerSecond: number;
  requests: number;
  clientCpuMs: number;
  serverCpuMs: number;
  peakRssMb: number;
  rssDeltaMb: number;
  heapDeltaMb: number;
  /** Heap still used after the run and a gc(), against the start; NaN without --expose-gc. */
  retainedMb: number;
}

/** Samples `process.memoryUsage()`; call `sample()` from the loop too (timers wait for idle moments). */
export class MemoryProbe {
  readonly startRss: number;
  readonly startHeap: number;
  peakRss: number;
  peakHeap: number;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    const usage = process.memoryUsage();
    this.startRss = this.peakRss = usage.rss;
    this.startHeap = this.peakHeap = usage.heapUsed;
    this.timer = setInterval(() => this.sample(), 5);
  }

  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.peakRss) this.peakRss = usage.rss;
    if (usage.heapUsed > this.peakHeap) this.peakHeap = usage.heapUsed;
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

const collect = (globalThis as { gc?: () => void }).gc;

/** Whether heap figures start from a collected heap (`node --expose-gc`). */
export const hasGc = collect !== undefined;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `body` (which returns how many records it read) warm-up + measured times. */
export async function measure(
  name: string,
  options: RunOptions,
  body: (probe: MemoryProbe) => Promise<number>,
): Promise<Result> {
  const samples: Omit<Result, 'name'>[] = [];
  for (let run = 0; run < options.warmup + options.runs; run++) {
    collect?.();
    const serverBefore = await options.sandbox.stats();
    const probe = new MemoryProbe();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const records = await body(probe);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    probe.stop();
    collect?.();
    const retained = collect ? process.memoryUsage().heapUsed - probe.startHeap : Number.NaN;
    const serverAfter = await options.sandbox.stats();
    if (run < options.warmup) continue;
    samples.push({
      records,
      ms,
      recordsPerSecond: (records / ms) * 1000,
      requests: serverAfter.requests - serverBefore.requests,
      clientCpuMs: (cpu.user + cpu.system) / 1000,
      serverCpuMs: serverAfter.cpuMs - serverBefore.cpuMs,
      peakRssMb: probe.peakRss / MB,
      rssDeltaMb: (probe.peakRss - probe.startRss) / MB,
      heapDeltaMb: (probe.peakHeap - probe.startHeap) / MB,
      retainedMb: retained / MB,
    });
  }
  const pick = (key: keyof Omit<Result, 'name'>) => median(samples.map((sample) => sample[key]));
  const result: Result = {
    name,
    records: pick('records'),
    ms: pick('ms'),
    recordsPerSecond: pick('recordsPerSecond'),
    requests: pick('requests'),
    clientCpuMs: pick('clientCpuMs'),
    serverCpuMs: pick('serverCpuMs'),
    peakRssMb: pick('peakRssMb'),
    rssDeltaMb: pick('rssDeltaMb'),
    heapDeltaMb: pick('heapDeltaMb'),
    retainedMb: pick('retainedMb'),
  };
  process.stderr.write(`  ${name.replace(/[*`]/g, '')}: ${Math.round(result.recordsPerSecond)} records/s\n`);
  return result;
}

/** Reads `--name value` from the command line, or `fallback`. */
export function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

/** One line naming the machine and the settings, for the results table. */
export function environmentLine(options: { runs: number; warmup: number }, heap = true): string {
  const date = new Date().toISOString().slice(0, 10);
  const gc = hasGc ? 'heap after gc()' : 'no --expose-gc: heap deltas start from an uncollected heap';
  const settings = `${date}, Node ${process.version}, ${availableParallelism()} CPUs, median of ${options.runs} runs after ${options.warmup} warm-up`;
  return heap ? `${settings} (${gc})` : settings;
}

/** A Markdown table. */
export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A number for a table: grouped thousands, `digits` decimals, no "-0.0", "n/a" for NaN. */
export function fixed(value: number, digits = 0): string {
  if (Number.isNaN(value)) return 'n/a';
  const rounded = Number(value.toFixed(digits)) || 0;
  return rounded.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
