import type { CompiledProvider } from './definition/compiled-types.js';
import { loadDefinitionFromFiles } from './definition/provider-source.js';
import { BUILT_IN_PROVIDER_FILES } from './generated/built-in-provider-files.js';

let compiled: CompiledProvider[] | undefined;

/**
 * The providers bundled from `providers/*` at build time, compiled once per process on first
 * use (definitions are immutable, so every engine can share them).
 */
export function builtInProviders(): CompiledProvider[] {
  compiled ??= Object.entries(BUILT_IN_PROVIDER_FILES).map(([id, files]) =>
    loadDefinitionFromFiles(id, files),
  );
  return compiled;
}
