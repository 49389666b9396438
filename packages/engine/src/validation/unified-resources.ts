import { UNIFIED_SCHEMAS } from '../generated/unified-schemas.js';

/** True for `model/resource` pairs that have a unified schema, e.g. `user-directory/users`. */
export function isUnifiedResourceKey(key: string): boolean {
  const [model, resource] = key.split('/');
  const schemas = UNIFIED_SCHEMAS as Record<string, Record<string, unknown>>;
  return (
    model !== undefined &&
    resource !== undefined &&
    Object.hasOwn(schemas, model) &&
    Object.hasOwn(schemas[model]!, resource)
  );
}
