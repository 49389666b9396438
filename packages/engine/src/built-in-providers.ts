import { fileURLToPath } from 'node:url';
import type { ProviderDefinition } from './definition/compiled-types.js';
import { type ProviderFolderFiles, readProviderFolders } from './definition/provider-folders.js';
import { loadDefinitionFromFiles } from './definition/provider-source.js';

/** The folders of `providers/`, put in by the build (tsup `define`); absent when running from source. */
declare const __BUILT_IN_PROVIDER_FILES__: ProviderFolderFiles | undefined;

let files: ProviderFolderFiles | undefined;
const compiled = new Map<string, ProviderDefinition>();

function builtInFiles(): ProviderFolderFiles {
  if (typeof __BUILT_IN_PROVIDER_FILES__ !== 'undefined') return __BUILT_IN_PROVIDER_FILES__;
  // From source (tests, tsx), the repository's folders are read as they are now, once.
  files ??= readProviderFolders(fileURLToPath(new URL('../../../providers', import.meta.url)));
  return files;
}

/** The ids of the providers bundled from `providers/*` at build time. */
export function builtInProviderIds(): string[] {
  return Object.keys(builtInFiles());
}

/**
 * A provider bundled from `providers/*`, compiled once per process on first use (definitions
 * are immutable, so every engine can share them). Compiled one by one, when a provider is first
 * asked for: a process that connects to one provider never pays for compiling the others.
 */
export function builtInProvider(id: string): ProviderDefinition {
  let provider = compiled.get(id);
  if (provider === undefined) {
    const all = builtInFiles();
    if (!Object.hasOwn(all, id)) throw new Error(`no built-in provider ${id}`);
    const folder = all[id] as Record<string, string>;
    provider = loadDefinitionFromFiles(id, folder);
    compiled.set(id, provider);
  }
  return provider;
}

/** Every provider bundled from `providers/*`, compiled (each once per process). */
export function builtInProviders(): ProviderDefinition[] {
  return builtInProviderIds().map(builtInProvider);
}
