import { Command } from 'commander';
import { modelResource } from '../arguments.js';
import type { RunContext } from '../run-context.js';
import { addWriteOptions, printWriteResult, writeCallOptions } from '../write-options.js';
import { openConnection } from './connected-command.js';

type MemberChange = 'add' | 'remove';

const WORDING: Record<MemberChange, { description: string; method: 'addMember' | 'removeMember' }> = {
  add: { description: 'add a member (a user) to a record (a group)', method: 'addMember' },
  remove: { description: 'remove a member (a user) from a record (a group)', method: 'removeMember' },
};

/**
 * `org-engine add-member|remove-member <provider> <model>/<resource> <id> <member-id>`: adds or
 * removes a member of a record (a user of a group) and prints `{ id }` of the record; `--dry-run`
 * prints the request. The two commands differ only in the connection method they call.
 */
function memberCommand(context: RunContext, change: MemberChange): Command {
  const { description, method } = WORDING[change];
  const command = new Command(`${change}-member`)
    .description(`${description}; --dry-run sends nothing`)
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<model/resource>', 'e.g. user-directory/groups')
    .argument('<id>', 'the record id (the group)')
    .argument('<member-id>', 'the member id (the user)');
  addWriteOptions(
    command,
    false,
    `org-engine ${change}-member okta user-directory/groups 00g1abc 00u1abc \\
    --param domain=acme.okta.com --auth method=api_token --auth-field token=env:OKTA_TOKEN`,
  );
  return command.action(async (providerId: string, target: string, id: string, memberId: string, values) => {
    const [model, resource] = modelResource(target);
    const connection = await openConnection(providerId, values, context);
    const result = await connection[method](model, resource, id, memberId, writeCallOptions(values, context));
    await printWriteResult(result, values, context);
  });
}

/** `org-engine add-member`: adds a member (a user) to a record (a group). */
export function addMemberCommand(context: RunContext): Command {
  return memberCommand(context, 'add');
}

/** `org-engine remove-member`: removes a member (a user) from a record (a group). */
export function removeMemberCommand(context: RunContext): Command {
  return memberCommand(context, 'remove');
}
