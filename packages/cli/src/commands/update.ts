import { Command } from 'commander';
import { modelResource } from '../arguments.js';
import type { RunContext } from '../run-context.js';
import { addWriteOptions, printWriteResult, readWriteInput, writeCallOptions } from '../write-options.js';
import { openConnection } from './connected-command.js';

/**
 * `org-engine update <provider> <model>/<resource> <id>`: changes the fields given of a record
 * and prints the record after the change; `--dry-run` prints the request instead.
 */
export function updateCommand(context: RunContext): Command {
  const command = new Command('update')
    .description('change some fields of a record (only those given); --dry-run sends nothing')
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<model/resource>', 'e.g. user-directory/users')
    .argument('<id>', 'the record id');
  addWriteOptions(
    command,
    true,
    `org-engine update okta user-directory/users 00u1abc --set title="Staff Engineer" \\
    --param domain=acme.okta.com --auth method=api_token --auth-field token=env:OKTA_TOKEN`,
  );
  return command.action(async (providerId: string, target: string, id: string, values) => {
    const [model, resource] = modelResource(target);
    const input = await readWriteInput(values, context);
    const connection = await openConnection(providerId, values, context);
    const result = await connection.update(model, resource, id, input, writeCallOptions(values, context));
    await printWriteResult(result, values, context);
  });
}
