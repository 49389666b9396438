import { fileURLToPath } from 'node:url';
import type { ProviderDefinition } from './definition/compiled-types.js';
import { type ProviderFolderFiles, readProviderFolders } from './definition/provider-folders.js';
import { loadDefinitionFromFiles } from './definition/provider-source.js';

/** The folders of `providers/`, put in by the build (tsup `define`); absent when running from source. */
declare const __BUILT_IN_PROVIDER_FILES__: ProviderFolderFiles | undefined;

let compiled: ProviderDefinition[] | undefined;

function builtInFiles(): ProviderFolderFiles {
  if (typeof __BUILT_IN_PROVIDER_FILES__ !== 'undefined') return __BUILT_IN_PROVIDER_FILES__;
  // From source (tests, tsx), the repository's folders are read as they are now.
  return readProviderFolders(fileURLToPath(new URL('../../../providers', import.meta.url)));
}

/**
 * The providers bundled from `providers/*` at build time, compiled once per process on first
 * use (definitions are immutable, so every engine can share them).
 */
export function builtInProviders(): ProviderDefinition[] {
  compiled ??= Object.entries(builtInFiles()).map(([id, files]) => loadDefinitionFromFiles(id, files));
  return compiled;
}
