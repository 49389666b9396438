import type { CursorCodec } from '../cursor/cursor-codec.js';
import type { CompiledProvider } from '../definition/compiled-types.js';
import type { EngineError } from '../errors/engine-error.js';
import type { HttpClient } from '../http/http-client.js';
import type { UnifiedValidator } from '../validation/unified-validator.js';

/** How mapped records are checked against the unified schemas. */
export type ValidationMode = 'strict' | 'warn' | 'off';

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
  onWarning: (warning: EngineError) => void;
  /** Removes every secret of the connection from a text. */
  redact: (text: string) => string;
}
