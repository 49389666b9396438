import { Command } from 'commander';
import { modelResource } from '../arguments.js';
import type { RunContext } from '../run-context.js';
import { addWriteOptions, printWriteResult, readWriteInput, writeCallOptions } from '../write-options.js';
import { openConnection } from './connected-command.js';

/**
 * `org-engine create <provider> <model>/<resource>`: creates (invites, provisions) a record from
 * a unified input and prints the record after the change; `--dry-run` prints the request instead.
 */
export function createCommand(context: RunContext): Command {
  const command = new Command('create')
    .description('create (invite, provision) a record from a unified input; --dry-run sends nothing')
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<model/resource>', 'e.g. user-directory/users');
  addWriteOptions(
    command,
    true,
    `org-engine create workato user-directory/users --dry-run --set email=ada@acme.com \\
    --input '{"name":"Ada Lovelace","roles":[{"name":"Admin","environment":"dev"}]}' \\
    --auth method=api_token --auth-field token=env:WORKATO_TOKEN`,
  );
  return command.action(async (providerId: string, target: string, values) => {
    const [model, resource] = modelResource(target);
    const input = await readWriteInput(values, context);
    const connection = await openConnection(providerId, values, context);
    const result = await connection.create(model, resource, input, writeCallOptions(values, context));
    await printWriteResult(result, values, context);
  });
}
