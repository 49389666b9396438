import type { CompiledRequest, CompiledStatusRule } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import type { CallContext } from '../http/response-error.js';
import type { ConnectionRuntime } from './runtime.js';

/**
 * The request's `on_status` rule for an error, when the error is an HTTP status the rule names:
 * the request then answers nothing. When the rule says `warn`, onWarning is told here.
 */
export function skippedBy(
  runtime: ConnectionRuntime,
  request: CompiledRequest,
  error: unknown,
  context: CallContext,
): CompiledStatusRule | undefined {
  if (!EngineError.isInstance(error) || error.status === undefined) return undefined;
  const rule = request.onStatus.get(error.status);
  if (rule?.warn !== undefined) {
    runtime.onWarning(
      new EngineError('provider_error', `${rule.warn} (${error.message})`, {
        provider: runtime.provider.id,
        resource: context.resource,
        operation: context.operation,
        status: error.status,
        cause: error,
      }),
    );
  }
  return rule;
}
