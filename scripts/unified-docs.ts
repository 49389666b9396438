/**
 * Renders `docs/models.md`, the unified model reference: conventions, shared shapes, one field
 * table per resource, and which provider serves which resource (read from
 * `providers/<id>/provider.yaml`, only the keys of its `resources` map).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { UnifiedInputFile } from './unified-input-files.ts';
import {
  commonDefinitionName,
  commonDefinitions,
  isSchemaNode,
  type SchemaNode,
  type UnifiedSchemas,
} from './unified-schema-files.ts';

/** The resource keys (`user-directory/users`) a provider definition declares. */
export interface ProviderResources {
  id: string;
  resources: string[];
  /** The write operations each resource declares, e.g. `{ 'user-directory/users': ['create'] }`. */
  writes: Record<string, string[]>;
}

/** The write operations a definition can declare on a resource, in the order the docs list them. */
const WRITE_OPERATIONS = ['create', 'update', 'deactivate', 'add_member', 'remove_member'];

/** Reads every `providers/<id>/provider.yaml`; a missing folder or file means no provider. */
export async function readProviderResources(root: string): Promise<ProviderResources[]> {
  const entries = await readdir(join(root, 'providers'), { withFileTypes: true }).catch(() => []);
  const providers: ProviderResources[] = [];
  for (const id of entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    const text = await readFile(join(root, 'providers', id, 'provider.yaml'), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const definition: unknown = parse(text);
    const resources =
      isSchemaNode(definition) && isSchemaNode(definition.resources) ? definition.resources : {};
    const writes: Record<string, string[]> = {};
    for (const [key, entry] of Object.entries(resources)) {
      // A resource served `by` a param declares its writes in each of its `values`.
      const definitions =
        isSchemaNode(entry) && isSchemaNode(entry.values) && typeof entry.by === 'string'
          ? Object.values(entry.values)
          : [entry];
      const declared = WRITE_OPERATIONS.filter((operation) =>
        definitions.some((resource) => isSchemaNode(resource) && isSchemaNode(resource[operation])),
      );
      if (declared.length > 0) writes[key] = declared;
    }
    providers.push({ id, resources: Object.keys(resources).sort(), writes });
  }
  return providers;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function anchor(title: string): string {
  return title
    .toLowerCase()
    .replaceAll(/[^a-z0-9 -]/g, '')
    .replaceAll(' ', '-');
}

/** A short, linked description of a field's type. */
function typeOf(field: SchemaNode, common: Map<string, SchemaNode>): string {
  const definition = commonDefinitionName(field.$ref);
  if (definition !== undefined) {
    const title = String(common.get(definition)?.title ?? definition);
    return `[${title.toLowerCase()}](#${anchor(title)})`;
  }
  if (Array.isArray(field.enum))
    return `one of ${field.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  if (field.type === 'array' && isSchemaNode(field.items)) return `array of ${typeOf(field.items, common)}`;
  if (field.type === 'object' && field.additionalProperties === true) return 'object (any properties)';
  const format = typeof field.format === 'string' ? ` (${field.format})` : '';
  return `${String(field.type)}${format}`;
}

/** The object whose fields a field has: itself, its array items, or the common definition it refers to. */
function objectOf(field: SchemaNode, common: Map<string, SchemaNode>): SchemaNode | undefined {
  const target = field.type === 'array' && isSchemaNode(field.items) ? field.items : field;
  const definition = commonDefinitionName(target.$ref);
  const resolved = definition === undefined ? target : common.get(definition);
  return resolved && isSchemaNode(resolved.properties) ? resolved : undefined;
}

function fieldRows(schema: SchemaNode, common: Map<string, SchemaNode>, prefix = ''): string[] {
  const properties = isSchemaNode(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).flatMap(([name, field]) => {
    if (!isSchemaNode(field)) return [];
    const row = `| \`${prefix}${name}\` | ${typeOf(field, common)} | ${required.has(name) ? 'yes' : ''} | ${cell(String(field.description ?? ''))} |`;
    const nested = objectOf(field, common);
    const nestedPrefix = `${prefix}${name}${field.type === 'array' ? '[]' : ''}.`;
    return nested ? [row, ...fieldRows(nested, common, nestedPrefix)] : [row];
  });
}

function fieldTable(schema: SchemaNode, common: Map<string, SchemaNode>): string {
  return [
    '| Field | Type | Required | Description |',
    '| --- | --- | --- | --- |',
    ...fieldRows(schema, common),
  ].join('\n');
}

function commonSection(common: Map<string, SchemaNode>): string[] {
  const lines = [
    '## Shared shapes',
    '',
    'Defined once in `schemas/common.schema.json` and referenced by `$ref`.',
    '',
  ];
  for (const definition of common.values()) {
    lines.push(`### ${String(definition.title)}`, '', String(definition.description), '');
    if (isSchemaNode(definition.properties)) {
      lines.push(fieldTable(definition, common), '');
    } else {
      const examples = Array.isArray(definition.examples) ? definition.examples : [];
      lines.push(`Type: ${typeOf(definition, common)}. Example: \`${String(examples[0])}\`.`, '');
    }
  }
  return lines;
}

function providerMatrix(schemas: UnifiedSchemas, providers: ProviderResources[]): string[] {
  const lines = ['## Providers', ''];
  if (providers.length === 0) return [...lines, 'No provider folder declares resources yet.', ''];
  lines.push(
    'Which built-in provider serves which resource, read from the keys of `resources` in each `providers/<id>/provider.yaml`.',
    '',
    `| Resource | ${providers.map((provider) => provider.id).join(' | ')} |`,
    `| --- | ${providers.map(() => ':---:').join(' | ')} |`,
  );
  const known = new Set<string>();
  for (const { model, resource } of schemas.resources) {
    const key = `${model}/${resource}`;
    known.add(key);
    const marks = providers.map((provider) => (provider.resources.includes(key) ? '✓' : ''));
    lines.push(`| \`${key}\` | ${marks.join(' | ')} |`);
  }
  lines.push('');
  const written = [...new Set(providers.flatMap((provider) => Object.keys(provider.writes)))].sort();
  if (written.length > 0) {
    lines.push(
      'Write operations each provider declares (`create`, `update`, `deactivate`, `add_member`, `remove_member`).',
      '',
      `| Resource | Operation | ${providers.map((provider) => provider.id).join(' | ')} |`,
      `| --- | --- | ${providers.map(() => ':---:').join(' | ')} |`,
    );
    for (const key of written) {
      for (const operation of WRITE_OPERATIONS) {
        const marks = providers.map((provider) => (provider.writes[key]?.includes(operation) ? '✓' : ''));
        if (marks.some(Boolean)) lines.push(`| \`${key}\` | \`${operation}\` | ${marks.join(' | ')} |`);
      }
    }
    lines.push('');
  }
  for (const provider of providers) {
    const unknown = provider.resources.filter((key) => !known.has(key));
    if (unknown.length > 0)
      lines.push(
        `\`${provider.id}\` also declares resources without a unified schema: ${unknown.join(', ')}.`,
        '',
      );
  }
  return lines;
}

const CONVENTIONS = `## Conventions

- Field names are snake_case; ids are strings, unique within a resource.
- Time stamps end in \`_at\` and are ISO-8601 in UTC ending in \`Z\` (\`2024-05-01T17:03:11.000Z\`); dates without a
  time are \`YYYY-MM-DD\`.
- References to other records are objects: \`{ id, name? }\`, or \`{ id }\` where only the id is known.
- A field the provider has no value for is omitted: never \`null\`, never \`""\`, never an empty object.
- Enum fields hold the unified values listed below; the provider's raw value stays in \`remote_data\`.
- \`remote_data\` is the provider's raw object, the only place where properties outside the schema are allowed.
- \`timezone\` is an IANA name (\`America/Los_Angeles\`); \`locale\` is a BCP 47 tag with hyphens (\`en-US\`).
- Every schema is JSON Schema draft 2020-12 with \`additionalProperties: false\` and validates in Ajv strict mode.`;

/** The Markdown of docs/models.md. */
export function renderModelsReference(
  schemas: UnifiedSchemas,
  providers: ProviderResources[],
  inputs: readonly UnifiedInputFile[] = [],
): string {
  const common = commonDefinitions(schemas.common);
  const lines = [
    '<!-- Generated from schemas/**/*.schema.json and providers/*/provider.yaml by `pnpm generate`. Do not edit. -->',
    '',
    '# Unified models',
    '',
    'Every record the engine returns has one of the shapes below, whatever the provider. The JSON Schemas in',
    '`schemas/` are the source of truth; the TypeScript types exported by `@org/engine` are generated from them.',
    '',
    CONVENTIONS,
    '',
  ];
  let model: string | undefined;
  for (const file of schemas.resources) {
    if (file.model !== model) {
      model = file.model;
      lines.push(`## Model \`${model}\``, '');
    }
    lines.push(
      `### \`${file.model}/${file.resource}\``,
      '',
      `${String(file.schema.description)} Schema: \`${file.path}\`.`,
      '',
    );
    lines.push(fieldTable(file.schema, common), '');
    for (const input of inputs.filter(
      (candidate) => candidate.model === file.model && candidate.resource === file.resource,
    )) {
      lines.push(
        `#### \`${file.model}/${file.resource}\` input of \`${input.operation}\``,
        '',
        `${String(input.schema.description)} Schema: \`${input.path}\`.`,
        '',
        fieldTable(input.schema, common),
        '',
      );
    }
  }
  lines.push(...commonSection(common), ...providerMatrix(schemas, providers));
  return `${lines.join('\n').trimEnd()}\n`;
}
