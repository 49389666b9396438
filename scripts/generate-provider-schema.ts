import { providerJsonSchema } from '../packages/engine/src/definition/provider-json-schema.ts';
import type { GeneratedFile } from './generated-file.ts';

/** `schemas/provider.schema.json`, the JSON Schema of provider.yaml, from the engine's zod schema. */
export async function generateProviderSchema(): Promise<GeneratedFile[]> {
  const schema = providerJsonSchema();
  return [{ path: 'schemas/provider.schema.json', content: `${JSON.stringify(schema, null, 2)}\n` }];
}
