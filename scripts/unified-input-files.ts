/**
 * Reads the unified write-input schemas: `schemas/<model>/inputs/<resource>.<operation>.schema.json`,
 * e.g. `schemas/user-directory/inputs/users.create.schema.json`. Like the record schemas, the
 * files are discovered: a new input is a new file and nothing else.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSchemaNode, type SchemaNode } from './unified-schema-files.ts';

/** One input schema and where it sits. */
export interface UnifiedInputFile {
  model: string;
  resource: string;
  /** The write operation the input is for: `create`, `update`. */
  operation: string;
  path: string;
  schema: SchemaNode;
}

const SCHEMA_BASE_URL = 'https://org.dev/schemas/';
const FILE_NAME = /^([a-z][a-z-]*)\.([a-z][a-z_]*)\.schema\.json$/;

/** Every input schema, in a stable order (models, resources, operations, alphabetically). */
export async function readUnifiedInputs(root: string): Promise<UnifiedInputFile[]> {
  const models = (await readdir(join(root, 'schemas'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const inputs: UnifiedInputFile[] = [];
  for (const model of models) {
    const folder = join(root, 'schemas', model, 'inputs');
    const files = (await readdir(folder).catch(() => [] as string[])).sort();
    for (const file of files) {
      const path = `schemas/${model}/inputs/${file}`;
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`${path}: expected <resource>.<operation>.schema.json`);
      const parsed: unknown = JSON.parse(await readFile(join(root, path), 'utf8'));
      if (!isSchemaNode(parsed)) throw new Error(`${path}: expected a JSON object`);
      const expectedId = `${SCHEMA_BASE_URL}${path.slice('schemas/'.length)}`;
      if (parsed.$id !== expectedId)
        throw new Error(`${path}: $id must be ${expectedId}, found ${String(parsed.$id)}`);
      if (typeof parsed.title !== 'string') throw new Error(`${path}: a title is required`);
      inputs.push({ model, resource: match[1]!, operation: match[2]!, path, schema: parsed });
    }
  }
  return inputs;
}
