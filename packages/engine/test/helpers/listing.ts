import type { Connection } from '../../src/index.js';
import { MockRoutes } from './mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from './test-engine.js';

/** A mapped record, seen without its unified type. */
export type AnyRecord = { id: string } & Record<string, unknown>;

/** The list and iterate calls, untyped, for tests that walk many resources with one helper. */
export type Listing = {
  list(
    model: string,
    resource: string,
    options?: Record<string, unknown>,
  ): Promise<{ result: AnyRecord[]; next_cursor: string | null }>;
  iterate(model: string, resource: string, options?: Record<string, unknown>): AsyncIterable<AnyRecord>;
};

/** An engine with the test provider over a MockAgent, its routes, and a connection to it. */
export function setupListing() {
  const test = createTestEngine();
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  const connection = connectTestProvider(test.engine) as unknown as Listing & Connection;
  return { ...test, routes, connection };
}
