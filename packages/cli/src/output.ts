import { EngineError, type Problem } from '@org/engine';
import type { RunContext } from './run-context.js';

/** Fields shown next to `id` in a table, in this order of preference; the first few present are used. */
const PREFERRED_FIELDS = [
  'username',
  'name',
  'display_name',
  'action',
  'email',
  'work_email',
  'city',
  'status',
  'employment_status',
  'type',
  'outcome',
  'member_count',
  'created_at',
];

/** How many fields a table shows besides `id`. */
const EXTRA_COLUMNS = 3;
/** Widest a cell may be; longer values are cut with an ellipsis. Ids are kept whole up to their own limit. */
const MAX_WIDTH = 40;
const MAX_ID_WIDTH = 80;
/** Records read before the column widths are fixed; later rows are cut to those widths. */
const SAMPLE_SIZE = 100;

type UnifiedRow = Record<string, unknown>;

/** A cell's text: scalars as they are, anything else left blank. */
function cell(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * Prints records as a table of `id` and a few fields, streaming: the columns and their widths
 * come from the first {@link SAMPLE_SIZE} records, so memory stays bounded on long listings.
 */
export class TableWriter {
  readonly #context: RunContext;
  #sample: UnifiedRow[] | undefined = [];
  #columns: Array<{ name: string; width: number }> = [];
  #count = 0;

  constructor(context: RunContext) {
    this.#context = context;
  }

  /** Records written so far. */
  get count(): number {
    return this.#count;
  }

  async add(record: UnifiedRow): Promise<void> {
    this.#count += 1;
    if (this.#sample) {
      this.#sample.push(record);
      if (this.#sample.length >= SAMPLE_SIZE) await this.#start();
      return;
    }
    await this.#row(record);
  }

  /** Prints whatever is still held back, then a closing line. */
  async end(footer: string): Promise<void> {
    if (this.#sample) await this.#start();
    await this.#context.print(footer);
  }

  async #start(): Promise<void> {
    const sample = this.#sample ?? [];
    this.#sample = undefined;
    if (sample.length === 0) return;
    const present = PREFERRED_FIELDS.filter((name) => sample.some((record) => cell(record[name]) !== ''));
    const names = ['id', ...present.slice(0, EXTRA_COLUMNS)];
    this.#columns = names.map((name) => ({
      name,
      width: Math.min(
        name === 'id' ? MAX_ID_WIDTH : MAX_WIDTH,
        Math.max(name.length, ...sample.map((record) => cell(record[name]).length)),
      ),
    }));
    await this.#context.print(this.#line((column) => column.name.toUpperCase()));
    for (const record of sample) await this.#row(record);
  }

  #row(record: UnifiedRow): Promise<void> {
    return this.#context.print(this.#line((column) => cell(record[column.name])));
  }

  #line(text: (column: { name: string; width: number }) => string): string {
    return this.#columns
      .map((column) => fit(text(column), column.width))
      .join('  ')
      .trimEnd();
  }
}

/** One problem of a definition: `<file>:<line>: <path>: <message>` (no line when unknown). */
export function formatProblem(file: string, problem: Problem): string {
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  return `${where}: ${problem.path || '(root)'}: ${problem.message}`;
}

/**
 * The lines printed for an error: `error <code>: <message>` and each problem on its own line
 * for an {@link EngineError}, the message alone for anything else. Engine messages are already
 * free of secrets; the caller redacts once more before writing.
 */
export function errorLines(error: unknown): string[] {
  if (EngineError.isInstance(error)) {
    // The message repeats the problems on its following lines; they are listed below instead.
    const [message] = error.message.split('\n');
    const problems = error.problems.map(
      (problem) =>
        `  ${problem.path || '(root)'}${problem.line === undefined ? '' : ` (line ${problem.line})`}: ${problem.message}`,
    );
    return [`error ${error.code}: ${message}`, ...problems];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [`error: ${message.split('\n')[0]}`];
}
