import type { Problem } from '../errors/engine-error.js';
import type { RoleValue } from './field-roles.js';
import { checkTemplate, parseTemplate } from './template.js';

type Path = ReadonlyArray<string | number>;
type RawObject = Record<string, unknown>;

/** Names a root may read: the declared ones, or any name (records and parents have no declared shape). */
type Names = ReadonlySet<string> | 'any';

/** Credential fields every auth kind reads by itself, besides those a definition declares. */
const KIND_FIELDS: Record<string, readonly string[]> = {
  bearer: ['token'],
  basic: ['username', 'password'],
  oauth2_client_credentials: ['client_id', 'client_secret', 'private_key', 'key_id'],
  oauth2_refresh: ['refresh_token', 'client_id', 'client_secret', 'access_token', 'expires_at'],
};

function objectAt(node: unknown, ...path: Path): RawObject | undefined {
  let value = node;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as RawObject)[key];
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as RawObject)
    : undefined;
}

function keysOf(node: RawObject | undefined): Set<string> {
  return new Set(Object.keys(node ?? {}));
}

/** The credential fields of one auth method as written: declared, implied by its kind, named in its headers. */
function authFieldNames(method: RawObject | undefined): Set<string> {
  const names = keysOf(objectAt(method, 'fields'));
  for (const name of KIND_FIELDS[String(method?.kind)] ?? []) names.add(name);
  for (const header of Object.values(objectAt(method, 'headers') ?? {})) {
    if (typeof header !== 'string') continue;
    for (const path of parseTemplate(header).paths) {
      const [root, name] = path.split('.');
      if (root === 'auth' && name) names.add(name);
    }
  }
  return names;
}

/** The fields every auth method has: a template outside one method may only read those. */
function commonAuthFields(definition: RawObject): Set<string> {
  const methods = Array.isArray(definition.auth) ? (definition.auth as unknown[]) : [];
  const sets = methods.map((method) => authFieldNames(objectAt(method)));
  if (sets.length === 0) return new Set();
  return new Set([...sets[0]!].filter((name) => sets.every((set) => set.has(name))));
}

/** Named groups of a get's id_pattern: what `{{id_parts.x}}` may read. */
function idPartNames(get: RawObject | undefined): Set<string> {
  const pattern = get?.id_pattern;
  if (typeof pattern !== 'string') return new Set();
  return new Set([...pattern.matchAll(/\(\?<([A-Za-z_]\w*)>/g)].map((match) => match[1]!));
}

/** What a write request's templates read besides params: the record id, and the member's. */
const WRITE_ROOTS: Record<string, readonly string[]> = {
  create: [],
  update: ['id'],
  deactivate: ['id'],
  add_member: ['id', 'member_id'],
  remove_member: ['id', 'member_id'],
};

/**
 * The roots (and their names) a template may read where it stands: the values the engine has at
 * that point. A base URL knows only params; a get request knows the id; an enrich request knows
 * the record; a list request knows the filters, and its parent when it fans out.
 */
function rootsAt(definition: RawObject, path: Path): Map<string, Names> | undefined {
  const params = keysOf(objectAt(definition, 'params'));
  const [first, second] = path;
  if (first === 'base_url' || first === 'headers') return new Map([['params', params]]);
  if (first === 'auth') {
    return new Map<string, Names>([
      ['params', params],
      ['auth', authFieldNames(objectAt(definition, 'auth', second!))],
    ]);
  }
  if (first === 'rate_limit') {
    return new Map<string, Names>([
      ['params', params],
      ['auth', commonAuthFields(definition)],
    ]);
  }
  if (first !== 'resources') return undefined;
  // A resource served `by` a param: each of its `values` reads as a resource of its own.
  if (path[2] === 'values') {
    const inner = objectAt(definition, 'resources', second!, 'values');
    return rootsAt({ ...definition, resources: { [second!]: objectAt(inner, path[3]!) } }, [
      first,
      second!,
      ...path.slice(4),
    ]);
  }
  const resource = objectAt(definition, 'resources', second!);
  const enrichAt = path.indexOf('enrich');
  if (enrichAt >= 0) {
    return new Map<string, Names>([
      ['params', params],
      ['record', 'any'],
    ]);
  }
  const write = Object.hasOwn(WRITE_ROOTS, String(path[2])) ? WRITE_ROOTS[String(path[2])] : undefined;
  if (write)
    return new Map<string, Names>([['params', params], ...write.map((root) => [root, 'any'] as const)]);
  if (path[2] === 'get') {
    return new Map<string, Names>([
      ['params', params],
      ['id', 'any'],
      ['id_parts', idPartNames(objectAt(resource, 'get'))],
    ]);
  }
  const list = new Map<string, Names>([
    ['params', params],
    ['filter', keysOf(objectAt(resource, 'filters'))],
    ['limit', 'any'],
  ]);
  const requestAt = path.indexOf('request');
  const source = objectAt(definition, ...path.slice(0, requestAt));
  if (path[requestAt - 1] !== 'join' && objectAt(source, 'fan_out')) list.set('parent', 'any');
  return list;
}

function describe(roots: ReadonlyMap<string, Names>): string {
  return [...roots.keys()].join(', ');
}

/**
 * Problems of every template in a definition, written or not schema-valid: syntax, and every
 * placeholder naming a root the engine has at that point and a declared name under it
 * (`{{params.x}}` a declared param, `{{filter.x}}` a filter of the resource, `{{auth.x}}` a
 * credential field, `{{id_parts.x}}` a group of the id pattern).
 */
export function checkTemplates(definition: unknown, templates: readonly RoleValue[]): Problem[] {
  const problems: Problem[] = [];
  const raw = objectAt(definition) ?? {};
  for (const { path, value } of templates) {
    const where = path.join('.');
    const roots = rootsAt(raw, path);
    if (!roots) {
      for (const message of checkTemplate(value)) problems.push({ path: where, message });
      continue;
    }
    if (/\{\{|\}\}/.test(value.replace(/\{\{\s*[A-Za-z_][\w-]*(?:\.[\w-]+)*\s*\}\}/g, ''))) {
      problems.push({ path: where, message: 'unbalanced {{ }} in template' });
    }
    for (const placeholder of parseTemplate(value).paths) {
      const [root, name] = placeholder.split('.') as [string, string | undefined];
      const names = roots.get(root);
      if (names === undefined) {
        problems.push({
          path: where,
          message: `unknown placeholder {{${placeholder}}}: expected one of ${describe(roots)} here`,
        });
      } else if (names !== 'any' && (name === undefined || !names.has(name))) {
        problems.push({ path: where, message: `{{${placeholder}}} is not ${declaredWhat(root)}` });
      }
    }
  }
  return problems;
}

function declaredWhat(root: string): string {
  switch (root) {
    case 'params':
      return 'a declared param';
    case 'filter':
      return 'a declared filter of this resource';
    case 'auth':
      return 'a credential field of the auth method';
    case 'id_parts':
      return 'a named group of get.id_pattern';
    default:
      return `a declared ${root}`;
  }
}
