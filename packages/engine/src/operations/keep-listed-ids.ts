import type { CompiledIdFilter } from '../definition/compiled-types.js';
import type { TemplateScope } from '../definition/template.js';
import type { CallContext } from '../http/response-error.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS, type SourceProgress } from '../pagination/page-state.js';
import type { ConnectionRuntime } from './runtime.js';

/** Every id the filter's request lists, reading all its pages. */
export async function listedIds(
  runtime: ConnectionRuntime,
  filter: CompiledIdFilter,
  scope: TemplateScope,
  context: CallContext,
): Promise<Set<string>> {
  const ids = new Set<string>();
  let progress: SourceProgress | null = FRESH_PROGRESS;
  while (progress) {
    const page = await readHttpPage(runtime, filter, progress, scope, context);
    for (const id of await filter.id.apply(page.records, {})) {
      if (id !== undefined && id !== null) ids.add(String(id));
    }
    progress = page.next;
  }
  return ids;
}

/** The raw records whose id (at the filter's `match` path) is among `ids`. */
export async function keepListed(
  filter: CompiledIdFilter,
  records: readonly unknown[],
  ids: ReadonlySet<string>,
): Promise<unknown[]> {
  // One evaluation per page, like mappings: the ids come back aligned with the records.
  const matches = await filter.match.apply(records, {});
  return records.filter((_, index) => {
    const id = matches[index];
    return id !== undefined && id !== null && ids.has(String(id));
  });
}
