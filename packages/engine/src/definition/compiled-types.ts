import type { CollectionExpression, PageExpression, SingleExpression } from '../mapping/record-mapping.js';
import type { ProviderDefinition } from './schema.js';
import type { AuthMethodDefinition } from './schema-auth.js';
import type { PaginationDefinition } from './schema-pagination.js';
import type { FilterDefinition } from './schema-resource.js';
import type { Template } from './template.js';

/** A request with its templates parsed and JSONata compiled. */
export interface CompiledRequest {
  method: 'GET' | 'POST';
  path: Template;
  query: Array<[name: string, value: Template]>;
  computedQuery: SingleExpression | undefined;
  headers: Array<[name: string, value: Template]>;
  /** Rate-limit family: requests of one family share one budget. */
  family: string;
}

export interface CompiledPagination {
  definition: PaginationDefinition;
  nextUrl: SingleExpression | undefined;
  cursor: SingleExpression | undefined;
  total: SingleExpression | undefined;
}

/** One extra request per record, merged under `_enriched.<name>`. */
export interface CompiledEnricher {
  name: string;
  request: CompiledRequest;
  records: SingleExpression | undefined;
  skipOnStatus: readonly number[];
}

/** A request with its paging: what the page reader needs. */
export interface CompiledPagedRequest {
  request: CompiledRequest;
  records: SingleExpression | undefined;
  pagination: CompiledPagination;
}

/** The ids another request lists, and where the id is in its records and in this source's. */
export interface CompiledIdFilter extends CompiledPagedRequest {
  id: PageExpression;
  match: PageExpression;
}

export interface CompiledHttpSource extends CompiledPagedRequest {
  kind: 'http';
  mapping: PageExpression;
  remoteFilters: ReadonlySet<string>;
  fanOutParent: string | undefined;
  skipOnStatus: readonly number[];
  enrichers: readonly CompiledEnricher[];
  dedupe: boolean;
  keepIdsFrom: CompiledIdFilter | undefined;
}

export interface CompiledStaticSource {
  kind: 'static';
  records: readonly Record<string, unknown>[];
  mapping: PageExpression | undefined;
}

export interface CompiledDerivedSource {
  kind: 'derived';
  from: string;
  mapping: CollectionExpression;
}

export type CompiledSource = CompiledHttpSource | CompiledStaticSource | CompiledDerivedSource;

export interface CompiledFilter {
  name: string;
  definition: FilterDefinition;
  local: PageExpression | undefined;
}

export interface CompiledGet {
  request: CompiledRequest | undefined;
  records: SingleExpression | undefined;
  mapping: PageExpression | undefined;
  idPattern: RegExp | undefined;
  fromList: boolean;
  enrichers: readonly CompiledEnricher[];
}

export interface CompiledResource {
  /** `model/resource`. */
  key: string;
  model: string;
  resource: string;
  singleton: boolean;
  filters: ReadonlyMap<string, CompiledFilter>;
  list:
    | { sources: CompiledSource[]; variants: Array<{ when: string[]; sources: CompiledSource[] }> }
    | undefined;
  get: CompiledGet | undefined;
}

export interface CompiledParam {
  name: string;
  description: string | undefined;
  required: boolean;
  enum: readonly string[] | undefined;
  pattern: RegExp | undefined;
  hint: string | undefined;
  default: string | undefined;
  /** Read by the base URL template only: not needed when the caller gives `baseUrl`. */
  baseUrlOnly: boolean;
}

/** A provider definition ready to serve: validated, with every template and expression compiled. */
export interface CompiledProvider {
  id: string;
  name: string;
  definition: ProviderDefinition;
  params: ReadonlyMap<string, CompiledParam>;
  baseUrl:
    | { kind: 'template'; template: Template; allowedHosts: readonly string[] }
    | { kind: 'table'; by: string; values: Readonly<Record<string, string>> };
  auth: ReadonlyMap<string, AuthMethodDefinition>;
  headers: Array<[name: string, value: Template]>;
  errorMessage: SingleExpression | undefined;
  errorCode: SingleExpression | undefined;
  resources: ReadonlyMap<string, CompiledResource>;
  /** Every JSONata expression of the definition, and why it runs interpreted when it does. */
  expressions: readonly ExpressionReport[];
}

/** One JSONata expression of a definition, as `org-engine validate --explain` lists it. */
export interface ExpressionReport {
  /** Where it is in the definition, e.g. `resources.user-directory/users.list.sources.0.mapping`. */
  path: string;
  /** Why it runs on the JSONata interpreter; undefined when it runs compiled. */
  reason: string | undefined;
}
