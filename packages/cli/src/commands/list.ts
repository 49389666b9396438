import { keyValues, listOption, positiveInteger, stringOption, UsageError } from '../arguments.js';
import { CURSOR_SECRET_VARIABLE } from '../connection-options.js';
import { TableWriter } from '../output.js';
import type { RunContext } from '../run-context.js';
import { parseConnectedCommand, type UnifiedRow } from './connected-command.js';

const LIST_OPTIONS = {
  filter: { type: 'string', multiple: true },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  'no-remote-data': { type: 'boolean' },
} as const;

/** Where listed records go: JSON lines or a table, then a closing line. */
interface RecordSink {
  add(record: UnifiedRow): Promise<void>;
  end(nextCursor: string | null): Promise<void>;
}

/** One record per line, then `{"next_cursor": ...}`. */
function jsonSink(context: RunContext): RecordSink {
  return {
    add: (record) => context.print(JSON.stringify(record)),
    end: (nextCursor) => context.print(JSON.stringify({ next_cursor: nextCursor })),
  };
}

/** A table of `id` and a few fields, then the count and how to go on. */
function tableSink(context: RunContext): RecordSink {
  const table = new TableWriter(context);
  return {
    add: (record) => table.add(record),
    end: (nextCursor) => {
      const count = `${table.count} record${table.count === 1 ? '' : 's'}`;
      if (nextCursor === null) return table.end(`${count}, listing complete`);
      // A cursor is signed with the engine's key: without a shared one it dies with this run.
      return table.end(
        context.env[CURSOR_SECRET_VARIABLE]
          ? `${count}; next page: --cursor ${nextCursor}`
          : `${count}; more with --all (or set ${CURSOR_SECRET_VARIABLE} to page with --cursor)`,
      );
    },
  };
}

/**
 * `org-engine list <provider> <model>/<resource>`: one page of records (from `--cursor` when
 * given), or every page with `--all`, as JSON lines (`--json`) or a table.
 */
export async function runList(args: readonly string[], context: RunContext): Promise<number> {
  const { values, model, resource, connect } = parseConnectedCommand(args, LIST_OPTIONS, context, 0);
  const limit = positiveInteger('limit', stringOption(values, 'limit'));
  const options = {
    filter: keyValues('filter', listOption(values, 'filter')),
    remoteData: values['no-remote-data'] !== true,
    ...(limit === undefined ? {} : { limit }),
  };
  let cursor = stringOption(values, 'cursor') ?? null;
  if (cursor === '') throw new UsageError('--cursor expects a next_cursor');
  const connection = connect();
  const sink = values.json ? jsonSink(context) : tableSink(context);
  if (values.all && cursor === null) {
    // Every page from the start: iterate fetches the next page while this one is printed.
    for await (const record of connection.iterate(model, resource, options)) await sink.add(record);
  } else {
    do {
      const page = await connection.list(model, resource, { ...options, cursor });
      for (const record of page.result) await sink.add(record);
      cursor = page.next_cursor;
    } while (values.all && cursor !== null);
  }
  await sink.end(cursor);
  return 0;
}

const GET_OPTIONS = {
  json: { type: 'boolean' },
  'no-remote-data': { type: 'boolean' },
} as const;

/**
 * `org-engine get <provider> <model>/<resource> [id]`: one record by id, or the singleton
 * (such as `user-directory/me`) without one, printed as indented JSON or, with `--json`, as
 * one line.
 */
export async function runGet(args: readonly string[], context: RunContext): Promise<number> {
  const { values, model, resource, rest, connect } = parseConnectedCommand(args, GET_OPTIONS, context, 1);
  const record = await connect().get(model, resource, rest[0], {
    remoteData: values['no-remote-data'] !== true,
  });
  await context.print(values.json ? JSON.stringify(record) : JSON.stringify(record, null, 2));
  return 0;
}
