import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProxyRequest } from '@org/engine';
import { Command } from 'commander';
import { collect, keyValues, listOption, type OptionValues, stringOption, UsageError } from '../arguments.js';
import { addConnectionOptions } from '../connection-options.js';
import type { RunContext } from '../run-context.js';
import { openConnection } from './connected-command.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `--data`: JSON text, or `@file` holding JSON. */
function requestBody(text: string | undefined, context: RunContext): unknown {
  if (text === undefined) return undefined;
  const json = text.startsWith('@')
    ? readFileSync(resolve(context.io.cwd ?? process.cwd(), text.slice(1)), 'utf8')
    : text;
  try {
    return JSON.parse(json);
  } catch {
    throw new UsageError('--data expects JSON (or @file holding JSON)');
  }
}

/**
 * `org-engine proxy <provider> <method> <path>`: one call to the provider's own API through
 * the connection (auth, base URL, rate limits and retries applied). The body is printed as
 * JSON on stdout, `HTTP <status>` on stderr; `--fail` exits with 1 for a status of 400 or more.
 */
export function proxyCommand(context: RunContext): Command {
  const command = new Command('proxy')
    .description("call the provider's own API through the connection (auth, base URL, retries applied)")
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<method>', METHODS.join(' | '))
    .argument('<path>', 'a path below the base URL, e.g. /api/v1/users (absolute URLs are refused)')
    .option('--query <name=value>', 'a query parameter (repeatable)', collect)
    .option(
      '--header <name=value>',
      'a request header (repeatable); credentials come from --auth-field',
      collect,
    )
    .option('--data <json>', 'a JSON body, or @file holding one')
    .option('--include', 'print the status line and response headers before the body, on stdout')
    .option('--fail', 'exit with 1 when the status is 400 or more');
  addConnectionOptions(command).addHelpText(
    'after',
    `
Example:
  OKTA_TOKEN=... org-engine proxy okta GET /api/v1/users --query limit=1 \\
    --param domain=acme.okta.com --auth method=api_token --auth-field token=env:OKTA_TOKEN`,
  );
  return command.action(
    async (providerId: string, methodText: string, path: string, values: OptionValues) => {
      const method = methodText.toUpperCase();
      if (!(METHODS as readonly string[]).includes(method)) {
        throw new UsageError(`<method> must be one of ${METHODS.join(', ')}`);
      }
      const request: ProxyRequest = {
        method: method as ProxyRequest['method'],
        path,
        query: keyValues('query', listOption(values, 'query')),
        headers: keyValues('header', listOption(values, 'header'), true),
      };
      const body = requestBody(stringOption(values, 'data'), context);
      if (body !== undefined) request.body = body;
      const connection = await openConnection(providerId, values, context);
      const response = await connection.proxy(request);
      if (values.include) {
        await context.print(`HTTP ${response.status}`);
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined)
            await context.print(`${name}: ${Array.isArray(value) ? value.join(', ') : value}`);
        }
        await context.print('');
      } else {
        await context.error(`HTTP ${response.status}`);
      }
      await context.print(
        typeof response.body === 'string' ? response.body : JSON.stringify(response.body, null, 2),
      );
      if (values.fail && response.status >= 400) context.exitCode = 1;
    },
  );
}
