/**
 * Renders `unified-types.ts` from the unified schemas with json-schema-to-typescript.
 *
 * Two things are done to each schema before it is compiled. Every `title` below the root is
 * dropped, because json-schema-to-typescript turns each titled node into a standalone type and the
 * schemas title every field (`Username`, `FirstName`... would flood the namespace). And each
 * `$ref` into common.schema.json becomes a `tsType` naming the shared type in the `Common`
 * namespace, so an address or a time stamp is one named type rather than a copy per schema.
 */
import { compile } from 'json-schema-to-typescript';
import { generatedHeader } from './generated-file.ts';
import type { UnifiedInputFile } from './unified-input-files.ts';
import {
  commonDefinitionName,
  commonDefinitions,
  isSchemaNode,
  pascalCase,
  type SchemaNode,
  type UnifiedSchemas,
} from './unified-schema-files.ts';

/** Keywords with no meaning for types; dropped so they cannot influence names or output. */
const IGNORED_KEYWORDS = new Set(['$schema', '$id', 'examples', 'title']);

function prepare(node: unknown, commonTypeNames: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, commonTypeNames));
  if (!isSchemaNode(node)) return node;
  const definition = commonDefinitionName(node.$ref);
  if (definition !== undefined) {
    const typeName = commonTypeNames.get(definition);
    if (typeName === undefined) throw new Error(`$ref to an unknown common definition: ${String(node.$ref)}`);
    return { tsType: `Common.${typeName}`, description: node.description };
  }
  const prepared: SchemaNode = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (IGNORED_KEYWORDS.has(keyword)) continue;
    prepared[keyword] =
      keyword === 'properties' && isSchemaNode(value)
        ? Object.fromEntries(
            Object.entries(value).map(([name, field]) => [name, prepare(field, commonTypeNames)]),
          )
        : prepare(value, commonTypeNames);
  }
  return prepared;
}

async function compileDeclaration(
  schema: SchemaNode,
  typeName: string,
  commonTypeNames: Map<string, string>,
) {
  const prepared = { ...(prepare(schema, commonTypeNames) as SchemaNode), title: typeName };
  return compile(prepared, typeName, {
    bannerComment: '',
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
  });
}

function declaredNames(code: string): string[] {
  return [...code.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!);
}

function namespace(name: string, description: string, declarations: string[]): string {
  const names = declarations.flatMap(declaredNames);
  const duplicate = names.find((declared, index) => names.indexOf(declared) !== index);
  // Interfaces with one name merge silently in TypeScript; two schemas must never share a type name.
  if (duplicate)
    throw new Error(
      `two schemas of namespace ${name} generate the type ${duplicate}; give them distinct titles`,
    );
  const body = declarations
    .join('\n')
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
  return `/** ${description} */\nexport namespace ${name} {\n${body}\n}\n`;
}

/** The TypeScript source of every unified record type, grouped in one namespace per model. */
export async function renderUnifiedTypes(
  schemas: UnifiedSchemas,
  inputs: readonly UnifiedInputFile[] = [],
): Promise<string> {
  const definitions = commonDefinitions(schemas.common);
  const commonTypeNames = new Map(
    [...definitions].map(([name, definition]) => [name, pascalCase(String(definition.title ?? name))]),
  );
  const commonDeclarations: string[] = [];
  for (const [name, definition] of definitions) {
    commonDeclarations.push(
      await compileDeclaration(definition, commonTypeNames.get(name)!, commonTypeNames),
    );
  }
  const sections = [namespace('Common', String(schemas.common.description), commonDeclarations)];

  const recordMapEntries: string[] = [];
  const inputMapEntries: string[] = [];
  const models = [...new Set(schemas.resources.map((file) => file.model))];
  for (const model of models) {
    const namespaceName = pascalCase(model);
    const declarations: string[] = [];
    const resourceEntries: string[] = [];
    for (const file of schemas.resources.filter((candidate) => candidate.model === model)) {
      const typeName = pascalCase(String(file.schema.title));
      declarations.push(await compileDeclaration(file.schema, typeName, commonTypeNames));
      resourceEntries.push(`    '${file.resource}': ${namespaceName}.${typeName};`);
    }
    const inputEntries = new Map<string, string[]>();
    for (const input of inputs.filter((candidate) => candidate.model === model)) {
      const typeName = pascalCase(String(input.schema.title));
      declarations.push(await compileDeclaration(input.schema, typeName, commonTypeNames));
      const entries = inputEntries.get(input.resource) ?? [];
      entries.push(`      ${input.operation}: ${namespaceName}.${typeName};`);
      inputEntries.set(input.resource, entries);
    }
    if (inputEntries.size > 0) {
      const resources = [...inputEntries].map(
        ([resource, entries]) => `    '${resource}': {\n${entries.join('\n')}\n    };`,
      );
      inputMapEntries.push(`  '${model}': {\n${resources.join('\n')}\n  };`);
    }
    sections.push(namespace(namespaceName, `Records of the \`${model}\` model.`, declarations));
    recordMapEntries.push(`  '${model}': {\n${resourceEntries.join('\n')}\n  };`);
  }

  return [
    generatedHeader('schemas/**/*.schema.json'),
    ...sections,
    '/** The record type of every unified resource, by model and resource id. */',
    `export interface UnifiedRecordMap {\n${recordMapEntries.join('\n')}\n}\n`,
    '/** A unified model id: `user-directory`, `hris`, `sso`. */',
    'export type UnifiedModel = keyof UnifiedRecordMap;\n',
    '/** A resource id of one model, e.g. `users` for `user-directory`. */',
    'export type UnifiedResource<Model extends UnifiedModel> = keyof UnifiedRecordMap[Model] & string;\n',
    "/** The record type of one resource, e.g. `UnifiedRecord<'sso', 'apps'>` is `Sso.App`. */",
    'export type UnifiedRecord<Model extends UnifiedModel, Resource extends UnifiedResource<Model>> =',
    '  UnifiedRecordMap[Model][Resource];\n',
    '/** The input type of every write operation that takes one, by model, resource and operation. */',
    `export interface UnifiedInputMap {\n${inputMapEntries.join('\n')}\n}\n`,
  ].join('\n');
}
