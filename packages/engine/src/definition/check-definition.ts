import type { Problem } from '../errors/engine-error.js';
import { MAPPING_HELPERS } from '../mapping/jsonata-helpers.js';
import { catastrophicBacktracking } from './regex-safety.js';
import type { ProviderDefinition } from './schema.js';
import type { ResourceDefinition, SourceDefinition } from './schema-resource.js';
import { checkTemplate, parseTemplate } from './template.js';

/** Checks a schema-valid definition for what a schema cannot express: references between parts. */
export function checkDefinition(
  definition: ProviderDefinition,
  isKnownResource: (key: string) => boolean = () => true,
): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  checkConnection(definition, report);
  for (const name of Object.keys(definition.constants)) {
    if (RESERVED_NAMES.has(name))
      report(`constants.${name}`, `${name} is a name the engine binds itself; choose another`);
  }
  for (const [key, resource] of Object.entries(definition.resources)) {
    const path = `resources.${key}`;
    if (!isKnownResource(key)) report(path, `unknown unified resource ${key}`);
    checkResource(definition, key, resource, path, report);
  }
  return problems;
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
]);

function checkTemplates(values: Record<string, string> | undefined, path: string, report: Report): void {
  for (const [key, value] of Object.entries(values ?? {})) {
    for (const message of checkTemplate(value)) report(`${path}.${key}`, message);
  }
}

function checkConnection(definition: ProviderDefinition, report: Report): void {
  for (const [name, param] of Object.entries(definition.params)) {
    const path = `params.${name}`;
    if (param.pattern !== undefined) {
      try {
        new RegExp(param.pattern, 'u');
        const unsafe = catastrophicBacktracking(param.pattern, 'u');
        if (unsafe) report(`${path}.pattern`, unsafe);
      } catch (error) {
        report(`${path}.pattern`, `invalid regular expression: ${(error as Error).message}`);
      }
    }
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
    for (const message of checkTemplate(baseUrl.template)) report('base_url.template', message);
    for (const path of parseTemplate(baseUrl.template).paths) {
      const [root, name] = path.split('.');
      if (root !== 'params' || !name || !(name in definition.params)) {
        report('base_url.template', `{{${path}}} is not a declared param`);
      }
    }
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
    if (method.kind === 'header') checkTemplates(method.headers, `auth.${index}.headers`, report);
  }
  checkTemplates(definition.headers, 'headers', report);
}

function checkSources(
  definition: ProviderDefinition,
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
      const parent = definition.resources[reference];
      if (reference === key) report(sourcePath, 'a resource cannot read from itself');
      else if (!parent?.list) report(sourcePath, `${reference} is not a listed resource of this provider`);
    }
    if ('request' in source) {
      for (const message of checkTemplate(source.request.path)) report(`${sourcePath}.request.path`, message);
      checkTemplates(source.request.query, `${sourcePath}.request.query`, report);
      checkTemplates(source.request.headers, `${sourcePath}.request.headers`, report);
    }
  }
}

function checkResource(
  definition: ProviderDefinition,
  key: string,
  resource: ResourceDefinition,
  path: string,
  report: Report,
): void {
  if (!resource.list && !resource.get) report(path, 'a resource needs list, get, or both');
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
  if (get.request) {
    for (const message of checkTemplate(get.request.path)) report(`${path}.get.request.path`, message);
    checkTemplates(get.request.query, `${path}.get.request.query`, report);
  }
  if (get.id_pattern !== undefined) {
    try {
      const groups = new RegExp(`${get.id_pattern}|`).exec('')?.groups;
      if (!groups) report(`${path}.get.id_pattern`, 'expected named groups, e.g. (?<app_id>[^:]+)');
      const unsafe = catastrophicBacktracking(get.id_pattern, 'u');
      if (unsafe) report(`${path}.get.id_pattern`, unsafe);
    } catch (error) {
      report(`${path}.get.id_pattern`, `invalid regular expression: ${(error as Error).message}`);
    }
  }
}
