import type { CursorCodec } from '../cursor/cursor-codec.js';
import type { CompiledProvider } from '../definition/compiled-types.js';
import type { EngineError } from '../errors/engine-error.js';
import type { HttpClient } from '../http/http-client.js';
import type { UnifiedValidator } from '../validation/unified-validator.js';

/**
 * How mapped records are checked against the unified schemas:
 * - `drop` (default): one bad value never fails a listing. An invalid optional value (a field, a
 *   list item, an object lacking its own required field) is dropped from the record, the raw
 *   value staying in `remote_data`; a record without a valid id or another required field is
 *   skipped. Each is reported to `onWarning` (`schema_violation` or `mapping_error`, with the
 *   record id and the paths) and counted in the page's `stats`. `get` of such a record fails.
 * - `strict`: the first invalid record fails the call with `schema_violation`.
 * - `warn`: invalid records are returned as mapped and reported to `onWarning`.
 * - `off`: no check.
 */
export type ValidationMode = 'drop' | 'strict' | 'warn' | 'off';

/** Everything an operation needs about its connection. One per `engine.connect()`. */
export interface ConnectionRuntime {
  provider: CompiledProvider;
  params: Readonly<Record<string, string>>;
  baseUrl: URL;
  authMethod: string;
  http: HttpClient;
  validator: UnifiedValidator;
  validation: ValidationMode;
  cursors: CursorCodec;
  /** Keyed hash of the connection's stable credentials; cursors are bound to it. */
  credentialFingerprint: string;
  onWarning: (warning: EngineError) => void;
  /** Removes every secret of the connection from a text. */
  redact: (text: string) => string;
}
