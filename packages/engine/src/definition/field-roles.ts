import { globalRegistry, type z } from 'zod';

/**
 * What the text of a definition field is: a JSONata expression (inline or a `.jsonata` file), a
 * `{{ path }}` template, or a regular expression. Fields without a role are plain values. The zod
 * schema marks each leaf with `.meta({ role })`; loading, syntax checks, template checks and regex
 * compilation all read the one list derived from it, so no hand-kept list of keys can drift.
 */
type FieldRole = 'jsonata' | 'template' | 'regex';

/** A field path of the schema, `*` standing for any record key or array index. */
export interface RoleField {
  pattern: readonly string[];
  role: FieldRole;
}

/** A field with a role found in a definition, with its path and text. */
export interface RoleValue {
  path: Array<string | number>;
  role: FieldRole;
  value: string;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

function roleOf(schema: z.ZodType): FieldRole | undefined {
  const role = globalRegistry.get(schema)?.role;
  return role === 'jsonata' || role === 'template' || role === 'regex' ? role : undefined;
}

function walk(schema: z.ZodType, path: string[], out: Map<string, RoleField>): void {
  const role = roleOf(schema);
  if (role) {
    const key = path.join('.');
    const known = out.get(key);
    if (known && known.role !== role)
      throw new Error(`field ${key} has two roles: ${known.role} and ${role}`);
    out.set(key, { pattern: path, role });
    return;
  }
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const next = (inner: unknown, at: string[]) => walk(inner as z.ZodType, at, out);
  if (WRAPPERS.has(def.type)) next(def.innerType, path);
  else if (def.type === 'pipe') next(def.in, path);
  else if (def.type === 'lazy') next((def.getter as () => unknown)(), path);
  else if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, unknown>))
      next(value, [...path, key]);
  } else if (def.type === 'record') next(def.valueType, [...path, '*']);
  else if (def.type === 'array') next(def.element, [...path, '*']);
  else if (def.type === 'union') for (const option of def.options as unknown[]) next(option, path);
}

/** Every field of the schema that has a role, in schema order. */
export function roleFields(schema: z.ZodType): RoleField[] {
  const out = new Map<string, RoleField>();
  walk(schema, [], out);
  return [...out.values()];
}

/** The fields with a role present in a (possibly invalid) definition: the text at each matching path. */
export function roleValues(data: unknown, fields: readonly RoleField[]): RoleValue[] {
  const found: RoleValue[] = [];
  for (const field of fields) {
    const visit = (node: unknown, index: number, path: Array<string | number>) => {
      if (index === field.pattern.length) {
        if (typeof node === 'string') found.push({ path, role: field.role, value: node });
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const step = field.pattern[index]!;
      if (step !== '*') {
        if (Object.hasOwn(node, step))
          visit((node as Record<string, unknown>)[step], index + 1, [...path, step]);
        return;
      }
      const entries = Array.isArray(node) ? node.entries() : Object.entries(node);
      for (const [key, value] of entries) visit(value, index + 1, [...path, key]);
    };
    visit(data, 0, []);
  }
  return found;
}
