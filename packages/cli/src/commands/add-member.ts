import { Command } from 'commander';
import { modelResource } from '../arguments.js';
import type { RunContext } from '../run-context.js';
import { addWriteOptions, printWriteResult, writeCallOptions } from '../write-options.js';
import { openConnection } from './connected-command.js';

/**
 * `org-engine add-member <provider> <model>/<resource> <id> <member-id>`: adds a member to a
 * record (a user to a group) and prints `{ id }` of the record; `--dry-run` prints the request.
 */
export function addMemberCommand(context: RunContext): Command {
  const command = new Command('add-member')
    .description('add a member (a user) to a record (a group); --dry-run sends nothing')
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<model/resource>', 'e.g. user-directory/groups')
    .argument('<id>', 'the record id (the group)')
    .argument('<member-id>', 'the member id (the user)');
  addWriteOptions(
    command,
    false,
    `org-engine add-member okta user-directory/groups 00g1abc 00u1abc \\
    --param domain=acme.okta.com --auth method=api_token --auth-field token=env:OKTA_TOKEN`,
  );
  return command.action(async (providerId: string, target: string, id: string, memberId: string, values) => {
    const [model, resource] = modelResource(target);
    const connection = await openConnection(providerId, values, context);
    const result = await connection.addMember(
      model,
      resource,
      id,
      memberId,
      writeCallOptions(values, context),
    );
    await printWriteResult(result, values, context);
  });
}
