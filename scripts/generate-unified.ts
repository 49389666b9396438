/**
 * Everything generated from the unified JSON Schemas in `schemas/`:
 * - the engine's record types (`unified-types.ts`),
 * - the schemas as constants the engine validates with, so the published package carries them
 *   and needs no repository at run time (`unified-schemas.ts`),
 * - the model reference `docs/models.md`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GeneratedFile, generatedHeader } from './generated-file.ts';
import { readProviderResources, renderModelsReference } from './unified-docs.ts';
import { readUnifiedInputs, type UnifiedInputFile } from './unified-input-files.ts';
import { readUnifiedSchemas, type UnifiedSchemas } from './unified-schema-files.ts';
import { renderUnifiedTypes } from './unified-types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED_FOLDER = 'packages/engine/src/generated';

function indentedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

function renderInputConstants(inputs: readonly UnifiedInputFile[]): string {
  const models = new Map<string, Map<string, string[]>>();
  for (const input of inputs) {
    const resources = models.get(input.model) ?? new Map<string, string[]>();
    const entries = resources.get(input.resource) ?? [];
    entries.push(`      ${input.operation}: ${indentedJson(input.schema, 3)},`);
    resources.set(input.resource, entries);
    models.set(input.model, resources);
  }
  const modelEntries = [...models].map(([model, resources]) => {
    const resourceEntries = [...resources].map(
      ([resource, entries]) => `    '${resource}': {\n${entries.join('\n')}\n    },`,
    );
    return `  '${model}': {\n${resourceEntries.join('\n')}\n  },`;
  });
  return [
    '/** Every unified write-input schema, by model, resource and operation. */',
    `export const UNIFIED_INPUT_SCHEMAS = {\n${modelEntries.join('\n')}\n} as const;\n`,
  ].join('\n');
}

function renderSchemaConstants(schemas: UnifiedSchemas, inputs: readonly UnifiedInputFile[]): string {
  const models = new Map<string, string[]>();
  for (const file of schemas.resources) {
    const entries = models.get(file.model) ?? [];
    entries.push(`    '${file.resource}': ${indentedJson(file.schema, 2)},`);
    models.set(file.model, entries);
  }
  const modelEntries = [...models].map(([model, entries]) => `  '${model}': {\n${entries.join('\n')}\n  },`);
  return [
    generatedHeader('schemas/**/*.schema.json'),
    '/** `schemas/common.schema.json`: the definitions every unified schema refers to by `$ref`. */',
    `export const COMMON_SCHEMA = ${indentedJson(schemas.common, 0)} as const;\n`,
    '/** Every unified JSON Schema (draft 2020-12), by model and resource id. */',
    `export const UNIFIED_SCHEMAS = {\n${modelEntries.join('\n')}\n} as const;\n`,
    renderInputConstants(inputs),
  ].join('\n');
}

/** Generates the unified record types, the schema constants and docs/models.md. */
export async function generateUnified(): Promise<GeneratedFile[]> {
  const schemas = await readUnifiedSchemas(root);
  const inputs = await readUnifiedInputs(root);
  const providers = await readProviderResources(root);
  return [
    { path: `${GENERATED_FOLDER}/unified-types.ts`, content: await renderUnifiedTypes(schemas, inputs) },
    { path: `${GENERATED_FOLDER}/unified-schemas.ts`, content: renderSchemaConstants(schemas, inputs) },
    { path: 'docs/models.md', content: renderModelsReference(schemas, providers, inputs) },
  ];
}
