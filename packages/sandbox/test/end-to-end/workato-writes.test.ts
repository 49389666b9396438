import { type Connection, EngineError, type RecordOf } from '@org/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type WorkatoSandbox } from '../../src/index.js';
import { strictEngine } from './engine-helpers.js';

/**
 * The collaborator lifecycle through the engine's write API against the Workato sandbox: an
 * invitation, its acceptance (what the invitee does from Workato's e-mail), a role change, a
 * group push and the removal, each read back through the public listings.
 */
let sandbox: WorkatoSandbox;
const { engine, warnings } = strictEngine();

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'workato', users: 20, seed: 17 });
});
afterAll(() => sandbox.close());

type User = RecordOf<'user-directory', 'users'>;

async function users(connection: Connection, filter: Record<string, string>): Promise<User[]> {
  const listed: User[] = [];
  for await (const user of connection.iterate('user-directory', 'users', { filter })) listed.push(user);
  return listed;
}

async function failure(call: Promise<unknown>): Promise<EngineError> {
  const error = await call.then(
    () => new Error('the call resolved'),
    (caught: unknown) => caught,
  );
  if (EngineError.isInstance(error)) return error;
  throw error;
}

const dev = (name: string) => ({ name, environment: 'dev' });

describe('workato write lifecycle end to end', () => {
  it('invites, waits for acceptance, changes the role, pushes a group and removes the collaborator', async () => {
    const workato = engine.connect('workato', sandbox.connection);
    const email = 'katherine.johnson@example.com';

    const invited = await workato.create('user-directory', 'users', {
      email,
      name: 'Katherine Johnson',
      roles: [dev('Admin')],
    });
    expect(invited).toMatchObject({ id: email, status: 'invited' });
    // Workato lists no pending invitation: the invitee is no collaborator yet.
    expect(await users(workato, { email })).toEqual([]);
    expect(sandbox.directory.pendingInvitations().map((invitation) => invitation.email)).toEqual([email]);

    const early = await failure(
      workato.update('user-directory', 'users', invited.id, { roles: [dev('Analyst')] }),
    );
    expect(early.code).toBe('not_accepted');

    const id = String(sandbox.directory.acceptInvitation(email));
    expect(await users(workato, { email })).toMatchObject([
      { id, name: 'Katherine Johnson', status: 'active', roles: [dev('Admin')] },
    ]);

    await workato.update('user-directory', 'users', id, { roles: [dev('Analyst')] });
    expect(await users(workato, { email })).toMatchObject([{ id, roles: [dev('Analyst')] }]);

    let group: RecordOf<'user-directory', 'groups'> | undefined;
    for await (const candidate of workato.iterate('user-directory', 'groups')) {
      if (candidate.type !== 'built_in' && group === undefined) group = candidate;
    }
    const memberIds = async () => (await users(workato, { group_id: group!.id })).map((user) => user.id);
    expect(await memberIds()).not.toContain(id);
    await workato.addMember('user-directory', 'groups', group!.id, id);
    expect(await memberIds()).toContain(id);

    await workato.deactivate('user-directory', 'users', id);
    expect(await users(workato, { email })).toEqual([]);
    expect(await memberIds()).not.toContain(id);
    expect(warnings).toEqual([]);
  });

  it('reports a second invitation within 20 minutes as rate limited, after a single request', async () => {
    const workato = engine.connect('workato', sandbox.connection);
    const email = 'dorothy.vaughan@example.com';
    await workato.create('user-directory', 'users', {
      email,
      name: 'Dorothy Vaughan',
      roles: [dev('Admin')],
    });
    const id = String(sandbox.directory.acceptInvitation(email));
    await workato.deactivate('user-directory', 'users', id);
    const before = sandbox.requestCount();
    const error = await failure(
      workato.create('user-directory', 'users', { email, name: 'Dorothy Vaughan', roles: [dev('Admin')] }),
    );
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/20 minutes/);
    expect(sandbox.requestCount() - before).toBe(1);
    expect(sandbox.directory.pendingInvitations().some((invitation) => invitation.email === email)).toBe(
      false,
    );
  });
});
