import type { CompiledJoin } from '../definition/compiled-types.js';
import type { TemplateScope } from '../definition/template.js';
import type { CallContext } from '../http/response-error.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS, type SourceProgress } from '../pagination/page-state.js';
import type { ConnectionRuntime } from './runtime.js';
import { skippedBy } from './status-rule.js';

/**
 * Every id the join's request lists, reading all its pages. A first page its `on_status` rule
 * skips lists no ids.
 */
export async function readJoinedIds(
  runtime: ConnectionRuntime,
  join: CompiledJoin,
  scope: TemplateScope,
  context: CallContext,
): Promise<Set<string>> {
  const ids = new Set<string>();
  let progress: SourceProgress | null = FRESH_PROGRESS;
  while (progress) {
    let page: Awaited<ReturnType<typeof readHttpPage>>;
    try {
      page = await readHttpPage(runtime, join, progress, scope, context);
    } catch (error) {
      if (progress === FRESH_PROGRESS && skippedBy(runtime, join.request, error, context)) return ids;
      throw error;
    }
    for (const id of await join.id.apply(page.records, {})) {
      if (id !== undefined && id !== null) ids.add(String(id));
    }
    progress = page.next;
  }
  return ids;
}

/** The raw records whose id (at the join's `match` path) is among `ids`. */
export async function keepJoined(
  join: CompiledJoin,
  records: readonly unknown[],
  ids: ReadonlySet<string>,
): Promise<unknown[]> {
  // One evaluation per page, like mappings: the ids come back aligned with the records.
  const matches = await join.match.apply(records, {});
  return records.filter((_, index) => {
    const id = matches[index];
    return id !== undefined && id !== null && ids.has(String(id));
  });
}
