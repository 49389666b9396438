import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { COMMON_SCHEMA, UNIFIED_SCHEMAS } from '../generated/unified-schemas.js';

type SchemaNode = Record<string, unknown>;

/** A place in a schema: the root, a field (under `properties`), a definition, or array items. */
interface SchemaPlace {
  kind: 'root' | 'field' | 'definition' | 'items';
  name: string;
  /** JSON pointer from the schema's root, e.g. `/properties/emails/items`. */
  pointer: string;
  schema: SchemaNode;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every place of a schema, found through `properties`, `items` and `$defs` (never inside examples). */
function placesOf(
  schema: SchemaNode,
  name = '(root)',
  pointer = '',
  kind: SchemaPlace['kind'] = 'root',
): SchemaPlace[] {
  const places: SchemaPlace[] = [{ kind, name, pointer, schema }];
  const children: Array<[SchemaPlace['kind'], string, string, unknown]> = [];
  if (isNode(schema.properties)) {
    for (const [field, child] of Object.entries(schema.properties)) {
      children.push(['field', field, `${pointer}/properties/${field}`, child]);
    }
  }
  if (isNode(schema.$defs)) {
    for (const [definition, child] of Object.entries(schema.$defs)) {
      children.push(['definition', definition, `${pointer}/$defs/${definition}`, child]);
    }
  }
  if (isNode(schema.items)) children.push(['items', `${name}[]`, `${pointer}/items`, schema.items]);
  for (const [childKind, childName, childPointer, child] of children) {
    if (isNode(child)) places.push(...placesOf(child, childName, childPointer, childKind));
  }
  return places;
}

const resourceSchemas = Object.entries(UNIFIED_SCHEMAS).flatMap(([model, resources]) =>
  Object.entries(resources).map(([resource, schema]) => ({
    key: `${model}/${resource}`,
    schema: schema as SchemaNode,
  })),
);
const allSchemas = [{ key: 'common', schema: COMMON_SCHEMA as SchemaNode }, ...resourceSchemas];

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(COMMON_SCHEMA);
  return ajv;
}

describe.each(allSchemas)('schema $key', ({ key, schema }) => {
  const places = placesOf(schema);

  it('compiles in Ajv strict mode', () => {
    const ajv = strictAjv();
    expect(() => (key === 'common' ? ajv.getSchema(String(schema.$id)) : ajv.compile(schema))).not.toThrow();
  });

  it('has an $id under https://org.dev/schemas/ and uses draft 2020-12', () => {
    const path = key === 'common' ? 'common' : key;
    expect(schema.$id).toBe(`https://org.dev/schemas/${path}.schema.json`);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('has a title, a description and examples on every field and definition', () => {
    const undocumented = places
      // Array items are documented by their field; the root of common.schema.json only holds $defs.
      .filter((place) => place.kind !== 'items' && !(place.kind === 'root' && key === 'common'))
      .filter(({ schema: node }) => {
        const documented = typeof node.title === 'string' && typeof node.description === 'string';
        return !documented || !Array.isArray(node.examples) || node.examples.length === 0;
      })
      .map((place) => place.pointer || '(root)');
    expect(undocumented).toEqual([]);
  });

  it('closes every object, except remote_data which holds the raw provider object', () => {
    const objects = places.filter((place) => place.schema.type === 'object');
    expect(objects.length).toBeGreaterThan(0);
    for (const place of objects) {
      expect(place.schema.additionalProperties, place.pointer).toBe(place.name === 'remote_data');
    }
  });

  it('allows no empty strings: every string has minLength 1, an enum or a pattern that needs characters', () => {
    const strings = places.filter((place) => place.schema.type === 'string');
    for (const { pointer, schema: node } of strings) {
      expect(
        node.minLength === 1 || Array.isArray(node.enum) || typeof node.pattern === 'string',
        pointer,
      ).toBe(true);
    }
  });

  it('has examples that are valid values of the place they document', () => {
    const ajv = strictAjv();
    if (key !== 'common') ajv.addSchema(schema);
    for (const { pointer, schema: node } of places) {
      if (!Array.isArray(node.examples)) continue;
      const validate = ajv.compile({ $ref: `${String(schema.$id)}#${pointer}` });
      for (const example of node.examples) {
        expect(
          validate(example) ? [] : validate.errors,
          `${pointer || '(root)'}: ${JSON.stringify(example)}`,
        ).toEqual([]);
      }
    }
  });
});

describe.each(resourceSchemas)('record schema $key', ({ schema }) => {
  it('has an example record that shows every field', () => {
    const [example] = schema.examples as SchemaNode[];
    expect(Object.keys(example ?? {}).sort()).toEqual(Object.keys(schema.properties as SchemaNode).sort());
  });

  it('has an optional remote_data and required fields that exist', () => {
    const required = schema.required as string[];
    expect(required).toContain('id');
    expect(required).not.toContain('remote_data');
    expect(Object.keys(schema.properties as SchemaNode)).toEqual(
      expect.arrayContaining([...required, 'remote_data']),
    );
  });
});

describe('user-directory/me', () => {
  it('has the fields of a user, with only id required', () => {
    const users = UNIFIED_SCHEMAS['user-directory'].users;
    const me = UNIFIED_SCHEMAS['user-directory'].me;
    const withoutRemoteData = ({ remote_data: _remoteData, ...fields }: SchemaNode) => fields;
    expect(withoutRemoteData(me.properties)).toEqual(withoutRemoteData(users.properties));
    expect(users.required).toEqual(['id', 'status']);
    expect(me.required).toEqual(['id']);
  });
});
