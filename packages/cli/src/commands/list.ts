import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EngineError, type Page } from '@org/engine';
import { Command } from 'commander';
import { modelResource, type OptionValues, stringOption, UsageError } from '../arguments.js';
import { addConnectionOptions, CURSOR_SECRET_VARIABLE } from '../connection-options.js';
import { parseFields } from '../formats/record-fields.js';
import {
  createRecordWriter,
  FORMATS,
  type ListingEnd,
  parseFormat,
  type RecordWriter,
} from '../formats/record-writers.js';
import { ProgressLine } from '../progress-line.js';
import type { RunContext } from '../run-context.js';
import { openConnection, type UnifiedRow, type UntypedConnection } from './connected-command.js';
import { addListingOptions, listingOptions } from './listing-options.js';

const NO_SECRET_HINT = `more with --all (cursors are signed with a key that dies with this run: set ${CURSOR_SECRET_VARIABLE} to page with --cursor)`;

/** Resolves when the signal is aborted; never when there is none. */
function stopped(signal: AbortSignal | undefined): Promise<'stopped'> {
  return new Promise((resolveStop) => {
    if (!signal) return;
    if (signal.aborted) resolveStop('stopped');
    signal.addEventListener('abort', () => resolveStop('stopped'), { once: true });
  });
}

/** True when the progress line is wanted: `--progress`, or stderr a terminal without `--quiet`. */
function wantsProgress(values: OptionValues, context: RunContext): boolean {
  if (values.quiet) return false;
  return values.progress === true || context.io.stderr.isTTY === true;
}

interface Listing {
  connection: UntypedConnection;
  model: string;
  resource: string;
  options: { filter: Record<string, string>; remoteData: boolean; limit?: number };
  all: boolean;
  writer: RecordWriter;
  progress: ProgressLine | undefined;
}

/**
 * Lists page after page (one without `--all`), fetching the next page while this one is
 * written. Ctrl-C (the context's signal) stops at once: what was fetched is written, and the
 * cursor returned is the first page not written.
 */
async function listPages(
  listing: Listing,
  context: RunContext,
  cursor: string | null,
): Promise<ListingEnd & { cursor: string | null }> {
  const { connection, model, resource, options, writer, progress } = listing;
  const fetchPage = (from: string | null) => connection.list(model, resource, { ...options, cursor: from });
  const stop = stopped(context.signal);
  let next: Promise<Page<UnifiedRow>> | undefined = fetchPage(cursor);
  while (next) {
    const page: Page<UnifiedRow> | 'stopped' = await Promise.race([next, stop]);
    if (page === 'stopped') {
      next.catch(() => undefined);
      return { cursor, nextCursor: cursor, cursorUsable: false, stopped: true };
    }
    next = listing.all && page.next_cursor !== null ? fetchPage(page.next_cursor) : undefined;
    if (progress) progress.pages += 1;
    for (const record of page.result) {
      await writer.add(record);
      if (progress) progress.records += 1;
    }
    cursor = page.next_cursor;
    await context.flush();
  }
  return { cursor, nextCursor: cursor, cursorUsable: false, stopped: false };
}

/** Says how to go on, on stderr or in `--cursor-file`, for formats whose stdout holds records only. */
async function reportCursor(ending: ListingEnd, values: OptionValues, context: RunContext): Promise<void> {
  const file = stringOption(values, 'cursorFile');
  if (file !== undefined) {
    writeFileSync(
      resolve(context.io.cwd ?? process.cwd(), file),
      ending.cursorUsable && ending.nextCursor ? `${ending.nextCursor}\n` : '',
    );
  }
  if (ending.nextCursor === null) return;
  if (ending.cursorUsable) {
    if (file === undefined) await context.error(`next_cursor: ${ending.nextCursor}`);
  } else if (!ending.stopped) {
    await context.error(`more records: ${NO_SECRET_HINT}`);
  }
}

/** Says how to resume after Ctrl-C, or why no cursor is printed. */
async function reportStop(ending: ListingEnd, writer: RecordWriter, context: RunContext): Promise<void> {
  const count = `stopped after ${writer.count} record${writer.count === 1 ? '' : 's'}`;
  if (ending.nextCursor === null) await context.error(`${count}; start again without --cursor to resume`);
  else if (ending.cursorUsable) await context.error(`${count}; resume with --cursor ${ending.nextCursor}`);
  else
    await context.error(
      `${count}; no cursor to resume from: without ${CURSOR_SECRET_VARIABLE} cursors do not survive this run`,
    );
}

/** `invalid_cursor` with the likely cause when no shared cursor secret is set. */
function explainCursorError(error: unknown, context: RunContext): unknown {
  if (
    !EngineError.isInstance(error) ||
    error.code !== 'invalid_cursor' ||
    context.env[CURSOR_SECRET_VARIABLE]
  ) {
    return error;
  }
  return new UsageError(
    `--cursor cannot be read: ${CURSOR_SECRET_VARIABLE} is not set, so this run signs cursors with a new random key and no cursor of another run is valid; set it to the value the cursor was made with (invalid_cursor)`,
  );
}

/**
 * `org-engine list <provider> <model>/<resource>`: one page of records (from `--cursor` when
 * given), or every page with `--all`, as a table, JSON, NDJSON or CSV.
 */
export function listCommand(context: RunContext): Command {
  const command = addListingOptions(new Command('list').description('list records, one page or every page'))
    .option('--cursor <cursor>', `continue from a next_cursor (needs ${CURSOR_SECRET_VARIABLE}, see README)`)
    .option('--all', 'every page, each fetched while the previous one is written')
    .option('--format <format>', `${FORMATS.join(' | ')} (default table)`)
    .option('--json', 'the same as --format ndjson')
    .option(
      '--fields <names>',
      'only these fields, comma-separated; dotted paths reach into objects (app.id)',
    )
    .option('--cursor-file <path>', 'ndjson and csv: write the next cursor to this file instead of stderr')
    .option('--no-remote-data', "leave out remote_data, the provider's raw object")
    .option('--progress', 'show the progress line even when stderr is not a terminal')
    .option('-q, --quiet', 'no progress line');
  addConnectionOptions(command).addHelpText(
    'after',
    `
Formats: table (id and a few fields, or --fields), json (one document {"result": [...],
"complete": ..., "next_cursor": ...}), ndjson (records only; the cursor goes to stderr or
--cursor-file), csv (a header, then records; the cursor as for ndjson).

On a terminal, stderr shows a progress line (records, pages, requests, rate-limit wait,
elapsed time). Ctrl-C stops the listing: what was fetched is written, then how to resume.

Example:
  OKTA_TOKEN=... org-engine list okta user-directory/users --param domain=acme.okta.com \\
    --auth method=api_token --auth-field token=env:OKTA_TOKEN --filter status=active --limit 50`,
  );
  return command.action(async (providerId: string, target: string, values: OptionValues) => {
    const [model, resource] = modelResource(target);
    const { filter = {}, limit } = listingOptions(values);
    const format = parseFormat(stringOption(values, 'format'), values.json === true);
    const fields = parseFields(stringOption(values, 'fields'));
    const cursor = stringOption(values, 'cursor') ?? null;
    if (cursor === '') throw new UsageError('--cursor expects a next_cursor');
    const progress = wantsProgress(values, context) ? new ProgressLine(context) : undefined;
    const connection = await openConnection(providerId, values, context, progress ? [progress] : []);
    const writer = createRecordWriter(format, context, fields, NO_SECRET_HINT);
    const options = {
      filter,
      remoteData: values.remoteData !== false,
      ...(limit === undefined ? {} : { limit }),
    };
    progress?.start();
    try {
      const listing = { connection, model, resource, options, all: values.all === true, writer, progress };
      const result = await listPages(listing, context, cursor).catch((error: unknown) => {
        throw explainCursorError(error, context);
      });
      const ending: ListingEnd = { ...result, cursorUsable: Boolean(context.env[CURSOR_SECRET_VARIABLE]) };
      progress?.draw();
      await writer.end(ending);
      await context.flush();
      if (!writer.carriesCursor) await reportCursor(ending, values, context);
      if (ending.stopped) {
        await reportStop(ending, writer, context);
        context.exitCode = 130;
      }
    } finally {
      progress?.stop();
    }
    // The line's last state stays as a summary of the run.
    if (progress) context.warn(progress.text());
  });
}
