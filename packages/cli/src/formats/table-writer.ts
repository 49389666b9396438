import type { RunContext } from '../run-context.js';
import { displayWidth, fitWidth } from './display-width.js';
import { cellText, type UnifiedRow, valueAt } from './record-fields.js';

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

/** How many fields a table shows besides `id` when `--fields` does not say. */
const EXTRA_COLUMNS = 3;
/** Widest a cell may be; longer values are cut with an ellipsis. Ids are kept whole up to their own limit. */
const MAX_WIDTH = 40;
const MAX_ID_WIDTH = 80;
/** Records read before the column widths are fixed; later rows are cut to those widths. */
const SAMPLE_SIZE = 100;

interface Column {
  name: string;
  width: number;
}

/**
 * Prints records as a table, streaming: the columns (`--fields`, else `id` and a few fields
 * present) and their widths come from the first {@link SAMPLE_SIZE} records, so memory stays
 * bounded on long listings. Widths are terminal columns, so CJK text and emoji line up.
 */
export class TableWriter {
  readonly #context: RunContext;
  readonly #fields: readonly string[] | undefined;
  #sample: UnifiedRow[] | undefined = [];
  #columns: Column[] = [];
  #count = 0;

  constructor(context: RunContext, fields?: readonly string[]) {
    this.#context = context;
    this.#fields = fields;
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
    await this.flushSample();
    await this.#context.print(footer);
  }

  /** Prints the records held back to size the columns (before a listing stops early). */
  async flushSample(): Promise<void> {
    if (this.#sample) await this.#start();
  }

  async #start(): Promise<void> {
    const sample = this.#sample ?? [];
    this.#sample = undefined;
    if (sample.length === 0) return;
    const names = this.#fields ?? [
      'id',
      ...PREFERRED_FIELDS.filter((name) => sample.some((record) => cellText(record[name]) !== '')).slice(
        0,
        EXTRA_COLUMNS,
      ),
    ];
    this.#columns = names.map((name) => ({
      name,
      width: Math.min(
        name === 'id' ? MAX_ID_WIDTH : MAX_WIDTH,
        Math.max(
          displayWidth(name),
          ...sample.map((record) => displayWidth(cellText(valueAt(record, name)))),
        ),
      ),
    }));
    await this.#context.print(this.#line((column) => column.name.toUpperCase()));
    for (const record of sample) await this.#row(record);
  }

  #row(record: UnifiedRow): Promise<void> {
    return this.#context.print(this.#line((column) => cellText(valueAt(record, column.name))));
  }

  #line(text: (column: Column) => string): string {
    return this.#columns
      .map((column) => fitWidth(text(column), column.width))
      .join('  ')
      .trimEnd();
  }
}
