import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, OKTA_PROVIDER_DIR, run } from './helpers.js';

/** A valid definition whose mapping sorts with `^(...)`, a construct that runs interpreted. */
const SORTING = `version: 1
id: acme
name: Acme
params:
  domain: { required: true }
base_url:
  template: https://{{params.domain}}
  allowed_hosts: ['*.acme.test']
auth:
  - id: api_token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users }
          pagination: { type: none }
          mapping: '{ "id": id, "groups": groups^(name).{ "id": id } }'
`;

describe('org-engine validate --explain', () => {
  const folder = mkdtempSync(join(tmpdir(), 'org-engine-explain-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('says every expression of a built-in provider runs compiled', async () => {
    const result = await run(['validate', '--explain', OKTA_PROVIDER_DIR]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [summary, compiled, ...rest] = lines(result.stdout);
    expect(summary).toMatch(/^ok okta/);
    const [, count, total] = /^ {2}(\d+) of (\d+) JSONata expressions compiled$/.exec(compiled ?? '') ?? [];
    expect(Number(total)).toBeGreaterThan(10);
    expect(count).toBe(total);
    expect(rest).toEqual([]);
  });

  it('names each interpreted expression with its path and the reason', async () => {
    const file = join(folder, 'provider.yaml');
    writeFileSync(file, SORTING);
    const result = await run(['validate', '--explain', file]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'ok acme (1 resource)',
      '  0 of 1 JSONata expression compiled',
      '  interpreted resources.user-directory/users.list.sources.0.mapping: order-by (^(...))',
    ]);
  });

  it('prints only the summary without the flag', async () => {
    const result = await run(['validate', OKTA_PROVIDER_DIR]);
    expect(lines(result.stdout)).toHaveLength(1);
  });
});
