import { Command } from 'commander';
import { modelResource } from '../arguments.js';
import type { RunContext } from '../run-context.js';
import { addWriteOptions, printWriteResult, writeCallOptions } from '../write-options.js';
import { openConnection } from './connected-command.js';

/**
 * `org-engine deactivate <provider> <model>/<resource> <id>`: deactivates (deprovisions, removes
 * the access of) a record and prints what the engine answers; `--dry-run` prints the request.
 */
export function deactivateCommand(context: RunContext): Command {
  const command = new Command('deactivate')
    .description('deactivate (deprovision, remove the access of) a record; --dry-run sends nothing')
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<model/resource>', 'e.g. user-directory/users')
    .argument('<id>', 'the record id');
  addWriteOptions(
    command,
    false,
    `org-engine deactivate okta user-directory/users 00u1abc --dry-run \\
    --param domain=acme.okta.com --auth method=api_token --auth-field token=env:OKTA_TOKEN`,
  );
  return command.action(async (providerId: string, target: string, id: string, values) => {
    const [model, resource] = modelResource(target);
    const connection = await openConnection(providerId, values, context);
    const result = await connection.deactivate(model, resource, id, writeCallOptions(values, context));
    await printWriteResult(result, values, context);
  });
}
