/**
 * Compile-time checks of the public API's types (run by `tsc`, the typecheck task): list,
 * iterate and get are typed by model and resource.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Connection, Hris, Page, Sso, UserDirectory } from '../src/index.js';

declare const connection: Connection;

describe('typed operations', () => {
  it('types records by model and resource', async () => {
    expectTypeOf(await connection.list('hris', 'employees')).toEqualTypeOf<Page<Hris.Employee>>();
    expectTypeOf(await connection.get('sso', 'app-users', 'app:user')).toEqualTypeOf<Sso.AppUser>();
    expectTypeOf(await connection.get('user-directory', 'me')).toEqualTypeOf<UserDirectory.Me>();
    for await (const user of connection.iterate('user-directory', 'users')) {
      expectTypeOf(user).toEqualTypeOf<UserDirectory.User>();
      expectTypeOf(user.status).toEqualTypeOf<'active' | 'invited' | 'suspended' | 'inactive'>();
    }
  });

  it('refuses models and resources that do not exist', () => {
    // @ts-expect-error: not a unified model
    void connection.list('crm', 'users');
    // @ts-expect-error: not a resource of the hris model
    void connection.list('hris', 'apps');
  });
});
