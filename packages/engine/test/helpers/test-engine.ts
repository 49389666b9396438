import { fileURLToPath } from 'node:url';
import { MockAgent } from 'undici';
import { loadProviderDefinition } from '../../src/definition/provider-source.js';
import { createEngine, type Engine, type EngineOptions } from '../../src/index.js';

export const TEST_PROVIDER_PATH = fileURLToPath(
  new URL('../fixtures/test-provider/provider.yaml', import.meta.url),
);
export const TEST_ORIGIN = 'https://acme.api.example.com';

/** The test-only provider, compiled once for the whole file. */
export const testProvider = loadProviderDefinition(TEST_PROVIDER_PATH);

export interface TestEngine {
  engine: Engine;
  agent: MockAgent;
  warnings: unknown[];
}

/** An engine serving the test provider through a MockAgent that refuses real network access. */
export function createTestEngine(options: Partial<EngineOptions> = {}): TestEngine {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const warnings: unknown[] = [];
  const engine = createEngine({
    providers: [testProvider],
    dispatcher: agent,
    cursorSecret: 'test-cursor-secret-0123456789',
    onWarning: (warning) => warnings.push(warning),
    ...options,
  });
  return { engine, agent, warnings };
}

/** Connects the test provider with an API key. */
export function connectTestProvider(engine: Engine) {
  return engine.connect('testco', {
    params: { tenant: 'acme' },
    auth: { method: 'api_key', token: 'secret-token-1' },
  });
}

export const JSON_HEADERS = { 'content-type': 'application/json' };
