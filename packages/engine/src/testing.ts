/**
 * `@org/engine/testing`: the provider conformance suite as vitest tests, for a provider
 * folder in your own project. Each fixture runs through the public API against its recorded
 * exchanges (exact requests), every record is validated against the unified schemas in strict
 * mode, and the output is compared to its reviewed snapshot.
 *
 * @example
 * ```ts
 * // providers.test.ts
 * import { testProvider } from '@org/engine/testing';
 *
 * testProvider('providers/acme');
 * ```
 *
 * Needs `vitest` (a peer dependency). `@org/engine/fixtures` has the same checks without it.
 *
 * @packageDocumentation
 */

export * from './fixtures.js';
export { testProvider, testProviders } from './testing/vitest-suite.js';
