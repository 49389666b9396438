import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, OKTA_PROVIDER_DIR, run } from './helpers.js';

/** A definition with two schema errors, on lines 11 and 17. */
const SCHEMA_ERRORS = `version: 1
id: acme
name: Acme
params:
  domain: { required: true }
base_url:
  template: https://{{params.domain}}
  allowed_hosts: ['*.acme.test']
auth:
  - id: api_token
    kind: bearerx
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users }
          pagination: { type: sideways }
          mapping: '{ "id": id }'
`;

/** Schema-valid, but with a JSONata syntax error (line 18) and a missing mapping file (line 24). */
const MAPPING_ERRORS = SCHEMA_ERRORS.replace('bearerx', 'bearer')
  .replace('sideways', 'none')
  .replace(`'{ "id": id }'`, `'{ "id": id '`)
  .concat(`  user-directory/groups:
    list:
      sources:
        - request: { path: /groups }
          pagination: { type: none }
          mapping: mappings/missing.jsonata
`);

describe('org-engine validate', () => {
  let folder: string;
  let broken: string;
  let mappings: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'org-engine-validate-'));
    broken = join(folder, 'acme');
    mkdirSync(broken);
    writeFileSync(join(broken, 'provider.yaml'), SCHEMA_ERRORS);
    mappings = join(folder, 'mappings.yaml');
    writeFileSync(mappings, MAPPING_ERRORS);
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('says ok with the resource count for a valid provider folder or file', async () => {
    const result = await run(['validate', OKTA_PROVIDER_DIR, `${OKTA_PROVIDER_DIR}/provider.yaml`]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const output = lines(result.stdout);
    expect(output).toHaveLength(2);
    for (const line of output) expect(line).toMatch(/^ok okta \(\d+ resources\)$/);
  });

  it('prints every problem as file:line: path: message and exits with 1', async () => {
    const result = await run(['validate', broken]);
    expect(result.code).toBe(1);
    const file = join(broken, 'provider.yaml');
    expect(lines(result.stdout)).toEqual([
      `${file}:11: auth.0.kind: expected one of header, bearer, basic, oauth2_client_credentials, oauth2_refresh`,
      `${file}:17: resources.user-directory/users.list.sources.0.pagination.type: expected one of link_header, body_next_url, body_cursor, page, offset, none`,
    ]);
  });

  it('reports JSONata syntax errors and unreadable mapping files with their lines', async () => {
    const result = await run(['validate', mappings]);
    expect(result.code).toBe(1);
    const problems = lines(result.stdout);
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${escapeRegExp(mappings)}:18: resources\\.user-directory/users\\.list\\.sources\\.0\\.mapping: JSONata`,
        ),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${escapeRegExp(mappings)}:24: .*mapping: cannot read mapping file mappings/missing\\.jsonata`,
        ),
      ),
    );
  });

  it('checks every path given, and fails when any is invalid or missing', async () => {
    const missing = join(folder, 'nothing-here');
    const result = await run(['validate', OKTA_PROVIDER_DIR, broken, missing]);
    expect(result.code).toBe(1);
    const output = lines(result.stdout);
    expect(output[0]).toMatch(/^ok okta /);
    expect(output).toHaveLength(4);
    expect(output[3]).toBe(`${missing}: (root): no such file or folder`);
  });

  it('reports YAML syntax errors with their line', async () => {
    const file = join(folder, 'bad-yaml.yaml');
    writeFileSync(file, 'id: acme\nname: [unclosed\n');
    const result = await run(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${escapeRegExp(file)}:\\d+: \\(root\\): YAML: `));
  });

  it('needs at least one path', async () => {
    const result = await run(['validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'path'");
    expect(result.stderr).toContain('Usage: org-engine validate [options] <path...>');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
