import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Exchange, Fixture } from '@org/engine/fixtures';
import { Command } from 'commander';
import { Anonymiser } from '../anonymiser.js';
import {
  keyValues,
  listOption,
  modelResource,
  type OptionValues,
  stringOption,
  UsageError,
} from '../arguments.js';
import { addConnectionOptions } from '../connection-options.js';
import type { ObservedRequest, RequestObserver } from '../request-observer.js';
import type { RunContext } from '../run-context.js';
import { openConnection } from './connected-command.js';
import { addListingOptions, listingOptions } from './listing-options.js';

/** A request whose response completed, with its body. */
type Recorded = ObservedRequest & { status: number; body: string };

/** Token responses carry credentials: their values are replaced before anything is written. */
const TOKEN_FIELDS = /^(access_token|refresh_token|id_token|token)$/;

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withoutTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        TOKEN_FIELDS.test(key) && typeof item === 'string' ? `fixture-${key}` : withoutTokens(item),
      ]),
    );
  }
  return value;
}

/** The recorded exchanges in the suite's format, with credentials gone and, when asked, people anonymised. */
function toExchanges(
  recorded: Recorded[],
  baseOrigin: string,
  anonymiser: Anonymiser | undefined,
): Exchange[] {
  const bodies = recorded.map((exchange) => {
    const body = withoutTokens(parseBody(exchange.body));
    return anonymiser ? anonymiser.value(body) : body;
  });
  const text = (value: string) => (anonymiser ? anonymiser.text(value) : value);
  return recorded.map((exchange, index) => {
    const url = new URL(exchange.path, exchange.origin);
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of url.searchParams) {
      const previous = query[name];
      query[name] =
        previous === undefined
          ? text(value)
          : [...(Array.isArray(previous) ? previous : [previous]), text(value)];
    }
    const headers = Object.fromEntries(
      Object.entries(exchange.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.map(text) : text(value),
      ]),
    );
    const request: Exchange['request'] = { path: url.pathname };
    if (exchange.method !== 'GET') request.method = exchange.method;
    if (url.origin !== baseOrigin) request.origin = url.origin;
    if (Object.keys(query).length > 0) request.query = query;
    const response: Exchange['response'] = { status: exchange.status };
    if (Object.keys(headers).length > 0) response.headers = headers;
    if (bodies[index] !== undefined) response.body = bodies[index];
    return { request, response };
  });
}

/**
 * `org-engine record <provider> <model>/<resource>`: runs one call against a real account and
 * writes what was exchanged as a fixture of the conformance suite. Credentials never reach the
 * file: request headers and bodies are not kept, token responses are replaced, and the
 * fixture's `connect.auth` holds placeholders. With `--anonymise`, names, emails and phone
 * numbers are replaced consistently.
 */
export function recordCommand(context: RunContext): Command {
  const command = addListingOptions(
    new Command('record').description(
      'call a real account and write the exchanges as a fixture of the conformance suite',
    ),
  )
    .argument('[id]', 'with --operation get: the record id')
    .option('--operation <operation>', 'list (one page, default), iterate (every page) or get')
    .option('--anonymise', 'replace names, emails and phone numbers, consistently, in what is written')
    .option(
      '--out <file>',
      'where to write the fixture; default providers/<provider>/fixtures/<resource>-<operation>.json',
    )
    .option('--description <text>', "the fixture's description");
  addConnectionOptions(command);
  return command.action(
    async (providerId: string, target: string, id: string | undefined, values: OptionValues) => {
      const [model, resource] = modelResource(target);
      const operation = stringOption(values, 'operation') ?? 'list';
      if (!['list', 'iterate', 'get'].includes(operation))
        throw new UsageError('--operation must be list, iterate or get');
      const recorded: Recorded[] = [];
      const recorder: RequestObserver = {
        keepsBodies: true,
        requestStarted: () => undefined,
        // Only exchanges that completed: a fixture replays responses.
        requestEnded: (request) => {
          if (request.status !== undefined && request.body !== undefined) recorded.push(request as Recorded);
        },
      };
      const now = new Date().toISOString();
      const connection = await openConnection(providerId, values, context, [recorder]);
      const options = listingOptions(values);
      if (operation === 'get') await connection.get(model, resource, id, {});
      else if (operation === 'list') await connection.list(model, resource, options);
      else {
        let count = 0;
        for await (const _record of connection.iterate(model, resource, options)) count += 1;
        await context.error(`${count} records read`);
      }

      const anonymiser = values.anonymise ? new Anonymiser() : undefined;
      const params = keyValues('param', listOption(values, 'param'));
      const auth: Record<string, string> = { method: connection.authMethod };
      for (const entry of listOption(values, 'authField')) {
        const name = entry.slice(0, entry.indexOf('='));
        auth[name] = `fixture-${name.replaceAll('_', '-')}`;
      }
      const baseUrl = stringOption(values, 'baseUrl');
      const fixture: Fixture = {
        description:
          stringOption(values, 'description') ?? `${resource}: recorded ${operation} (review and describe)`,
        now,
        connect: { ...(Object.keys(params).length ? { params } : {}), auth, ...(baseUrl ? { baseUrl } : {}) },
        call: {
          operation: operation as Fixture['call']['operation'],
          model,
          resource,
          ...(id ? { id } : {}),
          ...(Object.keys(options).length ? { options } : {}),
        },
        exchanges: toExchanges(recorded, new URL(connection.baseUrl).origin, anonymiser),
      };
      const cwd = context.io.cwd ?? process.cwd();
      const out = resolve(
        cwd,
        stringOption(values, 'out') ?? `providers/${providerId}/fixtures/${resource}-${operation}.json`,
      );
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, context.redact(`${JSON.stringify(fixture, null, 2)}\n`));
      await context.error(
        `wrote ${out}: ${fixture.exchanges.length} exchange${fixture.exchanges.length === 1 ? '' : 's'}${anonymiser ? ', anonymised' : ''}; review it, then run org-engine test`,
      );
    },
  );
}
