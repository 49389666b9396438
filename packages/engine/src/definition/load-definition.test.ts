import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonata from 'jsonata';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error.js';
import { loadProviderDefinition } from './provider-source.js';
import type { ResourceDefinition } from './schema-resource.js';

const TEST_PROVIDER_FILE = fileURLToPath(
  new URL('../../test/fixtures/test-provider/provider.yaml', import.meta.url),
);
const TEST_PROVIDER_FOLDER = dirname(TEST_PROVIDER_FILE);

const VALID = `version: 1
id: acme
name: Acme
params:
  domain: { pattern: "[a-z0-9-]+[.]acme[.]test", hint: enter a host such as eu.acme.test }
base_url:
  template: https://{{params.domain}}
  allowed_hosts: ["*.acme.test"]
auth:
  - id: api_token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users }
          pagination: { type: link_header, limit_param: limit, max_limit: 100 }
          mapping: '{ "id": $string(id), "status": "active" }'
`;

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the text`);
  return index + 1;
}

function loadError(pathOrText: string): EngineError {
  try {
    loadProviderDefinition(pathOrText);
  } catch (error) {
    if (!EngineError.isInstance(error)) throw error;
    return error;
  }
  throw new Error('the definition loaded, but it should have failed');
}

function jsonataPosition(expression: string): number {
  try {
    jsonata(expression);
  } catch (error) {
    return (error as { position: number }).position;
  }
  throw new Error('the expression compiles');
}

const folders: string[] = [];
/** A provider folder on disk with the given files. */
function providerFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'engine-definition-'));
  folders.push(root);
  const folder = join(root, 'acme');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('a valid definition', () => {
  it('loads the test provider from its provider.yaml, with mapping files inlined', () => {
    const provider = loadProviderDefinition(TEST_PROVIDER_FILE);

    expect(provider.id).toBe('testco');
    expect(provider.name).toBe('Test Co');
    expect([...provider.resources.keys()]).toEqual([
      'user-directory/users',
      'user-directory/groups',
      'user-directory/roles',
      'user-directory/activities',
      'user-directory/me',
      'sso/apps',
      'sso/app-users',
      'hris/employees',
      'hris/groups',
      'hris/locations',
    ]);
    const [source] = (provider.definition.resources['user-directory/users'] as ResourceDefinition).list!
      .sources;
    expect(source).toMatchObject({ mapping: expect.stringContaining('$ianaTimezone(zone)') });
    expect([...provider.auth.keys()]).toEqual(['api_key', 'bearer', 'basic', 'client_credentials', 'oauth']);
  });

  it('loads the same provider from its folder', () => {
    const fromFolder = loadProviderDefinition(TEST_PROVIDER_FOLDER);
    const fromFile = loadProviderDefinition(TEST_PROVIDER_FILE);

    expect(fromFolder.definition).toEqual(fromFile.definition);
  });

  it('loads YAML text with inline JSONata and applies the defaults', () => {
    const provider = loadProviderDefinition(VALID);

    expect(provider.id).toBe('acme');
    expect(provider.definition.headers).toEqual({ Accept: 'application/json' });
    expect(provider.definition.retry).toMatchObject({ max_attempts: 5, statuses: [429, 500, 502, 503, 504] });
    expect(provider.definition.rate_limit).toMatchObject({
      max_wait_seconds: 120,
      rate_limited_statuses: [429],
    });
    const params = provider.params.get('domain');
    expect(params).toMatchObject({ required: true, hint: 'enter a host such as eu.acme.test' });
    expect(params?.pattern?.test('eu.acme.test')).toBe(true);
    expect(params?.pattern?.test('eu.acme.test.evil.example')).toBe(false);
  });

  it('reads mapping files from subfolders of a provider folder', () => {
    const folder = providerFolder({
      'provider.yaml': VALID.replace(
        `'{ "id": $string(id), "status": "active" }'`,
        'mappings/v1/users.jsonata',
      ),
      'mappings/v1/users.jsonata': '/* users */\n{ "id": $string(id), "status": "active" }\n',
    });

    const provider = loadProviderDefinition(folder);

    expect(
      (provider.definition.resources['user-directory/users'] as ResourceDefinition).list!.sources[0],
    ).toMatchObject({
      mapping: expect.stringContaining('/* users */'),
    });
  });
});

describe('an invalid definition', () => {
  it('reports every schema problem at once, each with its path and line', () => {
    const text = VALID.replace('name: Acme\n', 'name: 123\n')
      .replace('type: link_header', 'type: nope')
      .replace("          mapping: '", "          bogus: true\n          mapping: '")
      .replace('    kind: bearer\n', '    kind: bearer\n    colour: blue\n');

    const error = loadError(text);

    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('invalid_definition');
    expect(error.operation).toBe('load');
    expect(error.provider).toBe('acme');
    expect(error.problems).toEqual([
      { path: 'name', message: 'expected string', line: lineOf(text, 'name: 123') },
      { path: 'auth.0.colour', message: 'unknown key', line: lineOf(text, 'colour: blue') },
      {
        path: 'resources.user-directory/users.list.sources.0.pagination.type',
        message: 'expected one of link_header, body_next_url, body_cursor, page, offset, none',
        line: lineOf(text, 'type: nope'),
      },
      {
        path: 'resources.user-directory/users.list.sources.0.bogus',
        message: 'unknown key',
        line: lineOf(text, 'bogus: true'),
      },
    ]);
    for (const problem of error.problems) {
      expect(error.message).toContain(`${problem.path} (line ${problem.line}): ${problem.message}`);
    }
  });

  it('names a missing required key as required', () => {
    const text = VALID.replace('name: Acme\n', '').replace(
      'request: { path: /users }',
      'request: { query: { a: b } }',
    );

    const error = loadError(text);

    expect(error.problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'name', message: 'required (string)' },
      { path: 'resources.user-directory/users.list.sources.0.request.path', message: 'required (string)' },
    ]);
    expect(error.problems[1]?.line).toBe(lineOf(text, 'request: { query'));
  });

  it('names the missing key of the source the author meant, not of every kind of source', () => {
    const text = VALID.replace(/ {10}mapping: .*\n/, '');

    const error = loadError(text);

    expect(error.problems).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0.mapping',
        message: 'required (string)',
        line: expect.any(Number),
      },
    ]);
  });

  it('reports bad JSONata with the JSONata position and the line of its key', () => {
    const mapping = '{ "id": id, "status": ( }';
    const text = VALID.replace(`'{ "id": $string(id), "status": "active" }'`, `'${mapping}'`);

    const error = loadError(text);

    expect(error.problems).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0.mapping',
        message: expect.stringContaining(`at position ${jsonataPosition(mapping)}:`),
        line: lineOf(text, mapping),
      },
    ]);
    expect(error.problems[0]?.message).toContain('S0211');
  });

  it('reports the position of an unclosed expression as JSONata gives it for the text written', () => {
    const mapping = '{ "id": $string(id)';
    const text = VALID.replace(`'{ "id": $string(id), "status": "active" }'`, `'${mapping}'`);

    const error = loadError(text);

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toContain(`at position ${jsonataPosition(mapping)}:`);
    expect(error.problems[0]?.message).toContain('before end of expression');
    expect(error.problems[0]?.message).not.toContain('")"');
  });

  it('reports bad JSONata in a mapping file with its position in the file', () => {
    const mapping = '{\n  "id": $string(id),\n  "status": $lookup(,)\n}\n';
    const folder = providerFolder({
      'provider.yaml': VALID.replace(`'{ "id": $string(id), "status": "active" }'`, 'mappings/users.jsonata'),
      'mappings/users.jsonata': mapping,
    });

    const error = loadError(folder);

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({
      path: 'resources.user-directory/users.list.sources.0.mapping',
      message: expect.stringContaining(`at position ${jsonataPosition(mapping)}:`),
    });
  });

  it('reports JSONata and cross-check problems together', () => {
    const text = VALID.replace('{{params.domain}}', '{{params.host}}').replace(
      `'{ "id": $string(id), "status": "active" }'`,
      `'{ "id": id, "status": ( }'`,
    );

    const error = loadError(text);

    expect(error.problems.map((problem) => problem.path)).toEqual([
      'base_url.template',
      'resources.user-directory/users.list.sources.0.mapping',
    ]);
  });

  it('reports schema problems and JSONata syntax errors in the same round', () => {
    const text = VALID.replace('type: link_header', 'type: nope').replace(
      `'{ "id": $string(id), "status": "active" }'`,
      `'{ "id": id, "status": ( }'`,
    );

    const error = loadError(text);

    expect(error.problems).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0.pagination.type',
        message: expect.stringMatching(/^expected one of /),
        line: lineOf(text, 'type: nope'),
      },
      {
        path: 'resources.user-directory/users.list.sources.0.mapping',
        message: expect.stringContaining(`at position ${jsonataPosition('{ "id": id, "status": ( }')}:`),
        line: lineOf(text, '"status": ( }'),
      },
    ]);
  });

  it('reports a missing mapping file once, with its line', () => {
    const text = VALID.replace(`'{ "id": $string(id), "status": "active" }'`, 'mappings/missing.jsonata');
    const folder = providerFolder({ 'provider.yaml': text });

    const error = loadError(folder);

    expect(error.problems).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0.mapping',
        message: expect.stringContaining('cannot read mapping file mappings/missing.jsonata'),
        line: lineOf(text, 'mappings/missing.jsonata'),
      },
    ]);
  });

  it.each(['../outside.jsonata', 'mappings/../../outside.jsonata'])(
    'refuses the mapping file %s outside the provider folder, and reports only that',
    (reference) => {
      const text = VALID.replace(`'{ "id": $string(id), "status": "active" }'`, reference);
      const folder = providerFolder({ 'provider.yaml': text });
      writeFileSync(join(dirname(folder), 'outside.jsonata'), '{ "id": "leaked", "status": "active" }');

      const error = loadError(folder);

      expect(error.problems).toEqual([
        {
          path: 'resources.user-directory/users.list.sources.0.mapping',
          message: `cannot read mapping file ${reference}: the file is outside the provider folder`,
          line: lineOf(text, reference),
        },
      ]);
    },
  );

  it('refuses a mapping file that is a symbolic link out of the provider folder', () => {
    const text = VALID.replace(`'{ "id": $string(id), "status": "active" }'`, 'mappings/linked.jsonata');
    const folder = providerFolder({ 'provider.yaml': text, 'mappings/keep.jsonata': '{}' });
    const outside = join(dirname(folder), 'secret.jsonata');
    writeFileSync(outside, '{ "id": "leaked", "status": "active" }');
    symlinkSync(outside, join(folder, 'mappings', 'linked.jsonata'));

    const error = loadError(folder);

    expect(error.problems).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0.mapping',
        message: 'cannot read mapping file mappings/linked.jsonata: the file is outside the provider folder',
        line: lineOf(text, 'mappings/linked.jsonata'),
      },
    ]);
  });

  it('asks for a file when YAML text names a mapping file', () => {
    const text = VALID.replace(`'{ "id": $string(id), "status": "active" }'`, 'mappings/users.jsonata');

    const error = loadError(text);

    expect(error.problems).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0.mapping',
        message:
          'cannot read mappings/users.jsonata: the definition was given as text; load it from its file',
        line: lineOf(text, 'mappings/users.jsonata'),
      },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const text = 'id: acme\nname: Acme\nauth: [\n  { id: a, kind: bearer }\nresources: {}\n';

    const error = loadError(text);

    expect(error.code).toBe('invalid_definition');
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(problem.message).toMatch(/^YAML: /);
      expect(problem.line).toEqual(expect.any(Number));
    }
    expect(error.problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports an unclosed quote on its own line', () => {
    const text = `${VALID.replace('name: Acme', 'name: "Acme')}`;

    const error = loadError(text);

    expect(error.problems.map((problem) => problem.line)).toContain(lineOf(text, 'name: "Acme'));
  });

  it('reports a duplicate key with its line', () => {
    const text = VALID.replace('name: Acme\n', 'name: Acme\nname: Acme again\n');

    const error = loadError(text);

    expect(error.problems).toEqual([
      { path: 'name', message: 'duplicate key name', line: lineOf(text, 'Acme again') },
    ]);
  });

  it('fails with invalid_definition when the file does not exist', () => {
    const folder = providerFolder({ 'README.md': '# no definition here\n' });

    expect(loadError(join(folder, 'provider.yaml')).code).toBe('invalid_definition');
    expect(loadError(folder).code).toBe('invalid_definition');
  });

  it('refuses YAML that is not a mapping', () => {
    const error = loadError('- id: acme\n- name: Acme\n');

    expect(error.problems).toEqual([{ path: '', message: 'expected object', line: 1 }]);
  });
});
