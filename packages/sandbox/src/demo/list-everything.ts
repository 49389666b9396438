import { type Connection, EngineError, type ProviderSummary } from '@org/engine';

/** What listing one resource produced. */
export interface ResourceReport {
  resource: string;
  records: number;
  pages: number;
  milliseconds: number;
  uniqueIds: boolean;
  sample: Record<string, unknown> | undefined;
  error?: string;
}

type AnyConnection = {
  list(
    model: string,
    resource: string,
    options?: object,
  ): Promise<{ result: Array<Record<string, unknown>>; next_cursor: string | null }>;
  get(model: string, resource: string, id?: string, options?: object): Promise<Record<string, unknown>>;
};

/**
 * Lists every unified resource a provider serves through the public API, page by page with
 * cursors, and reports count, pages, time and whether ids are unique. Singletons (such as `me`)
 * are fetched with `get`.
 */
export async function listEverything(
  connection: Connection,
  summary: ProviderSummary,
): Promise<ResourceReport[]> {
  const client = connection as unknown as AnyConnection;
  const reports: ResourceReport[] = [];
  for (const [model, resources] of Object.entries(summary.models)) {
    for (const resource of resources) {
      const started = performance.now();
      const key = `${model}/${resource}`;
      try {
        const report = await listOne(client, model, resource);
        reports.push({ resource: key, ...report, milliseconds: performance.now() - started });
      } catch (error) {
        if (EngineError.isInstance(error) && error.code === 'unsupported_operation') {
          const record = await client.get(model, resource, undefined, { remoteData: false });
          reports.push({
            resource: key,
            records: 1,
            pages: 1,
            uniqueIds: true,
            sample: record,
            milliseconds: performance.now() - started,
          });
          continue;
        }
        const message = error instanceof Error ? error.message : String(error);
        reports.push({
          resource: key,
          records: 0,
          pages: 0,
          uniqueIds: false,
          sample: undefined,
          milliseconds: performance.now() - started,
          error: message,
        });
      }
    }
  }
  return reports;
}

async function listOne(client: AnyConnection, model: string, resource: string) {
  const ids = new Set<string>();
  let records = 0;
  let pages = 0;
  let sample: Record<string, unknown> | undefined;
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<AnyConnection['list']>> = await client.list(model, resource, {
      cursor,
      remoteData: false,
    });
    pages += 1;
    records += page.result.length;
    for (const record of page.result) ids.add(String(record.id));
    sample ??= page.result[0];
    cursor = page.next_cursor;
  } while (cursor !== null);
  return { records, pages, uniqueIds: ids.size === records, sample };
}
