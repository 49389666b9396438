import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EngineError } from '../errors/engine-error.js';
import { isUnifiedResourceKey } from '../validation/unified-resources.js';
import { type RoleValue, roleFields, roleValues } from './field-roles.js';
import { loadDefinition } from './load-definition.js';
import { providerDefinitionSchema } from './schema.js';

/**
 * One table, derived from the zod schema, says which fields are JSONata, templates or regular
 * expressions. These tests walk it: every JSONata field accepts a `.jsonata` file, every template
 * field refuses a root it cannot read, every regular expression field refuses a broken pattern.
 * The definition below holds an example of every field of the table (a test fails otherwise).
 */

const request = (path: string) => ({
  path,
  query: { q: '{{params.tenant}}' },
  headers: { 'X-Tenant': '{{params.tenant}}' },
  computed_query: '{ "limit": limit }',
  on_status: { 404: 'skip' },
});

/** An HTTP source with every field; `pagination` chooses which JSONata paging fields it has. */
function httpSource(pagination: Record<string, unknown>) {
  return {
    request: request('/users'),
    records: 'data',
    pagination,
    mapping: '{ "id": $string(id), "status": "active" }',
    remote_filters: ['group_id'],
    enrich: { extra: { request: request('/users/{{record.id}}/extra'), records: 'value' } },
    join: {
      request: request('/groups/{{filter.group_id}}/members'),
      records: 'members',
      pagination,
      id: 'user_id',
      match: 'id',
    },
  };
}

/** A write operation with every field. */
const write = (method: string, path: string) => ({
  request: {
    method,
    path,
    query: { q: '{{params.tenant}}' },
    headers: { 'X-Tenant': '{{params.tenant}}' },
    body: '{ "email": email }',
    on_status: { 404: { error: 'not_found', when: 'status = 404' } },
  },
  records: 'data',
  mapping: '{ "id": $string(id), "status": "active" }',
  find: '{ "group_id": $id }',
  pending: '{ "id": $id, "status": "invited" }',
});

const PAGINATIONS = [
  { type: 'body_next_url', next_url: 'links.next' },
  { type: 'body_cursor', cursor: 'meta.next', cursor_param: 'cursor' },
  { type: 'page', total: 'total' },
];

const sources = [
  ...PAGINATIONS.map(httpSource),
  { static: [{ id: 'one' }], mapping: '{ "id": id, "status": "active" }' },
  { derive_from: 'user-directory/groups', mapping: '$.{ "id": id, "status": "active" }' },
];

/** A resource with every field. */
const USERS = {
  filters: { group_id: { local: '$value in groups.id' } },
  list: { sources, variants: [{ when: ['group_id'], sources }] },
  get: {
    request: request('/users/{{id_parts.user}}'),
    records: 'data',
    mapping: '{ "id": $string(id), "status": "active" }',
    enrich: { extra: { request: request('/users/{{record.id}}/extra'), records: 'value' } },
    id_pattern: '^(?<user>.+)$',
  },
  create: write('POST', '/users'),
  update: write('PATCH', '/users/{{id}}'),
  deactivate: write('POST', '/users/{{id}}/deactivate'),
};

// Written out as plain JSON: shared objects would become YAML aliases, one edit changing many fields.
const FULL_DEFINITION = JSON.parse(
  JSON.stringify({
    version: 1,
    id: 'everyfield',
    name: 'Every Field',
    params: {
      tenant: { pattern: '[a-z]+' },
      directory: { enum: ['workspace', 'identity'], default: 'workspace' },
    },
    base_url: { template: 'https://{{params.tenant}}.example.com', allowed_hosts: ['*.example.com'] },
    auth: [
      { id: 'key', kind: 'header', headers: { 'X-Key': '{{auth.key}}' } },
      {
        id: 'service',
        kind: 'oauth2_client_credentials',
        token_url: '/oauth/token',
        assertion_audience: 'https://{{params.tenant}}.example.com',
      },
      { id: 'user', kind: 'oauth2_refresh', token_url: '/oauth/token' },
    ],
    headers: { Accept: 'application/json', 'X-Tenant': '{{params.tenant}}' },
    rate_limit: { scope: '{{params.tenant}}', families: { users: ['/users', '/users/*'] } },
    errors: { message: 'error.text', code: 'error.code' },
    resources: {
      'user-directory/users': USERS,
      // A resource served by a param: each value is a whole resource definition.
      'user-directory/roles': {
        by: 'directory',
        values: {
          workspace: USERS,
          identity: {
            ...USERS,
            add_member: write('PUT', '/groups/{{id}}/members/{{member_id}}'),
            remove_member: write('DELETE', '/groups/{{id}}/members/{{member_id}}'),
          },
        },
      },
      'user-directory/groups': {
        list: { sources: [{ request: { path: '/groups' }, mapping: '{ "id": $string(id), "name": name }' }] },
        add_member: write('PUT', '/groups/{{id}}/members/{{member_id}}'),
        remove_member: write('DELETE', '/groups/{{id}}/members/{{member_id}}'),
      },
    },
  }),
);

const FIELDS = roleFields(providerDefinitionSchema);

function load(definition: unknown, files: Record<string, string> = {}, read: string[] = []) {
  return loadDefinition(
    {
      text: stringify(definition),
      readFile: (name) => {
        read.push(name);
        const text = files[name];
        if (text === undefined) throw new Error('no such file');
        return text;
      },
    },
    isUnifiedResourceKey,
  );
}

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (EngineError.isInstance(error) && error.code === 'invalid_definition') return error.problems ?? [];
    throw error;
  }
  return [];
}

/** The definition with one field replaced. */
function withValue(field: RoleValue, value: string): unknown {
  const copy = structuredClone(FULL_DEFINITION) as Record<string, unknown>;
  const parent = field.path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy);
  (parent as Record<string | number, unknown>)[field.path.at(-1)!] = value;
  return copy;
}

/** One example of each field of the table, found in the full definition. */
const EXAMPLES: Array<{ field: string; role: string; example: RoleValue | undefined }> = FIELDS.map(
  (field) => ({
    field: field.pattern.join('.'),
    role: field.role,
    example: roleValues(FULL_DEFINITION, [field])[0],
  }),
);

describe('field roles', () => {
  it('are marked in the schema for every JSONata, template and regular expression field', () => {
    const byRole = (role: string) =>
      FIELDS.filter((field) => field.role === role).map((field) => field.pattern.join('.'));
    expect(byRole('jsonata')).toEqual(
      expect.arrayContaining([
        'errors.message',
        'resources.*.list.sources.*.mapping',
        'resources.*.list.sources.*.join.id',
        'resources.*.list.sources.*.join.match',
        'resources.*.list.variants.*.sources.*.join.pagination.cursor',
        'resources.*.get.enrich.*.request.computed_query',
        'resources.*.filters.*.local',
      ]),
    );
    expect(byRole('template')).toEqual(
      expect.arrayContaining([
        'base_url.template',
        'auth.*.token_url',
        'rate_limit.scope',
        'resources.*.list.sources.*.enrich.*.request.path',
        'resources.*.list.sources.*.join.request.query.*',
      ]),
    );
    expect(byRole('regex')).toEqual([
      'params.*.pattern',
      'resources.*.get.id_pattern',
      'resources.*.values.*.get.id_pattern',
    ]);
  });

  it('loads the full definition, which has an example of every field', () => {
    expect(EXAMPLES.filter((row) => row.example === undefined).map((row) => row.field)).toEqual([]);
    expect(load(FULL_DEFINITION).resources.size).toBe(3);
  });

  const rows = EXAMPLES.filter((row) => row.example !== undefined);

  const table = (role: string) =>
    rows.filter((row) => row.role === role).map((row) => [row.field, row] as const);

  it.each(table('jsonata'))('%s accepts a .jsonata file', (_, { example }) => {
    const read: string[] = [];
    const name = 'mappings/field.jsonata';
    expect(problemsOf(() => load(withValue(example!, name), { [name]: example!.value }, read))).toEqual([]);
    expect(read).toEqual([name]);
  });

  it.each(table('template'))('%s refuses a root it cannot read', (_, { example }) => {
    const problems = problemsOf(() => load(withValue(example!, '/x/{{nothing.here}}')));
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: example!.path.join('.'),
        message: expect.stringMatching(/^unknown placeholder \{\{nothing\.here\}\}/),
      }),
    );
  });

  it.each(table('regex'))('%s refuses a broken pattern', (_, { example }) => {
    expect(problemsOf(() => load(withValue(example!, '(unclosed')))).toContainEqual(
      expect.objectContaining({
        path: example!.path.join('.'),
        message: expect.stringMatching(/^invalid regular expression/),
      }),
    );
  });
});
