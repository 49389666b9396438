import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error.js';
import { UNIFIED_SCHEMAS } from '../generated/unified-schemas.js';
import { createUnifiedValidator } from './unified-validator.js';

const validator = createUnifiedValidator();

/** The smallest valid record of every resource: its required fields only. */
const MINIMAL_RECORDS: Record<string, unknown> = {
  'hris/companies': { id: '00o1', name: 'Acme' },
  'hris/employees': { id: '00u1' },
  'hris/groups': { id: '00g1', name: 'Engineering' },
  'hris/locations': { id: 'q0t8' },
  'sso/app-users': { id: '0oa1:00u1', app: { id: '0oa1' }, user: { id: '00u1' } },
  'sso/apps': { id: '0oa1', name: 'Salesforce' },
  'user-directory/activities': {
    id: 'b4a0',
    action: 'user.session.start',
    created_at: '2024-05-01T17:03:11Z',
  },
  'user-directory/groups': { id: '00g1', name: 'Engineering' },
  'user-directory/me': { id: '2001' },
  'user-directory/roles': { id: 'SUPER_ADMIN', name: 'Super Administrator' },
  'user-directory/users': { id: '00u1', status: 'active' },
};

const user = UNIFIED_SCHEMAS['user-directory'].users.examples[0];
const employee = UNIFIED_SCHEMAS.hris.employees.examples[0];

describe('createUnifiedValidator', () => {
  it('lists every resource that has a schema, and only those', () => {
    const keys = validator.resources().map(({ model, resource }) => `${model}/${resource}`);
    expect(keys.sort()).toEqual(Object.keys(MINIMAL_RECORDS).sort());
    expect(validator.has('sso', 'app-users')).toBe(true);
    expect(validator.has('sso', 'users')).toBe(false);
    expect(validator.has('user-directory', 'constructor')).toBe(false);
    expect(validator.has('__proto__', 'users')).toBe(false);
  });

  it.each(Object.entries(MINIMAL_RECORDS))(
    'accepts a record of %s with only its required fields',
    (key, record) => {
      const [model, resource] = key.split('/') as [string, string];
      expect(validator.validate(model, resource, record)).toEqual([]);
    },
  );

  it('fails with unsupported_resource for a resource without a schema', () => {
    expect(() => validator.validate('user-directory', 'widgets', {})).toThrowError(
      expect.objectContaining({ code: 'unsupported_resource', resource: 'user-directory/widgets' }),
    );
    expect(() => validator.validate('crm', 'users', {})).toThrowError(EngineError);
  });

  it('gives the same answer on every call (the compiled schema is reused)', () => {
    const record = { ...user, status: 'ACTIVE' };
    expect(validator.validate('user-directory', 'users', record)).toEqual(
      validator.validate('user-directory', 'users', record),
    );
    expect(createUnifiedValidator().validate('user-directory', 'users', user)).toEqual([]);
  });
});

describe('typical mapping mistakes', () => {
  const users = (record: object) => validator.validate('user-directory', 'users', { ...user, ...record });

  it('rejects a raw enum value and names the allowed ones', () => {
    expect(users({ status: 'ACTIVE' })).toEqual([
      { path: 'status', message: 'must be one of active, invited, suspended, inactive' },
    ]);
    expect(users({ emails: [{ email: 'ada@acme.com', type: 'WORK' }] })).toEqual([
      { path: 'emails.0.type', message: 'must be one of work, personal, other' },
    ]);
  });

  it('rejects a time stamp that is not UTC with a Z, and shows one that is', () => {
    for (const created_at of [
      '2024-05-01T17:03:11',
      '2024-05-01T19:03:11+02:00',
      '2024-05-01',
      '1714583000000',
    ]) {
      const problems = users({ created_at });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        path: 'created_at',
        message: expect.stringContaining('2024-05-01T17:03:11.000Z'),
      });
    }
    expect(users({ created_at: '2024-13-45T17:03:11Z' })).toMatchObject([{ path: 'created_at' }]);
  });

  it('rejects null and "" for an optional field: such a field is omitted', () => {
    expect(users({ name: null, title: '' })).toEqual([
      { path: 'name', message: 'must be string, not null: omit a field that has no value' },
      { path: 'title', message: 'must not be empty: omit a field that has no value' },
    ]);
    expect(users({ groups: null })).toEqual([
      { path: 'groups', message: 'must be array, not null: omit a field that has no value' },
    ]);
  });

  it('rejects a reference given as a bare id', () => {
    expect(users({ groups: ['00g1emaKYZTWRYYRRTSK'] })).toEqual([
      {
        path: 'groups.0',
        message: 'must be object, for example {"id":"00g1emaKYZTWRYYRRTSK","name":"Engineering"}',
      },
    ]);
    const problems = validator.validate('hris', 'employees', {
      ...employee,
      manager: '00u1',
      work_location: 'q0t8',
    });
    expect(problems.map((problem) => problem.path)).toEqual(['manager', 'work_location']);
  });

  it('rejects an unknown field, at the top and nested, and points to remote_data', () => {
    expect(users({ nickname: 'Ada', emails: [{ email: 'ada@acme.com', label: 'work' }] })).toEqual([
      { path: 'nickname', message: expect.stringContaining('remote_data') },
      { path: 'emails.0.label', message: expect.stringContaining('is not a field') },
    ]);
    expect(users({ remote_data: { anything: { goes: [1, null] } } })).toEqual([]);
    expect(users({ remote_data: 'raw' })).toMatchObject([
      { path: 'remote_data', message: expect.stringMatching(/^must be object/) },
    ]);
  });

  it('reports a missing required field, and every problem of a record at once', () => {
    const { status: _status, ...withoutStatus } = user;
    expect(validator.validate('user-directory', 'users', withoutStatus)).toEqual([
      { path: 'status', message: 'is required' },
    ]);
    const problems = validator.validate('sso', 'app-users', {
      id: 7,
      app: { name: 'Salesforce' },
      status: 'ACTIVE',
    });
    expect(problems.map((problem) => problem.path)).toEqual(['user', 'id', 'app.id', 'status']);
  });

  it('rejects provider-specific time zones, locales, emails and empty objects', () => {
    expect(
      users({ timezone: 'Pacific Time (US & Canada)', locale: 'en_US' }).map((problem) => problem.path),
    ).toEqual(['timezone', 'locale']);
    expect(users({ timezone: 'UTC', locale: 'pt-BR' })).toEqual([]);
    expect(validator.validate('hris', 'employees', { id: '1', work_email: 'ada at acme' })).toEqual([
      { path: 'work_email', message: 'must match ^[^\\s@]+@[^\\s@]+$, for example ada.lovelace@acme.com' },
    ]);
    // Internationalised addresses (RFC 6531) are addresses too.
    expect(validator.validate('hris', 'employees', { id: '1', work_email: 'josé@acme.com' })).toEqual([]);
    expect(validator.validate('hris', 'companies', { id: '1', name: 'Acme', address: {} })).toEqual([
      { path: 'address', message: 'must have at least one field: omit an object that has no value' },
    ]);
    expect(validator.validate('hris', 'employees', { id: '1', start_date: '2024-02-30' })).toMatchObject([
      { path: 'start_date', message: expect.stringContaining('2021-03-15') },
    ]);
  });

  it('rejects a record that is not an object', () => {
    expect(validator.validate('sso', 'apps', [{ id: '1', name: 'x' }])).toEqual([
      { path: '', message: 'must be object' },
    ]);
  });
});
