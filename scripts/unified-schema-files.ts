/**
 * Reads the unified JSON Schemas under `schemas/`: `common.schema.json` and one folder per model
 * with one `<resource>.schema.json` per resource. The folders are discovered, so a new resource
 * is a new file and nothing else.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A JSON Schema object as parsed from disk. */
export type SchemaNode = { [keyword: string]: unknown };

/** One resource schema and where it sits. */
interface UnifiedSchemaFile {
  /** Model id, the folder name: `user-directory`. */
  model: string;
  /** Resource id, the file name without `.schema.json`: `app-users`. */
  resource: string;
  /** Repository-relative path, for messages and generated comments. */
  path: string;
  schema: SchemaNode;
}

/** Every unified schema, in a stable order (models, then resources, alphabetically). */
export interface UnifiedSchemas {
  common: SchemaNode;
  resources: UnifiedSchemaFile[];
}

const SCHEMA_BASE_URL = 'https://org.dev/schemas/';
const SCHEMA_SUFFIX = '.schema.json';

/** `user-directory` -> `UserDirectory`, `App user` -> `AppUser`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** True for a JSON object (not an array, not null). */
export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readSchema(root: string, path: string): Promise<SchemaNode> {
  const parsed: unknown = JSON.parse(await readFile(join(root, path), 'utf8'));
  if (!isSchemaNode(parsed)) throw new Error(`${path}: expected a JSON object`);
  const expectedId = `${SCHEMA_BASE_URL}${path.slice('schemas/'.length)}`;
  if (parsed.$id !== expectedId)
    throw new Error(`${path}: $id must be ${expectedId}, found ${String(parsed.$id)}`);
  if (typeof parsed.title !== 'string')
    throw new Error(`${path}: a title is required (it names the generated type)`);
  return parsed;
}

/** Reads `schemas/common.schema.json` and every `schemas/<model>/<resource>.schema.json`. */
export async function readUnifiedSchemas(root: string): Promise<UnifiedSchemas> {
  const common = await readSchema(root, 'schemas/common.schema.json');
  const entries = await readdir(join(root, 'schemas'), { withFileTypes: true });
  const models = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const resources: UnifiedSchemaFile[] = [];
  for (const model of models) {
    const files = (await readdir(join(root, 'schemas', model)))
      .filter((name) => name.endsWith(SCHEMA_SUFFIX))
      .sort();
    for (const file of files) {
      const path = `schemas/${model}/${file}`;
      resources.push({
        model,
        resource: file.slice(0, -SCHEMA_SUFFIX.length),
        path,
        schema: await readSchema(root, path),
      });
    }
  }
  return { common, resources };
}

/** The `$defs` name a `$ref` into common.schema.json points at, or undefined for any other reference. */
export function commonDefinitionName(reference: unknown): string | undefined {
  if (typeof reference !== 'string') return undefined;
  return /(?:^|\/)common\.schema\.json#\/\$defs\/([^/]+)$/.exec(reference)?.[1];
}

/** The definitions of common.schema.json, by name. */
export function commonDefinitions(common: SchemaNode): Map<string, SchemaNode> {
  const definitions = isSchemaNode(common.$defs) ? common.$defs : {};
  return new Map(
    Object.entries(definitions).filter((entry): entry is [string, SchemaNode] => isSchemaNode(entry[1])),
  );
}
