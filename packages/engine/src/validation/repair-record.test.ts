import { describe, expect, it } from 'vitest';
import { repairRecord } from './repair-record.js';
import { createUnifiedValidator } from './unified-validator.js';

const validator = createUnifiedValidator();
const validateApp = (record: Record<string, unknown>) => validator.validate('sso', 'apps', record);
const validateUser = (record: Record<string, unknown>) =>
  validator.validate('user-directory', 'users', record);

describe('repairRecord', () => {
  it('drops an invalid optional field and keeps remote_data as it came', () => {
    const raw = { id: '0oa1', logoUrl: 'https//example.okta.com/logo.png' };
    const outcome = repairRecord(
      {
        id: '0oa1',
        name: 'App',
        status: 'active',
        logo_url: 'https//example.okta.com/logo.png',
        remote_data: raw,
      },
      validateApp,
    );
    expect(outcome.record).toEqual({ id: '0oa1', name: 'App', status: 'active', remote_data: raw });
    expect(outcome.record!.remote_data).toBe(raw);
    expect(outcome.problems.map((problem) => problem.path)).toEqual(['logo_url']);
  });

  it('drops an invalid list item, or the field of an item, and a list left empty', () => {
    const outcome = repairRecord(
      {
        id: 'u1',
        status: 'active',
        emails: [
          { email: 'a@example.com', type: 'work' },
          { email: 'b@example.com', type: 'pager' },
          { type: 'work' },
        ],
        phones: [{ type: 'work' }],
      },
      validateUser,
    );
    expect(outcome.record).toEqual({
      id: 'u1',
      status: 'active',
      emails: [{ email: 'a@example.com', type: 'work' }, { email: 'b@example.com' }],
    });
    expect(outcome.problems.map((problem) => problem.path).sort()).toEqual(
      ['emails.1.type', 'emails.2.email', 'phones.0.number'].sort(),
    );
  });

  it('cannot keep a record whose own required field is missing or invalid, and says why', () => {
    const missingName = repairRecord({ id: '0oa1', status: 'active' }, validateApp);
    expect(missingName.record).toBeUndefined();
    expect(missingName.problems).toEqual([{ path: 'name', message: 'is required' }]);

    const badStatus = repairRecord({ id: 'u1', status: 'ARCHIVED' }, validateUser);
    expect(badStatus.record).toBeUndefined();
    expect(badStatus.problems).toEqual([
      { path: 'status', message: 'must be one of active, invited, suspended, inactive' },
    ]);

    expect(repairRecord({ id: '', name: 'App' }, validateApp).record).toBeUndefined();
  });

  it('leaves a valid record untouched', () => {
    const record = { id: '0oa1', name: 'App', status: 'active' };
    expect(repairRecord(record, validateApp)).toEqual({ record, problems: [] });
  });
});
