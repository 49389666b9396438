import type { CompiledResource } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { buildRequestUrl } from '../pagination/build-request-url.js';
import { enrichRecords } from './enrich-records.js';
import { type ListState, listResource } from './list-resource.js';
import { Listing } from './listing.js';
import { mapPage, type UnifiedRecord } from './record-pipeline.js';
import type { ConnectionRuntime } from './runtime.js';
import { skippedBy } from './status-rule.js';

/** Fetches one record by id, or a singleton (such as `me`) when the resource is one. */
export async function getRecord(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  id: string | undefined,
  remoteData: boolean,
): Promise<UnifiedRecord> {
  const context = { provider: runtime.provider.id, resource: resource.key, operation: 'get' };
  const get = resource.get;
  if (!get) throw new EngineError('unsupported_operation', 'get is not supported for this resource', context);
  if (!resource.singleton && (typeof id !== 'string' || id === '')) {
    throw new EngineError('invalid_request', 'get needs a record id', context);
  }
  if (get.fromList) return findInList(runtime, resource, id, remoteData);

  let idParts: Record<string, string> | undefined;
  if (get.idPattern && id !== undefined) {
    const match = get.idPattern.exec(id);
    if (!match?.groups)
      throw new EngineError(
        'not_found',
        `no record with id ${id} (ids here look like ${get.idPattern.source})`,
        context,
      );
    idParts = { ...match.groups } as Record<string, string>;
  }
  const request = get.request!;
  const url = await buildRequestUrl(runtime.baseUrl, request, {
    params: runtime.params,
    id,
    id_parts: idParts,
  });
  let response: Awaited<ReturnType<typeof runtime.http.send>>;
  try {
    response = await runtime.http.send({ method: request.method, url, family: request.family, context });
  } catch (error) {
    // A status the request's rule skips means there is no such record.
    if (!skippedBy(runtime, request, error, context)) throw error;
    throw new EngineError('not_found', `no record with id ${id}`, { ...context, cause: error });
  }
  const body = get.records ? await get.records.apply(response.body) : response.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new EngineError(
      body === undefined ? 'not_found' : 'invalid_response',
      'the response holds no single record',
      {
        ...context,
        status: response.status,
      },
    );
  }
  const enriched = await enrichRecords(runtime, get.enrichers, [body], context);
  const [record] = await mapPage(runtime, get.mapping, enriched, {
    resource: resource.key,
    operation: 'get',
    remoteData,
    rawId: resource.rawId,
    bindings: { params: runtime.params, id, id_parts: idParts },
  });
  return record!;
}

/** For resources without a get endpoint (static or derived records): walk the listing. */
async function findInList(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  id: string | undefined,
  remoteData: boolean,
): Promise<UnifiedRecord> {
  let state: ListState | undefined;
  const listing = new Listing(runtime, resource, { filters: {}, remoteData }, true);
  do {
    const page = await listResource(listing, state);
    const found = page.records.find((record) => resource.singleton || record.id === id);
    if (found) return found;
    state = page.next ?? undefined;
  } while (state);
  throw new EngineError('not_found', `no record with id ${id}`, {
    provider: runtime.provider.id,
    resource: resource.key,
    operation: 'get',
  });
}
