import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { providerJsonSchema } from './provider-json-schema.js';
import { providerDefinitionSchema } from './schema.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../../../schemas/provider.schema.json', import.meta.url));
const TEST_PROVIDER_FILE = fileURLToPath(
  new URL('../../test/fixtures/test-provider/provider.yaml', import.meta.url),
);
const SCHEMA_ID = 'https://org.dev/schemas/provider.schema.json';

/** What the generator writes: the zod schema as draft 2020-12 input, with its `$id` first. */
function generatedSchema(): Record<string, unknown> {
  return providerJsonSchema();
}

function committedSchemaText(): string {
  return readFileSync(SCHEMA_FILE, 'utf8');
}

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(committedSchemaText()));
}

describe('schemas/provider.schema.json', () => {
  it('is what the zod schema generates (run `pnpm generate` after changing the zod schema)', () => {
    expect(JSON.parse(committedSchemaText())).toEqual(generatedSchema());
    expect(committedSchemaText()).toBe(`${JSON.stringify(generatedSchema(), null, 2)}\n`);
  });

  it('declares draft 2020-12 and its $id', () => {
    const schema = JSON.parse(committedSchemaText());

    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCHEMA_ID);
  });

  it('accepts the test provider, as editors see it (mapping files not inlined)', () => {
    const validate = validator();
    const definition = parse(readFileSync(TEST_PROVIDER_FILE, 'utf8'));

    expect(validate(definition), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses what the engine refuses: an unknown pagination type, an unknown key, a missing name', () => {
    const validate = validator();
    const definition = parse(readFileSync(TEST_PROVIDER_FILE, 'utf8'));
    const broken = structuredClone(definition);
    broken.resources['user-directory/users'].list.sources[0].pagination.type = 'nope';
    const unknownKey = { ...structuredClone(definition), colour: 'blue' };
    const { name: _name, ...nameless } = structuredClone(definition);

    expect(validate(broken)).toBe(false);
    expect(validate(unknownKey)).toBe(false);
    expect(validate(nameless)).toBe(false);
    expect(providerDefinitionSchema.safeParse(broken).success).toBe(false);
    expect(providerDefinitionSchema.safeParse(unknownKey).success).toBe(false);
    expect(providerDefinitionSchema.safeParse(nameless).success).toBe(false);
  });

  it('describes every field, keeps shared parts once under $defs, and has no zod leftovers', () => {
    const schema = JSON.parse(committedSchemaText());
    const undescribed: string[] = [];
    const leftovers: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if ('role' in record || record.maximum === Number.MAX_SAFE_INTEGER) leftovers.push(path);
      if (typeof record.minimum === 'number' && record.minimum < 0) leftovers.push(path);
      for (const [key, value] of Object.entries((record.properties ?? {}) as Record<string, unknown>)) {
        const field = value as Record<string, unknown>;
        if (field.description === undefined && field.$ref === undefined) undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');

    expect(undescribed).toEqual([]);
    expect(leftovers).toEqual([]);
    expect(Object.keys(schema.$defs)).toEqual(
      expect.arrayContaining(['Request', 'OnStatus', 'Source', 'HttpSource', 'Join', 'Pagination']),
    );
  });
});
