import type { CompiledDerivedSource } from '../definition/compiled-types.js';
import { type RawPosition, type RawResourcePage, readRawPage } from './raw-reader.js';
import { finishRecord, type UnifiedRecord } from './record-pipeline.js';
import type { SourceStep } from './source-pipeline.js';

/** Reads the whole source resource, derives records page by page and keeps the first of each id. */
export async function readDerived(
  { listing, stats }: SourceStep,
  source: CompiledDerivedSource,
): Promise<UnifiedRecord[]> {
  const { runtime, resource, request } = listing;
  const errorContext = { provider: runtime.provider.id, resource: resource.key, operation: 'list' };
  const context = {
    resource: resource.key,
    operation: 'list',
    remoteData: request.remoteData,
    bindings: { params: runtime.params },
    stats,
  };
  const byId = new Map<string, UnifiedRecord>();
  let position: RawPosition | null = { source: 0 };
  while (position) {
    const page: RawResourcePage = await readRawPage(runtime, source.from, position);
    const derived = await source.mapping.apply(page.records, context.bindings);
    for (const output of derived) {
      const id = (output as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && byId.has(id)) continue;
      const record = finishRecord(runtime, output, undefined, context, errorContext);
      if (record) byId.set(record.id, record);
    }
    position = page.next;
  }
  return [...byId.values()];
}
