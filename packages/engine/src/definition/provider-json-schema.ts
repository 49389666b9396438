import { z } from 'zod';
import { providerDefinitionSchema } from './schema.js';

/** The `$id` of `schemas/provider.schema.json`. */
const PROVIDER_SCHEMA_ID = 'https://org.dev/schemas/provider.schema.json';

/**
 * The JSON Schema of provider.yaml (draft 2020-12, the input side: defaults optional), generated
 * from the zod schema, with shared parts under `$defs`.
 */
export function providerJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(providerDefinitionSchema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ jsonSchema }) => {
      const node = jsonSchema as Record<string, unknown>;
      // Field roles drive the loader; editors learn them from the descriptions.
      delete node.role;
      // zod bounds every integer by the safe range; only the bounds a definition sets say anything.
      if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
      if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
    },
  });
  return { $id: PROVIDER_SCHEMA_ID, ...schema };
}
