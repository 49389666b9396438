import { type Connection, createEngine, type Engine } from '@org/engine';

type Listing = {
  iterate(model: string, resource: string, options?: object): AsyncIterable<Record<string, unknown>>;
  get(model: string, resource: string, id?: string, options?: object): Promise<Record<string, unknown>>;
};

/** Every record of a resource through the public API (a singleton through `get`). */
export async function everyRecord(
  connection: Connection,
  key: string,
  options: object = {},
): Promise<Array<Record<string, unknown>>> {
  const [model, resource] = key.split('/') as [string, string];
  const client = connection as unknown as Listing;
  if (resource === 'me') return [await client.get(model, resource)];
  const records: Array<Record<string, unknown>> = [];
  for await (const record of client.iterate(model, resource, options)) records.push(record);
  return records;
}

/** Every `model/resource` a provider serves, from `engine.providers()`. */
export function servedResources(engine: Engine, provider: string): string[] {
  const summary = engine.providers().find((candidate) => candidate.id === provider);
  if (!summary) throw new Error(`no provider ${provider}`);
  return Object.entries(summary.models).flatMap(([model, resources]) =>
    resources.map((resource) => `${model}/${resource}`),
  );
}

/** An engine with the built-in definitions that fails on any schema violation or warning. */
export function strictEngine(): { engine: Engine; warnings: string[] } {
  const warnings: string[] = [];
  const engine = createEngine({ validate: 'strict', onWarning: (warning) => warnings.push(warning.message) });
  return { engine, warnings };
}
