import { existsSync } from 'node:fs';
import { isUnifiedResourceKey } from '../validation/unified-resources.js';
import type { ProviderDefinition } from './compiled-types.js';
import { loadDefinition, readDefinitionFile } from './load-definition.js';

/** True when the string looks like a path (a folder or a .yaml file) rather than YAML text. */
function isPath(value: string): boolean {
  return !value.includes('\n') && (/\.ya?ml$/i.test(value) || existsSync(value));
}

/**
 * Loads a provider definition from a path (provider.yaml or its folder) or from YAML text.
 * Throws `invalid_definition` listing every problem with its path and line.
 */
export function loadProviderDefinition(pathOrYamlText: string): ProviderDefinition {
  const source = isPath(pathOrYamlText) ? readDefinitionFile(pathOrYamlText) : { text: pathOrYamlText };
  return loadDefinition(source, isUnifiedResourceKey);
}

/** Loads a definition from in-memory files (`provider.yaml` and its mappings), as the bundled built-ins are. */
export function loadDefinitionFromFiles(
  id: string,
  files: Readonly<Record<string, string>>,
): ProviderDefinition {
  const text = files['provider.yaml'];
  if (text === undefined) throw new Error(`built-in provider ${id} has no provider.yaml`);
  return loadDefinition(
    {
      text,
      origin: `providers/${id}/provider.yaml`,
      readFile: (path) => {
        const content = files[path.replace(/^\.\//, '')];
        if (content === undefined) throw new Error('no such file in the bundled provider');
        return content;
      },
    },
    isUnifiedResourceKey,
  );
}
