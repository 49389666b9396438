import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { readProviderFolders } from './src/definition/provider-folders.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The built-in providers go into the bundle as they are in providers/ at build time: adding a
// folder there needs no change to this package's sources.
const define = { __BUILT_IN_PROVIDER_FILES__: JSON.stringify(readProviderFolders('../../providers')) };

/** The provider JSON Schema, shipped for editors, with an `$id` that names this version. */
function writeProviderSchema(): void {
  const schema = JSON.parse(readFileSync('../../schemas/provider.schema.json', 'utf8')) as Record<
    string,
    unknown
  >;
  const versioned = {
    ...schema,
    $id: `https://org.dev/schemas/engine/${manifest.version}/provider.schema.json`,
  };
  writeFileSync('dist/provider.schema.json', `${JSON.stringify(versioned, null, 2)}\n`);
}

export default defineConfig({
  // The library, the runner-free conformance checks, and the vitest suite (exported for
  // import only: vitest is ESM only).
  entry: ['src/index.ts', 'src/fixtures.ts', 'src/testing.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  shims: true,
  target: 'node20',
  define,
  external: ['vitest'],
  onSuccess: async () => writeProviderSchema(),
});
