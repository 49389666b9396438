import type { Problem } from '../errors/engine-error.js';
import { JsonataSyntaxError } from '../mapping/compile-jsonata.js';
import { CollectionExpression, PageExpression, SingleExpression } from '../mapping/record-mapping.js';
import { allowedHosts } from './allowed-hosts.js';
import { compileAuthMethod } from './compile-auth.js';
import { compileWrites } from './compile-write.js';
import type {
  CompiledEnricher,
  CompiledGet,
  CompiledJoin,
  CompiledPagination,
  CompiledParam,
  CompiledRequest,
  CompiledResource,
  CompiledSource,
  ExpressionReport,
  ProviderDefinition,
  ResourceChoice,
} from './compiled-types.js';
import { RateLimitFamilies } from './rate-limit-families.js';
import { catastrophicBacktracking } from './regex-safety.js';
import type { ParsedDefinition } from './schema.js';
import type { PaginationDefinition } from './schema-pagination.js';
import type { EnrichDefinition, JoinDefinition, RequestDefinition } from './schema-request.js';
import type { ResourceDefinition } from './schema-resource.js';
import type { SourceDefinition } from './schema-source.js';
import { parseTemplate, type Template } from './template.js';

/** The path templates of a definition's own requests, in definition order: list, enrich, get, writes. */
function requestTemplates(resources: Iterable<CompiledResource>): Template[] {
  const templates: Template[] = [];
  for (const resource of resources) {
    const sources = [
      ...(resource.list?.sources ?? []),
      ...(resource.list?.variants.flatMap((variant) => variant.sources) ?? []),
    ];
    for (const source of sources) {
      if (source.kind !== 'http') continue;
      templates.push(source.request.path, ...source.enrichers.map((enricher) => enricher.request.path));
    }
    if (resource.get?.request) templates.push(resource.get.request.path);
    for (const write of resource.writes.values()) templates.push(write.path);
  }
  return templates;
}

export type { ProviderDefinition } from './compiled-types.js';

/**
 * Compiles every template, expression and pattern of a definition once. Problems are pushed to
 * `problems`; the result is only used when none were found.
 */
export function compileDefinition(definition: ParsedDefinition, problems: Problem[]): ProviderDefinition {
  // One compiled expression per distinct text: list and get often share a mapping file.
  const cache = new Map<string, unknown>();
  const expressions: ExpressionReport[] = [];
  type Assignable = {
    assign(name: string, value: unknown): void;
    interpretedReason?: string | undefined;
    regularExpressions(): RegExp[];
  };
  function compile<T extends Assignable>(make: new (source: string) => T, source: string, path: string): T {
    const key = `${make.name}\u0000${source}`;
    const cached = cache.get(key) as T | undefined;
    if (cached) {
      expressions.push({ path, reason: cached.interpretedReason });
      return cached;
    }
    try {
      const compiled = new make(source);
      expressions.push({ path, reason: compiled.interpretedReason });
      for (const pattern of compiled.regularExpressions()) {
        const unsafe = catastrophicBacktracking(pattern);
        if (unsafe) problems.push({ path, message: `regular expression /${pattern.source}/: ${unsafe}` });
      }
      // Constants are bound into the compiled expression: built once, not once per record.
      for (const [name, value] of Object.entries(definition.constants)) compiled.assign(name, value);
      cache.set(key, compiled);
      return compiled;
    } catch (error) {
      if (!(error instanceof JsonataSyntaxError)) throw error;
      problems.push({ path, message: error.message });
      return undefined as unknown as T;
    }
  }
  const optional = <T extends Assignable>(
    make: new (source: string) => T,
    source: string | undefined,
    path: string,
  ) => (source === undefined ? undefined : compile(make, source, path));

  const families = new RateLimitFamilies(definition.rate_limit.families);

  function request(definitionRequest: RequestDefinition, path: string): CompiledRequest {
    const pathTemplate = parseTemplate(definitionRequest.path);
    return {
      method: definitionRequest.method,
      path: pathTemplate,
      query: Object.entries(definitionRequest.query ?? {}).map(([name, value]) => [
        name,
        parseTemplate(value),
      ]),
      computedQuery: optional(SingleExpression, definitionRequest.computed_query, `${path}.computed_query`),
      headers: Object.entries(definitionRequest.headers ?? {}).map(([name, value]) => [
        name,
        parseTemplate(value),
      ]),
      family: families.ofTemplate(pathTemplate),
      onStatus: new Map(
        Object.entries(definitionRequest.on_status ?? {}).map(([status, rule]) => [
          Number(status),
          { warn: rule === 'skip' ? undefined : rule.warn },
        ]),
      ),
    };
  }

  function enrichers(definitions: EnrichDefinition | undefined, path: string): CompiledEnricher[] {
    return Object.entries(definitions ?? {}).map(([name, enricher]) => ({
      name,
      request: request(enricher.request, `${path}.${name}.request`),
      records: optional(SingleExpression, enricher.records, `${path}.${name}.records`),
    }));
  }

  function pagination(definition: PaginationDefinition, path: string): CompiledPagination {
    return {
      definition,
      nextUrl:
        'next_url' in definition
          ? compile(SingleExpression, definition.next_url, `${path}.next_url`)
          : undefined,
      cursor:
        'cursor' in definition ? compile(SingleExpression, definition.cursor, `${path}.cursor`) : undefined,
      total:
        'total' in definition ? optional(SingleExpression, definition.total, `${path}.total`) : undefined,
    };
  }

  function join(definitionJoin: JoinDefinition, path: string): CompiledJoin {
    return {
      request: request(definitionJoin.request, `${path}.request`),
      records: optional(SingleExpression, definitionJoin.records, `${path}.records`),
      pagination: pagination(definitionJoin.pagination, `${path}.pagination`),
      id: compile(PageExpression, definitionJoin.id, `${path}.id`),
      match: compile(PageExpression, definitionJoin.match, `${path}.match`),
    };
  }

  function source(sourceDefinition: SourceDefinition, path: string): CompiledSource {
    if ('static' in sourceDefinition) {
      return {
        kind: 'static',
        records: sourceDefinition.static,
        mapping: optional(PageExpression, sourceDefinition.mapping, `${path}.mapping`),
      };
    }
    if ('derive_from' in sourceDefinition) {
      return {
        kind: 'derived',
        from: sourceDefinition.derive_from,
        mapping: compile(CollectionExpression, sourceDefinition.mapping, `${path}.mapping`),
      };
    }
    return {
      kind: 'http',
      request: request(sourceDefinition.request, `${path}.request`),
      records: optional(SingleExpression, sourceDefinition.records, `${path}.records`),
      pagination: pagination(sourceDefinition.pagination, `${path}.pagination`),
      mapping: compile(PageExpression, sourceDefinition.mapping, `${path}.mapping`),
      remoteFilters: new Set(sourceDefinition.remote_filters),
      fanOutParent: sourceDefinition.fan_out?.parent,
      enrichers: enrichers(sourceDefinition.enrich, `${path}.enrich`),
      dedupe: 'dedupe' in sourceDefinition.pagination && sourceDefinition.pagination.dedupe === true,
      join: sourceDefinition.join && join(sourceDefinition.join, `${path}.join`),
    };
  }

  function resource(
    key: string,
    resourceDefinition: ResourceDefinition,
    variant: string | undefined,
  ): CompiledResource {
    const path = variant === undefined ? `resources.${key}` : `resources.${key}.values.${variant}`;
    const [model, name] = key.split('/') as [string, string];
    const sources = (list: SourceDefinition[], listPath: string) =>
      list.map((item, index) => source(item, `${listPath}.${index}`));
    const list = resourceDefinition.list;
    const firstHttp = list?.sources.find((item) => 'request' in item);
    const getDefinition = resourceDefinition.get;
    const mappingSource =
      getDefinition?.mapping ?? (firstHttp && 'mapping' in firstHttp ? firstHttp.mapping : undefined);
    let get: CompiledGet | undefined;
    if (getDefinition) {
      let idPattern: RegExp | undefined;
      try {
        idPattern =
          getDefinition.id_pattern === undefined ? undefined : new RegExp(getDefinition.id_pattern, 'u');
      } catch {
        // Reported by checkDefinition.
      }
      get = {
        request: getDefinition.request && request(getDefinition.request, `${path}.get.request`),
        records: optional(SingleExpression, getDefinition.records, `${path}.get.records`),
        mapping: optional(PageExpression, mappingSource, `${path}.get.mapping`),
        idPattern,
        fromList: getDefinition.from_list === true,
        enrichers: enrichers(
          getDefinition.enrich ?? (firstHttp && 'request' in firstHttp ? firstHttp.enrich : undefined),
          `${path}.get.enrich`,
        ),
      };
    }
    return {
      key,
      model,
      resource: name,
      variant,
      singleton: resourceDefinition.singleton === true,
      rawId: resourceDefinition.raw_id,
      filters: new Map(
        Object.entries(resourceDefinition.filters).map(([filterName, filter]) => [
          filterName,
          {
            name: filterName,
            definition: filter,
            local: optional(PageExpression, filter.local, `${path}.filters.${filterName}.local`),
          },
        ]),
      ),
      list: list && {
        sources: sources(list.sources, `${path}.list.sources`),
        variants: (list.variants ?? []).map((variant, index) => ({
          when: variant.when,
          sources: sources(variant.sources, `${path}.list.variants.${index}.sources`),
        })),
      },
      get,
      writes: compileWrites(resourceDefinition, path, optional, families, mappingSource),
    };
  }

  const params = new Map<string, CompiledParam>();
  for (const [name, param] of Object.entries(definition.params)) {
    let pattern: RegExp | undefined;
    try {
      pattern = param.pattern === undefined ? undefined : new RegExp(`^(?:${param.pattern})$`, 'u');
    } catch {
      // Reported by checkDefinition.
    }
    params.set(name, {
      name,
      description: param.description,
      required: param.required ?? param.default === undefined,
      enum: param.enum,
      pattern,
      hint: param.hint,
      default: param.default,
      baseUrlOnly: isBaseUrlOnly(definition, name),
    });
  }
  const baseUrl = definition.base_url;
  const resources = new Map<string, CompiledResource>();
  const choices = new Map<string, ResourceChoice>();
  for (const [key, entry] of Object.entries(definition.resources)) {
    if (!('by' in entry)) {
      resources.set(key, resource(key, entry, undefined));
      continue;
    }
    const values = new Map(
      Object.entries(entry.values).map(([value, item]) => [value, resource(key, item, value)]),
    );
    choices.set(key, { param: entry.by, values });
    // Without a connection, the resource is the one the param's default chooses (or the first).
    const chosen = values.get(definition.params[entry.by]?.default ?? '') ?? values.values().next().value;
    if (chosen) resources.set(key, chosen);
  }
  families.learn(
    requestTemplates([
      ...resources.values(),
      ...[...choices.values()].flatMap((choice) => [...choice.values.values()]),
    ]),
  );
  return {
    id: definition.id,
    name: definition.name,
    definition,
    params,
    baseUrl:
      baseUrl.template !== undefined
        ? {
            kind: 'template',
            template: parseTemplate(baseUrl.template),
            allowedHosts: baseUrl.allowed_hosts ?? [],
          }
        : { kind: 'table', by: baseUrl.by ?? '', values: baseUrl.values ?? {} },
    auth: new Map(definition.auth.map((method) => [method.id, compileAuthMethod(method)])),
    tokenHosts: allowedHosts(definition),
    families,
    budgetScope:
      definition.rate_limit.scope === undefined ? undefined : parseTemplate(definition.rate_limit.scope),
    headers: Object.entries(definition.headers).map(([name, value]) => [name, parseTemplate(value)]),
    errorMessage: optional(SingleExpression, definition.errors?.message, 'errors.message'),
    errorCode: optional(SingleExpression, definition.errors?.code, 'errors.code'),
    resources,
    choices,
    expressions,
  };
}

/**
 * True when only the base URL template reads the param (a customer's org host): with a
 * `baseUrl` override it is then not needed. Any other mention, in a template or as
 * `params.<name>` in JSONata, keeps it required; the text search errs on that side.
 */
function isBaseUrlOnly(definition: ParsedDefinition, name: string): boolean {
  const template = definition.base_url.template;
  if (template === undefined || !parseTemplate(template).paths.includes(`params.${name}`)) return false;
  const { base_url: _baseUrl, ...rest } = definition;
  return !JSON.stringify(rest).includes(`params.${name}`);
}
