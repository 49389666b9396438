import type { CompiledWrite } from '../definition/compiled-types.js';
import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';
import { errorFromResponse } from '../http/response-error.js';
import type { ConnectionRuntime } from '../operations/runtime.js';
import type { WriteScope } from './build-write-request.js';

/** What a write's status rule decided about an error answer that is not a failure. */
export type StatusOutcome = 'exists' | 'skip';

/**
 * Applies the write's `on_status` rule for an error status. A rule whose `when` does not hold
 * is no rule: the status fails as usual. `exists` and `skip` come back to the caller; an error
 * rule fails with its code and the provider's message.
 */
export async function applyStatusRule(
  runtime: ConnectionRuntime,
  write: CompiledWrite,
  status: number,
  body: unknown,
  scope: WriteScope,
  context: EngineErrorContext & { operation: string },
): Promise<StatusOutcome> {
  const providerError = await errorFromResponse(runtime.provider, status, body, context, runtime.redact);
  const rule = write.onStatus.get(status);
  if (rule === undefined) throw providerError;
  // The provider's text stays in the message: it often names the field or role at fault.
  const detail = providerError.message.replace(/^\[engine\][^:]*: /, '');
  if (rule.kind !== 'skip' && rule.when) {
    const holds = await rule.when.apply({
      status,
      message: detail.replace(/^HTTP \d+(: )?/, ''),
      code: providerError.providerCode,
      ...scope,
    });
    if (holds !== true) throw providerError;
  }
  if (rule.kind === 'exists') return 'exists';
  if (rule.kind === 'skip') {
    if (rule.warn !== undefined) {
      runtime.onWarning(
        new EngineError('provider_error', `${rule.warn} (${providerError.message})`, {
          ...context,
          status,
          cause: providerError,
        }),
      );
    }
    return 'skip';
  }
  throw new EngineError(rule.code, rule.message ? `${rule.message} (${detail})` : detail, {
    ...context,
    status,
    providerCode: providerError.providerCode,
    cause: providerError,
  });
}
