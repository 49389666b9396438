import type { CompiledResource, CompiledWrite } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { normaliseFilters } from '../operations/filters.js';
import { getRecord } from '../operations/get-record.js';
import { type ListState, listResource } from '../operations/list-resource.js';
import { Listing } from '../operations/listing.js';
import { finishRecord, mapPage, type UnifiedRecord } from '../operations/record-pipeline.js';
import type { ConnectionRuntime } from '../operations/runtime.js';

/** One write call after its request succeeded. */
export interface WriteOutcome {
  resource: CompiledResource;
  write: CompiledWrite;
  id: string | undefined;
  memberId: string | undefined;
  input: Record<string, unknown> | undefined;
  remoteData: boolean;
  /** The response body; undefined when a `skip` status rule said the change was already in effect. */
  body: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The first listed record matching the write's `find` filter for this input, if any. */
export async function findRecord(
  runtime: ConnectionRuntime,
  outcome: WriteOutcome,
): Promise<UnifiedRecord | undefined> {
  const { write, resource } = outcome;
  if (!write.find || !resource.list) return undefined;
  const filter = await write.find.apply(outcome.input ?? {}, { params: runtime.params, id: outcome.id });
  if (!isObject(filter)) return undefined;
  const filters = normaliseFilters(runtime.provider.id, resource, filter);
  const listing = new Listing(runtime, resource, { filters, remoteData: outcome.remoteData }, true);
  let state: ListState | undefined;
  do {
    const page = await listResource(listing, state);
    if (page.records[0]) return page.records[0];
    state = page.next ?? undefined;
  } while (state);
  return undefined;
}

/**
 * The record after the change, as the definition says to obtain it: mapped from the response,
 * read again with get, found by the input, or only `{ id }` when the provider returns nothing.
 */
export async function writeResult(
  runtime: ConnectionRuntime,
  outcome: WriteOutcome,
): Promise<UnifiedRecord | { id: string }> {
  const { write, resource } = outcome;
  const context = { provider: runtime.provider.id, resource: resource.key, operation: write.operation };
  const record =
    write.records && outcome.body !== undefined ? await write.records.apply(outcome.body) : outcome.body;
  const responseId =
    isObject(record) && record.id !== undefined && record.id !== null ? String(record.id) : undefined;
  const membership = write.operation === 'add_member' || write.operation === 'remove_member';
  const readBack =
    write.readBack ??
    (membership
      ? 'id'
      : isObject(record) && write.mapping
        ? 'response'
        : resource.get && (outcome.id ?? responseId)
          ? 'get'
          : 'id');
  const bindings = {
    params: runtime.params,
    id: outcome.id,
    member_id: outcome.memberId,
    input: outcome.input,
  };
  if (readBack === 'response' && isObject(record)) {
    const [mapped] = await mapPage(runtime, write.mapping, [record], {
      resource: resource.key,
      operation: write.operation,
      remoteData: outcome.remoteData,
      bindings,
    });
    // A record the unified schema rejects was reported to onWarning; the caller still learns its id.
    if (mapped) return mapped;
  }
  if (readBack === 'get' && resource.get) {
    return getRecord(runtime, resource, responseId ?? outcome.id, outcome.remoteData);
  }
  if (readBack === 'find') {
    const found = await findRecord(runtime, outcome);
    if (found) return found;
    if (write.pending) {
      const pending = await write.pending.apply(outcome.input ?? {}, bindings);
      const record = finishRecord(
        runtime,
        pending,
        undefined,
        { ...context, remoteData: false, bindings },
        context,
      );
      if (record) return record;
    }
  }
  const id = responseId ?? outcome.id;
  if (id === undefined) {
    throw new EngineError(
      'invalid_response',
      'the change succeeded but the response names no record',
      context,
    );
  }
  return { id };
}
