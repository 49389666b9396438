import type { CursorCodec } from '../cursor/cursor-codec.js';
import type { ProviderDefinition } from '../definition/compiled-types.js';
import type { EngineError } from '../errors/engine-error.js';
import type { HttpClient } from '../http/http-client.js';
import type { ValidationMode } from '../public-types.js';
import type { UnifiedValidator } from '../validation/unified-validator.js';

/** Everything an operation needs about its connection. One per `engine.connect()`. */
export interface ConnectionRuntime {
  provider: ProviderDefinition;
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
  /** Headers every request carries besides auth (the definition's, rendered), for dry runs. */
  defaultHeaders: Readonly<Record<string, string>>;
  /** Names of the headers the auth method adds; a dry run shows them with their values redacted. */
  authHeaderNames: () => string[];
}
