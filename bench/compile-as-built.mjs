/**
 * Runs the benchmarks' TypeScript compiled the way the packages are built (esbuild, the version
 * tsup uses, names not kept), instead of through tsx. tsx always sets esbuild's `keepNames`,
 * which wraps every function and class it compiles in a `__name(...)` call that defines a
 * property on each closure as it is made: the compiled mappings make closures per record, and
 * in one measurement (the Okta users mapping alone) that doubled their cost against the built
 * package. Measured this way, both the engine and the hand-written client run as a consumer's
 * bundle or the published build would run them.
 *
 *   node --conditions=@org/source --import ./bench/compile-as-built.mjs bench/contenders.ts
 */
import { register } from 'node:module';

register('./compile-as-built-hooks.mjs', import.meta.url);
