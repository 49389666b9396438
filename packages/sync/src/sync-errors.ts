import { EngineError, type EngineErrorCode } from '@org/engine';

/** An `EngineError` raised by the sync: messages read `[engine] users.sync: ...`. */
export function syncError(
  code: EngineErrorCode,
  message: string,
  context: { resource?: string; provider?: string; cause?: unknown } = {},
): EngineError {
  return new EngineError(code, message, { ...context, operation: 'sync' });
}
