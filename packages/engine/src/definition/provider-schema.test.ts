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

  it('describes every field with a description and an example, directly or through its $ref', () => {
    const schema = JSON.parse(committedSchemaText()) as SchemaNode;
    const lacking: string[] = [];
    for (const { node, path } of schemaNodes(schema)) {
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        const field = value as SchemaNode;
        const target = field.$ref ? definitionOf(schema, field.$ref) : {};
        const description = field.description ?? target.description;
        const examples = field.examples ?? target.examples;
        if (typeof description !== 'string' || description === '')
          lacking.push(`${path}/${key}: description`);
        if (!Array.isArray(examples) || examples.length === 0) lacking.push(`${path}/${key}: examples`);
      }
    }

    expect(lacking).toEqual([]);
  });

  it('gives examples that its own rules accept', () => {
    const schema = JSON.parse(committedSchemaText()) as SchemaNode;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(schema);
    const refused: string[] = [];
    for (const { node, path } of schemaNodes(schema)) {
      if (!Array.isArray(node.examples)) continue;
      const validate = ajv.getSchema(`${SCHEMA_ID}${path}`);
      if (validate === undefined) throw new Error(`no subschema at ${path}`);
      for (const example of node.examples) {
        if (!validate(example))
          refused.push(`${path}: ${JSON.stringify(example)} ${ajv.errorsText(validate.errors)}`);
      }
    }

    expect(refused).toEqual([]);
  });

  it('keeps shared parts once under $defs and has no zod leftovers', () => {
    const schema = JSON.parse(committedSchemaText()) as SchemaNode;
    const leftovers: string[] = [];
    for (const { node, path } of schemaNodes(schema)) {
      const bounds = [node.minimum, node.maximum, node.exclusiveMinimum, node.exclusiveMaximum];
      // zod bounds every int by the safe range, and its statuses once allowed negative numbers.
      if ('role' in node || bounds.some((bound) => typeof bound === 'number' && bound < 0))
        leftovers.push(path);
      if (bounds.some((bound) => bound === Number.MAX_SAFE_INTEGER)) leftovers.push(path);
    }

    expect(leftovers).toEqual([]);
    expect(copiedSubschemas(schema)).toEqual([]);
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining([
        'Request',
        'OnStatus',
        'Source',
        'HttpSource',
        'Join',
        'Pagination',
        'AuthFields',
        'Template',
        'Jsonata',
      ]),
    );
  });
});

interface SchemaNode {
  properties?: Record<string, unknown>;
  $ref?: string;
  $defs?: Record<string, unknown>;
  description?: unknown;
  examples?: unknown;
  [keyword: string]: unknown;
}

/** Subschemas written out more than once (beyond a one-line leaf), each with where it appears. */
function copiedSubschemas(schema: SchemaNode): string[] {
  const places = new Map<string, string[]>();
  for (const { node, path } of schemaNodes(schema)) {
    const text = JSON.stringify(node);
    if (text.length >= 100) places.set(text, [...(places.get(text) ?? []), path]);
  }
  return [...places.values()].filter((paths) => paths.length > 1).map((paths) => paths.join(' = '));
}

/** `#/$defs/Name` of the schema. */
function definitionOf(schema: SchemaNode, ref: string): SchemaNode {
  const name = ref.replace('#/$defs/', '');
  const target = schema.$defs?.[name];
  if (target === undefined) throw new Error(`${ref} is not a $defs entry`);
  return target as SchemaNode;
}

/** Every subschema, reached through the keywords that hold schemas (never through `examples` or `default`). */
function* schemaNodes(node: SchemaNode, path = '#'): Generator<{ node: SchemaNode; path: string }> {
  yield { node, path };
  const maps = ['properties', '$defs'] as const;
  for (const keyword of maps) {
    for (const [key, value] of Object.entries(node[keyword] ?? {}))
      yield* schemaNodes(value as SchemaNode, `${path}/${keyword}/${key}`);
  }
  for (const keyword of ['items', 'additionalProperties', 'propertyNames']) {
    const value = node[keyword];
    if (value !== null && typeof value === 'object')
      yield* schemaNodes(value as SchemaNode, `${path}/${keyword}`);
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const list = node[keyword];
    if (Array.isArray(list))
      for (const [index, value] of list.entries()) yield* schemaNodes(value, `${path}/${keyword}/${index}`);
  }
}
