import { Command } from 'commander';
import { modelResource } from '../arguments.js';
import { addConnectionOptions } from '../connection-options.js';
import type { RunContext } from '../run-context.js';
import { openConnection } from './connected-command.js';

/**
 * `org-engine get <provider> <model>/<resource> [id]`: one record by id, or the singleton
 * (such as `user-directory/me`) without one, printed as indented JSON or, with `--json`, as
 * one line.
 */
export function getCommand(context: RunContext): Command {
  const command = new Command('get')
    .description('one record by id (no id for a singleton such as user-directory/me), as JSON')
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<model/resource>', 'e.g. user-directory/users')
    .argument('[id]', 'the record id')
    .option('--json', 'one line of JSON instead of indented JSON')
    .option('--no-remote-data', "leave out remote_data, the provider's raw object");
  addConnectionOptions(command).addHelpText(
    'after',
    `
Example:
  OKTA_TOKEN=... org-engine get okta user-directory/me --param domain=acme.okta.com \\
    --auth method=api_token --auth-field token=env:OKTA_TOKEN`,
  );
  return command.action(async (providerId: string, target: string, id: string | undefined, values) => {
    const [model, resource] = modelResource(target);
    const connection = await openConnection(providerId, values, context);
    const record = await connection.get(model, resource, id, { remoteData: values.remoteData !== false });
    await context.print(values.json ? JSON.stringify(record) : JSON.stringify(record, null, 2));
  });
}
