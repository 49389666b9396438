import { UsageError } from '../arguments.js';
import type { RunContext } from '../run-context.js';
import { cellText, project, type UnifiedRow } from './record-fields.js';
import { TableWriter } from './table-writer.js';

/** The output formats of `list`. */
export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** How a listing ended, for the closing output. */
export interface ListingEnd {
  nextCursor: string | null;
  /** False when the cursor dies with this run (no shared cursor secret): it is then not printed. */
  cursorUsable: boolean;
  /** True when the user stopped the listing before its end. */
  stopped: boolean;
}

/** Where listed records go. */
export interface RecordWriter {
  /** Records written so far. */
  readonly count: number;
  /** True when the closing output on stdout says the cursor; otherwise it goes to stderr or `--cursor-file`. */
  readonly carriesCursor: boolean;
  add(record: UnifiedRow): Promise<void>;
  end(ending: ListingEnd): Promise<void>;
}

export function parseFormat(text: string | undefined, json: boolean): Format {
  if (text === undefined) return json ? 'ndjson' : 'table';
  if (!(FORMATS as readonly string[]).includes(text)) {
    throw new UsageError(`--format expects one of ${FORMATS.join(', ')}, got "${text}"`);
  }
  return text as Format;
}

function plural(count: number): string {
  return `${count} record${count === 1 ? '' : 's'}`;
}

/** The table, closed by the count and how to go on. */
function tableWriter(context: RunContext, fields: readonly string[] | undefined, hint: string): RecordWriter {
  const table = new TableWriter(context, fields);
  return {
    carriesCursor: true,
    get count() {
      return table.count;
    },
    add: (record) => table.add(record),
    end: ({ nextCursor, cursorUsable, stopped }) => {
      const count = plural(table.count);
      if (nextCursor === null) return table.end(`${count}, listing complete`);
      if (stopped) return table.end(`${count} before the stop`);
      return table.end(cursorUsable ? `${count}; next page: --cursor ${nextCursor}` : `${count}; ${hint}`);
    },
  };
}

/** One JSON document `{"result": [...], "complete": ..., "next_cursor": ...}`, written as records arrive. */
function jsonWriter(context: RunContext, fields: readonly string[] | undefined): RecordWriter {
  let count = 0;
  return {
    carriesCursor: true,
    get count() {
      return count;
    },
    add: async (record) => {
      await context.print(`${count === 0 ? '{"result":[' : ','}${JSON.stringify(project(record, fields))}`);
      count += 1;
    },
    end: async ({ nextCursor, cursorUsable }) => {
      const cursor =
        nextCursor !== null && cursorUsable ? `,"next_cursor":${JSON.stringify(nextCursor)}` : '';
      await context.print(`${count === 0 ? '{"result":[' : ''}],"complete":${nextCursor === null}${cursor}}`);
    },
  };
}

/** One record per line and nothing else, so `jq` and log shippers read it as it is. */
function ndjsonWriter(context: RunContext, fields: readonly string[] | undefined): RecordWriter {
  let count = 0;
  return {
    carriesCursor: false,
    get count() {
      return count;
    },
    add: (record) => {
      count += 1;
      return context.print(JSON.stringify(project(record, fields)));
    },
    end: async () => undefined,
  };
}

function csvCell(value: unknown): string {
  const text = typeof value === 'string' ? value : cellText(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header of `--fields` (default: every field of the first record but remote_data). */
function csvWriter(context: RunContext, fields: readonly string[] | undefined): RecordWriter {
  let columns = fields;
  let count = 0;
  return {
    carriesCursor: false,
    get count() {
      return count;
    },
    add: async (record) => {
      if (!columns) columns = Object.keys(record).filter((name) => name !== 'remote_data');
      if (count === 0) await context.print(columns.map(csvCell).join(','));
      count += 1;
      const projected = project(record, columns);
      await context.print(columns.map((column) => csvCell(projected[column])).join(','));
    },
    end: async () => undefined,
  };
}

/** The writer of a format; `hint` closes a table whose cursor cannot be printed. */
export function createRecordWriter(
  format: Format,
  context: RunContext,
  fields: readonly string[] | undefined,
  hint: string,
): RecordWriter {
  if (format === 'json') return jsonWriter(context, fields);
  if (format === 'ndjson') return ndjsonWriter(context, fields);
  if (format === 'csv') return csvWriter(context, fields);
  return tableWriter(context, fields, hint);
}
