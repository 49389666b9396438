import type { Connection, ListOptions, Page, ProxyRequest, ProxyResponse, WriteOptions } from '@org/engine';
import type { OptionValues } from '../arguments.js';
import { applyEnvFile, connectOptions, createCliEngine } from '../connection-options.js';
import { requestLog } from '../request-log.js';
import { observingDispatcher, type RequestObserver } from '../request-observer.js';
import type { RunContext } from '../run-context.js';

/** A unified record as the CLI handles it: printed, never inspected by type. */
export type UnifiedRow = Record<string, unknown>;

/**
 * The connection's operations with the model and resource as plain strings: the CLI takes
 * them from the command line, and the engine checks them at run time (`unsupported_resource`).
 */
export interface UntypedConnection {
  list(model: string, resource: string, options: ListOptions): Promise<Page<UnifiedRow>>;
  iterate(model: string, resource: string, options: Omit<ListOptions, 'cursor'>): AsyncIterable<UnifiedRow>;
  get(
    model: string,
    resource: string,
    id: string | undefined,
    options: { remoteData?: boolean },
  ): Promise<UnifiedRow>;
  proxy(request: ProxyRequest): Promise<ProxyResponse>;
  create(model: string, resource: string, input: UnifiedRow, options: WriteOptions): Promise<unknown>;
  update(
    model: string,
    resource: string,
    id: string,
    input: UnifiedRow,
    options: WriteOptions,
  ): Promise<unknown>;
  deactivate(model: string, resource: string, id: string, options: WriteOptions): Promise<unknown>;
  addMember(
    model: string,
    resource: string,
    id: string,
    memberId: string,
    options: WriteOptions,
  ): Promise<unknown>;
  removeMember(
    model: string,
    resource: string,
    id: string,
    memberId: string,
    options: WriteOptions,
  ): Promise<unknown>;
}

/** An open connection, with what it resolved to. */
export type OpenConnection = UntypedConnection & { readonly baseUrl: string; readonly authMethod: string };

/**
 * Makes the engine and connects to `providerId` with the connection options of the command
 * line (params and credentials are checked, no request is sent). Call it once the command's
 * own options are checked, so usage errors come first. `observers` see every request; with
 * `--verbose` each one is also logged.
 */
export async function openConnection(
  providerId: string,
  values: OptionValues,
  context: RunContext,
  observers: RequestObserver[] = [],
): Promise<OpenConnection> {
  applyEnvFile(values, context);
  const watching = values.verbose ? [...observers, requestLog(context)] : observers;
  const dispatcher = watching.length > 0 ? observingDispatcher(watching) : undefined;
  const engine = createCliEngine(values, context, dispatcher);
  const options = await connectOptions(engine, providerId, values, context);
  const connection: Connection = engine.connect(providerId, options);
  // The connection's own `baseUrl` and `authMethod` say what it resolved to.
  return connection as unknown as OpenConnection;
}
