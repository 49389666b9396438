import type { Problem } from '../errors/engine-error.js';
import { MAPPING_HELPERS } from '../mapping/jsonata-helpers.js';
import { allowedHosts, hostAllowed } from './allowed-hosts.js';
import { checkWrites } from './check-writes.js';
import type { ParsedDefinition } from './schema.js';
import { providerDefinitionSchema } from './schema.js';
import type { ResourceDefinition, ResourceEntryDefinition } from './schema-resource.js';
import { resourceChoices, resourceEntrySchema } from './schema-resource.js';
import type { SourceDefinition } from './schema-source.js';

/** Checks a schema-valid definition for what a schema cannot express: references between parts. */
export function checkDefinition(
  definition: ParsedDefinition,
  isKnownResource: (key: string) => boolean = () => true,
): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  checkConnection(definition, report);
  for (const name of Object.keys(definition.constants)) {
    if (RESERVED_NAMES.has(name))
      report(`constants.${name}`, `${name} is a name the engine binds itself; choose another`);
  }
  for (const [key, entry] of Object.entries(definition.resources)) {
    const path = `resources.${key}`;
    if (!isKnownResource(key)) report(path, `unknown unified resource ${key}`);
    checkEntry(definition, key, entry, path, report);
  }
  return problems;
}

/** A resource entry: its one definition, or `by` a declared enum param and one definition per value. */
function checkEntry(
  definition: ParsedDefinition,
  key: string,
  entry: ResourceEntryDefinition,
  path: string,
  report: Report,
): void {
  if ('by' in entry) {
    const param = definition.params[entry.by];
    if (!param?.enum) report(`${path}.by`, `${entry.by} is not a declared param with an enum`);
    for (const value of Object.keys(entry.values)) {
      if (param?.enum && !param.enum.includes(value))
        report(`${path}.values.${value}`, `${value} is not a value of ${entry.by}`);
    }
  }
  for (const [value, resource] of resourceChoices(entry)) {
    checkResource(definition, key, resource, value === undefined ? path : `${path}.values.${value}`, report);
  }
}

/** True when some definition of the entry lists records. */
function isListed(entry: ResourceEntryDefinition | undefined): boolean {
  return entry !== undefined && resourceChoices(entry).some(([, resource]) => resource.list !== undefined);
}

type Report = (path: string, message: string) => void;

/** Names every expression already has: the helpers and the engine's bindings. */
const RESERVED_NAMES = new Set([
  ...Object.keys(MAPPING_HELPERS),
  'params',
  'filter',
  'parent',
  'record',
  'id',
  'id_parts',
  'value',
  'member_id',
  'input',
]);

function checkConnection(definition: ParsedDefinition, report: Report): void {
  for (const [name, param] of Object.entries(definition.params)) {
    const path = `params.${name}`;
    if (param.default !== undefined && param.enum && !param.enum.includes(param.default)) {
      report(`${path}.default`, `default ${param.default} is not one of ${param.enum.join(', ')}`);
    }
  }
  const baseUrl = definition.base_url;
  if (baseUrl.template !== undefined) {
    if (baseUrl.by !== undefined || baseUrl.values !== undefined)
      report('base_url', 'use either template or by + values');
    if (!baseUrl.allowed_hosts?.length)
      report('base_url.allowed_hosts', 'required with a template: the hosts it may resolve to');
  } else if (baseUrl.by === undefined || baseUrl.values === undefined) {
    report('base_url', 'required: a template, or by + values');
  } else {
    const param = definition.params[baseUrl.by];
    if (!param) report('base_url.by', `${baseUrl.by} is not a declared param`);
    for (const value of param?.enum ?? []) {
      if (!(value in baseUrl.values)) report('base_url.values', `no URL for ${baseUrl.by} = ${value}`);
    }
  }
  const seen = new Set<string>();
  for (const [index, method] of definition.auth.entries()) {
    if (seen.has(method.id)) report(`auth.${index}.id`, `duplicate auth method id ${method.id}`);
    seen.add(method.id);
    if ('token_url' in method) checkTokenUrl(definition, method.token_url, `auth.${index}.token_url`, report);
  }
  checkFamilies(definition, report);
}

/**
 * A token request carries the client's secret: an absolute token URL must be https on a host the
 * definition allows for its API (base_url.allowed_hosts, or the hosts of its table). A path is
 * joined to the base URL's origin, which is checked when connecting.
 */
function checkTokenUrl(definition: ParsedDefinition, tokenUrl: string, path: string, report: Report): void {
  if (!/^[a-z][a-z\d+.-]*:/i.test(tokenUrl)) return;
  const hosts = allowedHosts(definition);
  const authority = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(tokenUrl)?.[1] ?? '';
  if (!tokenUrl.toLowerCase().startsWith('https://')) {
    report(path, 'an absolute token_url must use https');
  } else if (hosts.length === 0) {
    report(path, 'an absolute token_url needs base_url.allowed_hosts, the hosts it may resolve to');
  } else if (!authority.includes('{{') && !hostAllowed(authority.toLowerCase(), hosts)) {
    report(path, `token_url host ${authority} is not in the allowed hosts (${hosts.join(', ')})`);
  }
}

/** A path matcher belongs to one family: listed in two, the second would never apply. */
function checkFamilies(definition: ParsedDefinition, report: Report): void {
  const owner = new Map<string, string>();
  for (const [family, matchers] of Object.entries(definition.rate_limit.families)) {
    for (const [index, matcher] of matchers.entries()) {
      const other = owner.get(matcher);
      if (other !== undefined)
        report(`rate_limit.families.${family}.${index}`, `${matcher} is already in family ${other}`);
      owner.set(matcher, family);
    }
  }
}

function checkSources(
  definition: ParsedDefinition,
  key: string,
  resource: ResourceDefinition,
  sources: SourceDefinition[],
  path: string,
  report: Report,
  routedElsewhere: ReadonlySet<string> = new Set(),
): void {
  for (const [index, source] of sources.entries()) {
    const sourcePath = `${path}.${index}`;
    const remote = 'request' in source ? source.remote_filters : [];
    for (const name of remote) {
      if (!(name in resource.filters))
        report(`${sourcePath}.remote_filters`, `filter ${name} is not declared`);
    }
    for (const [name, filter] of Object.entries(resource.filters)) {
      if (!remote.includes(name) && filter.local === undefined && !routedElsewhere.has(name)) {
        report(sourcePath, `filter ${name} is neither in remote_filters nor has a local predicate`);
      }
    }
    const reference =
      'request' in source ? source.fan_out?.parent : 'derive_from' in source ? source.derive_from : undefined;
    if (reference !== undefined) {
      if (reference === key) report(sourcePath, 'a resource cannot read from itself');
      else if (!isListed(definition.resources[reference]))
        report(sourcePath, `${reference} is not a listed resource of this provider`);
    }
  }
}

function checkResource(
  definition: ParsedDefinition,
  key: string,
  resource: ResourceDefinition,
  path: string,
  report: Report,
): void {
  if (!resource.list && !resource.get) report(path, 'a resource needs list, get, or both');
  checkWrites(resource, path, report);
  if (resource.singleton && !resource.get) report(path, 'a singleton needs get');
  for (const [name, filter] of Object.entries(resource.filters)) {
    if (filter.type === 'enum' && !filter.values?.length)
      report(`${path}.filters.${name}.values`, 'required for an enum filter');
  }
  if (resource.incremental_filter !== undefined) {
    const filter = resource.filters[resource.incremental_filter];
    if (filter?.type !== 'date_time')
      report(
        `${path}.incremental_filter`,
        `${resource.incremental_filter} is not a declared date_time filter`,
      );
    if (!resource.list) report(`${path}.incremental_filter`, 'the resource has no list');
  }
  if (resource.list) {
    // A filter that alone selects a variant never reaches the default sources.
    const routed = new Set(
      (resource.list.variants ?? [])
        .filter((variant) => variant.when.length === 1)
        .map((variant) => variant.when[0]!),
    );
    checkSources(definition, key, resource, resource.list.sources, `${path}.list.sources`, report, routed);
    for (const [index, variant] of (resource.list.variants ?? []).entries()) {
      const variantPath = `${path}.list.variants.${index}`;
      for (const name of variant.when) {
        if (!(name in resource.filters)) report(`${variantPath}.when`, `filter ${name} is not declared`);
      }
      checkSources(definition, key, resource, variant.sources, `${variantPath}.sources`, report);
    }
  }
  const get = resource.get;
  if (!get) return;
  if (get.from_list && get.request) report(`${path}.get`, 'use either request or from_list');
  if (!get.from_list && !get.request) report(`${path}.get`, 'needs request or from_list: true');
  if (get.from_list && !resource.list) report(`${path}.get.from_list`, 'the resource has no list');
  if (get.request && !get.mapping && !resource.list?.sources.some((source) => 'request' in source)) {
    report(`${path}.get.mapping`, 'required when the list has no HTTP source to borrow it from');
  }
  if (get.id_pattern !== undefined) {
    try {
      const groups = new RegExp(`${get.id_pattern}|`, 'u').exec('')?.groups;
      if (!groups) report(`${path}.get.id_pattern`, 'expected named groups, e.g. (?<app_id>[^:]+)');
    } catch {
      // An invalid pattern is reported with every regular expression of the definition.
    }
  }
}

/**
 * Cross-checks of a definition that failed its schema: each part that is valid on its own (the
 * connection, each resource) is checked, so the author sees every problem in one round.
 */
export function checkValidParts(
  raw: unknown,
  isKnownResource: (key: string) => boolean = () => true,
): Problem[] {
  if (raw === null || typeof raw !== 'object') return [];
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const record = raw as Record<string, unknown>;
  const resources: Record<string, ResourceEntryDefinition> = {};
  const rawResources = record.resources;
  if (rawResources !== null && typeof rawResources === 'object') {
    for (const [key, value] of Object.entries(rawResources)) {
      const parsed = resourceEntrySchema.safeParse(value);
      if (parsed.success) resources[key] = parsed.data;
    }
  }
  const connection = providerDefinitionSchema.safeParse({ ...record, resources: {} });
  if (connection.success) checkConnection(connection.data, report);
  const params = providerDefinitionSchema.shape.params.safeParse(record.params);
  const definition = {
    params: params.success ? params.data : {},
    resources,
  } as unknown as ParsedDefinition;
  const known = new Set(Object.keys(rawResources ?? {}));
  for (const [key, entry] of Object.entries(resources)) {
    const path = `resources.${key}`;
    if (!isKnownResource(key)) report(path, `unknown unified resource ${key}`);
    // A reference to a resource that is itself invalid is not reported again.
    checkEntry(definition, key, entry, path, (at, message) => {
      if (/ is not a listed resource of this provider$/.test(message) && known.has(message.split(' ')[0]!))
        return;
      report(at, message);
    });
  }
  return problems;
}
