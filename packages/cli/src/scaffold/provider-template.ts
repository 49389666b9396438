/** The files `org-engine init <id>` writes, by path relative to the new provider folder. */
export type ScaffoldFiles = Record<string, string>;

/** A provider name from its id: `acme-hr` gives `Acme Hr`. */
function titleOf(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function definition(id: string, name: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# The definition of the ${name} provider. Every key is described in the JSON Schema above (your
# editor completes and checks it) and in the authoring guide of @org/engine.
version: 1
id: ${id}
name: ${name}
description: ${name} API. Replace with what the provider serves and the API it calls.

# What the connecting customer supplies; validated before any request.
params:
  domain:
    description: Your ${name} host, e.g. acme.${id}.example.
    required: true
    pattern: '^[a-z0-9-]+\\.${id}\\.example$'
    hint: enter only the host, such as acme.${id}.example, without https:// or a path

# Where requests go: a template over the params, limited to the hosts listed.
base_url:
  template: https://{{params.domain}}/api
  allowed_hosts: ['*.${id}.example']

# Each way a customer can authenticate; the connection picks one by id.
auth:
  - id: api_token
    label: API token
    kind: bearer

# Unified resources served: <model>/<resource>, each with its requests and mapping.
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users, query: { per_page: '100' } }
          records: data
          pagination: { type: none }
          mapping: mappings/users.jsonata
`;
}

const MAPPING = `/* One provider user to a unified user (see the unified schema of user-directory/users).
   A field without a value is omitted from the record, never null. */
{
  "id": $string(id),
  "name": full_name,
  "emails": email ? [{ "email": email, "type": "work", "is_primary": true }],
  "status": active ? "active" : "inactive",
  "created_at": $toIsoUtc(created_at)
}
`;

function fixture(id: string): string {
  const value = {
    description: 'users: one page of two users, one of them inactive',
    connect: {
      params: { domain: `acme.${id}.example` },
      auth: { method: 'api_token', token: 'fixture-token' },
    },
    call: { operation: 'list', model: 'user-directory', resource: 'users' },
    exchanges: [
      {
        request: {
          method: 'GET',
          path: '/api/users',
          query: { per_page: '100' },
          headers: { authorization: 'Bearer fixture-token' },
        },
        response: {
          status: 200,
          body: {
            data: [
              {
                id: 1,
                full_name: 'Ada Example',
                email: 'ada@acme.example',
                active: true,
                created_at: '2024-05-01T09:00:00+02:00',
              },
              { id: 2, full_name: 'Bo Example', active: false, created_at: '2024-06-01T12:30:00Z' },
            ],
          },
        },
      },
    ],
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

function readme(name: string): string {
  return `# ${name}

How a customer connects ${name}, and where each unified field comes from.

## Connecting

- \`domain\`: the customer's ${name} host.
- \`api_token\`: an API token created by an administrator in ${name}'s settings; it needs read
  access to users.

## Resources

| resource                 | endpoint     | notes |
| ------------------------ | ------------ | ----- |
| \`user-directory/users\` | \`GET /users\` |       |

## Fields

| unified field | ${name} field |
| ------------- | ------------- |
| \`id\`          | \`id\`          |
| \`name\`        | \`full_name\`   |
| \`emails\`      | \`email\`       |
| \`status\`      | \`active\`      |
| \`created_at\`  | \`created_at\`  |
`;
}

const TEST = `import { fileURLToPath } from 'node:url';
import { testProvider } from '@org/engine/testing';

// The conformance suite over this folder: the definition loads, every fixture makes exactly its
// exchanges, records validate against the unified schemas, outputs match __snapshots__/.
testProvider(fileURLToPath(new URL('.', import.meta.url)));
`;

/**
 * A provider folder whose tests pass as generated: a commented definition with the schema
 * line, one mapping, one fixture, a README and the vitest file that runs the suite. The
 * snapshot is written by running the suite once.
 */
export function providerScaffold(id: string, schemaPath: string): ScaffoldFiles {
  const name = titleOf(id);
  return {
    'provider.yaml': definition(id, name, schemaPath),
    'mappings/users.jsonata': MAPPING,
    'fixtures/users-list.json': fixture(id),
    'README.md': readme(name),
    'provider.test.ts': TEST,
  };
}
