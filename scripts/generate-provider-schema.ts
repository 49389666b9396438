import { z } from 'zod';
import { providerDefinitionSchema } from '../packages/engine/src/definition/schema.ts';
import type { GeneratedFile } from './generated-file.ts';

/** `schemas/provider.schema.json`, the JSON Schema of provider.yaml, from the engine's zod schema. */
export async function generateProviderSchema(): Promise<GeneratedFile[]> {
  const schema = z.toJSONSchema(providerDefinitionSchema, { target: 'draft-2020-12', io: 'input' });
  const withId = { $id: 'https://org.dev/schemas/provider.schema.json', ...schema };
  return [{ path: 'schemas/provider.schema.json', content: `${JSON.stringify(withId, null, 2)}\n` }];
}
