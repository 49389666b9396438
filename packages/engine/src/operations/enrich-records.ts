import type { CompiledEnricher } from '../definition/compiled-types.js';
import type { CallContext } from '../http/response-error.js';
import { buildRequestUrl } from '../pagination/build-request-url.js';
import type { ConnectionRuntime } from './runtime.js';
import { skippedBy } from './status-rule.js';

/**
 * Calls each enricher once per raw record and returns copies of the records with the answers
 * under `_enriched.<name>`, ready for the mapping. Records that are not objects pass through.
 * Records are enriched one after the other: enrichment is for small resources, and a steady
 * sequence keeps within the provider's budget and the requests in a reproducible order.
 */
export async function enrichRecords(
  runtime: ConnectionRuntime,
  enrichers: readonly CompiledEnricher[],
  records: readonly unknown[],
  context: CallContext,
): Promise<unknown[]> {
  if (enrichers.length === 0) return [...records];
  const enriched: unknown[] = [];
  for (const record of records) enriched.push(await enrichOne(runtime, enrichers, record, context));
  return enriched;
}

async function enrichOne(
  runtime: ConnectionRuntime,
  enrichers: readonly CompiledEnricher[],
  record: unknown,
  context: CallContext,
): Promise<unknown> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const answers: Record<string, unknown> = {};
  for (const enricher of enrichers) {
    const url = await buildRequestUrl(runtime.baseUrl, enricher.request, { params: runtime.params, record });
    try {
      const response = await runtime.http.send({
        method: enricher.request.method,
        url,
        family: enricher.request.family,
        context,
      });
      const value = enricher.records ? await enricher.records.apply(response.body) : response.body;
      // JSONata marks its result arrays; remote_data carries plain JSON only.
      answers[enricher.name] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    } catch (error) {
      if (!skippedBy(runtime, enricher.request, error, context)) throw error;
    }
  }
  return { ...(record as Record<string, unknown>), _enriched: answers };
}
