import { describe, expect, it } from 'vitest';
import { UNIFIED_SCHEMAS } from '../generated/unified-schemas.js';
import { createUnifiedValidator } from './unified-validator.js';

/**
 * The conventions of docs/models.md, checked on every field of every schema: each field of each
 * schema's example record is broken the way a mapping typically breaks it, and the validator must
 * report exactly that field. A new schema or field is covered without touching this file.
 */

type SchemaNode = Record<string, unknown>;

interface Field {
  name: string;
  schema: SchemaNode;
  required: boolean;
  example: unknown;
}

const validator = createUnifiedValidator();
const STRING_DEFINITIONS = ['timestamp', 'date'];
const OBJECT_DEFINITIONS = ['reference', 'id_reference', 'address', 'email', 'phone', 'role_assignment'];

function definitionOf(schema: SchemaNode): string | undefined {
  return typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
}

const resources = Object.entries(UNIFIED_SCHEMAS).flatMap(([model, schemas]) =>
  Object.entries(schemas).map(([resource, schema]) => {
    const root = schema as SchemaNode;
    const example = (root.examples as SchemaNode[])[0]!;
    const required = new Set(root.required as string[]);
    const fields = Object.entries(root.properties as Record<string, SchemaNode>).map(
      ([name, field]): Field => ({
        name,
        schema: field,
        required: required.has(name),
        example: example[name],
      }),
    );
    return { key: `${model}/${resource}`, model, resource, example, fields };
  }),
);

describe.each(resources)('every field of $key', ({ model, resource, example, fields }) => {
  /** Validates the example record with one field replaced (or removed, for `undefined`). */
  function problemsWith(name: string, value: unknown) {
    const record: SchemaNode = { ...example, [name]: value };
    if (value === undefined) delete record[name];
    return validator.validate(model, resource, record);
  }

  it('rejects null', () => {
    for (const { name } of fields) {
      expect(problemsWith(name, null), name).toEqual([
        { path: name, message: expect.stringContaining('not null') },
      ]);
    }
  });

  it('rejects "" for a string', () => {
    const strings = fields.filter(
      ({ schema }) => schema.type === 'string' || STRING_DEFINITIONS.includes(definitionOf(schema) ?? ''),
    );
    for (const { name } of strings) {
      expect(problemsWith(name, ''), name).toEqual([
        { path: name, message: expect.stringContaining('must') },
      ]);
    }
  });

  it('rejects a missing required field, and accepts a missing optional one', () => {
    for (const { name, required } of fields) {
      expect(problemsWith(name, undefined), name).toEqual(
        required ? [{ path: name, message: 'is required' }] : [],
      );
    }
  });

  it("rejects an enum field holding a provider's raw upper-case value", () => {
    for (const { name, schema, example: value } of fields.filter((field) =>
      Array.isArray(field.schema.enum),
    )) {
      const allowed = (schema.enum as string[]).join(', ');
      expect(problemsWith(name, String(value).toUpperCase()), name).toEqual([
        { path: name, message: `must be one of ${allowed}` },
      ]);
    }
  });

  it('rejects a time stamp without its Z', () => {
    for (const { name, example: value } of fields.filter(
      (field) => definitionOf(field.schema) === 'timestamp',
    )) {
      expect(problemsWith(name, String(value).replace('Z', '')), name).toMatchObject([{ path: name }]);
    }
  });

  it('rejects a bare id or string where a reference or an entry object is expected', () => {
    for (const { name, schema } of fields) {
      const items = schema.items as SchemaNode | undefined;
      if (OBJECT_DEFINITIONS.includes(definitionOf(schema) ?? '')) {
        expect(problemsWith(name, 'id-1'), name).toMatchObject([
          { path: name, message: expect.stringMatching(/^must be object/) },
        ]);
      } else if (items && OBJECT_DEFINITIONS.includes(definitionOf(items) ?? '')) {
        expect(problemsWith(name, ['id-1']), name).toMatchObject([{ path: `${name}.0` }]);
      }
    }
  });

  it('rejects a field the schema does not have', () => {
    expect(problemsWith('provider_specific', 'x')).toEqual([
      { path: 'provider_specific', message: expect.stringContaining('remote_data') },
    ]);
  });
});
