import type { CompiledResource, CompiledWrite } from '../definition/compiled-types.js';
import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';
import type { ConnectionRuntime } from '../operations/runtime.js';

/**
 * Checks a write input before anything is built or sent: fields the provider cannot change fail
 * with unsupported_field (the more useful message, so it comes first), then the unified input
 * schema must hold.
 */
export function checkInput(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  write: CompiledWrite,
  input: unknown,
  context: EngineErrorContext,
): void {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new EngineError('invalid_input', `${write.operation} needs an input object`, context);
  }
  const known = runtime.validator.inputFields(resource.model, resource.resource, write.operation);
  if (write.fields) {
    const unsupported = Object.keys(input).filter(
      (field) => !write.fields!.has(field) && (known === undefined || known.includes(field)),
    );
    if (unsupported.length > 0) {
      throw new EngineError(
        'unsupported_field',
        `${runtime.provider.id} cannot ${write.operation === 'create' ? 'set' : 'change'} ${unsupported.join(', ')} (it can: ${[...write.fields].join(', ') || 'nothing'}); nothing was sent`,
        {
          ...context,
          problems: unsupported.map((field) => ({ path: field, message: 'not supported by this provider' })),
        },
      );
    }
  }
  const problems = runtime.validator.validateInput(resource.model, resource.resource, write.operation, input);
  if (problems && problems.length > 0) {
    throw new EngineError(
      'invalid_input',
      'the input does not match the unified input schema; nothing was sent',
      {
        ...context,
        problems,
      },
    );
  }
}
