import { SYNC_USAGE } from './commands/sync.js';

/** The commands `org-engine` runs. */
export type CommandName = 'validate' | 'providers' | 'list' | 'get' | 'sync';

const CONNECTION_OPTIONS = `Connection:
  --param <name=value>           a connection param, e.g. domain=acme.okta.com (repeatable)
  --auth method=<id>             the auth method; optional when the provider has only one
  --auth-field <name=value>      a credential field (repeatable); name=env:VARIABLE reads the
                                 value from that environment variable, so it stays out of
                                 your shell history
  --base-url <url>               overrides the base URL (custom domain, proxy, local sandbox)
  --provider-dir <path>          also serve the provider in this folder (repeatable); it
                                 replaces a built-in provider with the same id`;

/** The overview printed by `org-engine --help`. */
export const MAIN_USAGE = `Usage: org-engine <command> [options]

Commands:
  validate <path...>                   check provider definitions (folders or provider.yaml files)
  providers                            the providers served: models, auth methods, params
  list <provider> <model>/<resource>   list records, one page or every page
  get <provider> <model>/<resource> [id]
                                       one record by id (no id for a singleton such as me)
  sync run|status|worker               keep accounts in step on Postgres (see sync --help)

Options:
  --help                               help of the command: org-engine <command> --help
  --version                            the version of org-engine

Exit status: 0 on success, 1 when the engine reports an error or a definition is invalid,
2 when the command line is wrong.`;

/** The help text of each command. */
export const COMMAND_USAGE: Record<CommandName, string> = {
  validate: `Usage: org-engine validate <path...>

Loads each provider definition (a provider folder or its provider.yaml, with the mapping files
it names) and prints "ok <id> (<n> resources)", or every problem as
"<file>:<line>: <path>: <message>". Exits with 1 when any definition is invalid.

Options:
  --help                         show this help`,

  providers: `Usage: org-engine providers [--provider-dir <path>...] [--json]

Prints the providers served (the built-in ones and any given folders): id and name, the models
and resources each serves, its auth methods with their fields (secret ones marked), and its
connection params with their allowed values and defaults.

Options:
  --provider-dir <path>          also serve the provider in this folder (repeatable)
  --json                         print the summaries as one JSON array
  --help                         show this help`,

  list: `Usage: org-engine list <provider> <model>/<resource> [options]

Connects and lists one page of records (or every page with --all). Prints a short table (id and
a few fields), or with --json one record per line and a last line {"next_cursor": ...}.

Listing:
  --filter <name=value>          a filter the resource declares, e.g. status=active (repeatable)
  --limit <n>                    page size asked of the provider (capped at its maximum)
  --cursor <cursor>              continue from a next_cursor (see README: cursors and
                                 ORG_ENGINE_CURSOR_SECRET)
  --all                          every page, fetched one after the other
  --json                         JSON lines instead of a table
  --no-remote-data               leave out remote_data, the provider's raw object

${CONNECTION_OPTIONS}

Example:
  OKTA_TOKEN=... org-engine list okta user-directory/users --param domain=acme.okta.com \\
    --auth method=api_token --auth-field token=env:OKTA_TOKEN --filter status=active --limit 50`,

  get: `Usage: org-engine get <provider> <model>/<resource> [id] [options]

Connects and prints one record as JSON: by id, or without an id for a singleton resource such
as user-directory/me.

Output:
  --json                         one line of JSON instead of indented JSON
  --no-remote-data               leave out remote_data, the provider's raw object

${CONNECTION_OPTIONS}

Example:
  OKTA_TOKEN=... org-engine get okta user-directory/me --param domain=acme.okta.com \\
    --auth method=api_token --auth-field token=env:OKTA_TOKEN`,

  sync: SYNC_USAGE,
};

/** True when `name` is one of the commands. */
export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_USAGE, name);
}
