import type { ProviderDefinition } from '../definition/compiled-types.js';
import { EngineError, type Problem } from '../errors/engine-error.js';
import { isHeaderUnsafe } from '../http/header-values.js';

/**
 * Validates connection params against the definition (required, enum, pattern, default) before
 * any request, and returns them with defaults applied. Every problem is reported at once. A
 * param that only builds the base URL is optional when the caller gives `baseUrl` instead.
 */
export function resolveParams(
  provider: ProviderDefinition,
  given: Record<string, unknown> | undefined,
  baseUrlGiven = false,
): Record<string, string> {
  const problems: Problem[] = [];
  const resolved: Record<string, string> = {};
  const input = given ?? {};
  for (const name of Object.keys(input)) {
    if (!provider.params.has(name)) {
      const known = [...provider.params.keys()];
      problems.push({
        path: `params.${name}`,
        message: `unknown param; expected ${known.length ? known.join(', ') : 'none'}`,
      });
    }
  }
  for (const [name, param] of provider.params) {
    const path = `params.${name}`;
    const raw = input[name];
    if (raw === undefined || raw === null || raw === '') {
      if (param.default !== undefined) resolved[name] = param.default;
      else if (param.required && !(baseUrlGiven && param.baseUrlOnly))
        problems.push({ path, message: `required${param.hint ? `: ${param.hint}` : ''}` });
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push({ path, message: `expected a string, got ${typeof raw}` });
      continue;
    }
    const value = raw.trim();
    if (param.enum && !param.enum.includes(value)) {
      problems.push({ path, message: `${JSON.stringify(value)} is not one of ${param.enum.join(', ')}` });
      continue;
    }
    if (param.pattern && !param.pattern.test(value)) {
      problems.push({
        path,
        message: `${JSON.stringify(value)} is not valid${param.hint ? `: ${param.hint}` : ''}`,
      });
      continue;
    }
    // A line break would let a param placed in a header smuggle in another header; the value
    // itself is not quoted back.
    if (isHeaderUnsafe(value)) {
      problems.push({ path, message: 'must not contain control characters such as CR, LF or NUL' });
      continue;
    }
    resolved[name] = value;
  }
  if (problems.length > 0) {
    throw new EngineError('invalid_params', 'invalid connection params', {
      provider: provider.id,
      operation: 'connect',
      problems,
    });
  }
  return resolved;
}
