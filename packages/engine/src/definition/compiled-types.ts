import type { CollectionExpression, PageExpression, SingleExpression } from '../mapping/record-mapping.js';
import type { RateLimitFamilies } from './rate-limit-families.js';
import type { ParsedDefinition } from './schema.js';
import type { AuthMethodDefinition } from './schema-auth.js';
import type { PaginationDefinition } from './schema-pagination.js';
import type { FilterDefinition } from './schema-resource.js';
import type { WRITE_RULE_ERRORS, WriteOperationName } from './schema-write.js';
import type { Template } from './template.js';

/** The templates of an auth method, parsed when the definition loads. */
interface AuthTemplates {
  /** The headers of a `header` method, sent on every call. */
  headers: ReadonlyArray<[name: string, value: Template]>;
  tokenUrl: Template | undefined;
  assertionAudience: Template | undefined;
}

/** An auth method of a definition, with its templates parsed. */
export type CompiledAuthMethod = AuthMethodDefinition & { templates: AuthTemplates };

/** What a request does with an error status instead of failing: answer nothing, maybe warning. */
export interface CompiledStatusRule {
  warn: string | undefined;
}

/** A request with its templates parsed and JSONata compiled. */
export interface CompiledRequest {
  method: 'GET' | 'POST';
  path: Template;
  query: Array<[name: string, value: Template]>;
  computedQuery: SingleExpression | undefined;
  headers: Array<[name: string, value: Template]>;
  /** Rate-limit family: requests of one family share one budget. */
  family: string;
  /** The `on_status` rule, by status. */
  onStatus: ReadonlyMap<number, CompiledStatusRule>;
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
}

/** A request with its paging: what the page reader needs. */
export interface CompiledPagedRequest {
  request: CompiledRequest;
  records: SingleExpression | undefined;
  pagination: CompiledPagination;
}

/** A join: the ids another request lists, and where the id is in its records and in this source's. */
export interface CompiledJoin extends CompiledPagedRequest {
  id: PageExpression;
  match: PageExpression;
}

export interface CompiledHttpSource extends CompiledPagedRequest {
  kind: 'http';
  mapping: PageExpression;
  remoteFilters: ReadonlySet<string>;
  fanOutParent: string | undefined;
  enrichers: readonly CompiledEnricher[];
  /** From `pagination.dedupe`: drop ids repeated at page boundaries. */
  dedupe: boolean;
  join: CompiledJoin | undefined;
}

interface CompiledStaticSource {
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

interface CompiledFilter {
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
  /** The value of the param that chose this definition, for a resource served `by` a param. */
  variant: string | undefined;
  singleton: boolean;
  /** Field of a raw record that names it in errors before mapping. */
  rawId: string;
  filters: ReadonlyMap<string, CompiledFilter>;
  list:
    | { sources: CompiledSource[]; variants: Array<{ when: string[]; sources: CompiledSource[] }> }
    | undefined;
  get: CompiledGet | undefined;
  /** The write operations the resource declares. */
  writes: ReadonlyMap<WriteOperationName, CompiledWrite>;
}

/** What an error status means for a write, compiled. */
export type CompiledWriteStatusRule =
  | { kind: 'skip'; warn: string | undefined }
  | { kind: 'exists'; when: SingleExpression | undefined }
  | {
      kind: 'error';
      code: (typeof WRITE_RULE_ERRORS)[number];
      message: string | undefined;
      when: SingleExpression | undefined;
    };

/** One write operation of a resource, with its templates parsed and JSONata compiled. */
export interface CompiledWrite {
  operation: WriteOperationName;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: Template;
  query: Array<[name: string, value: Template]>;
  headers: Array<[name: string, value: Template]>;
  family: string;
  body: SingleExpression | undefined;
  /** The input fields the provider can set; undefined: every field of the input schema. */
  fields: ReadonlySet<string> | undefined;
  idempotent: boolean;
  /** The header that carries the caller's idempotency key, when the provider honours one. */
  idempotencyKey: string | undefined;
  records: SingleExpression | undefined;
  mapping: PageExpression | undefined;
  readBack: 'response' | 'get' | 'find' | 'id' | undefined;
  find: SingleExpression | undefined;
  pending: SingleExpression | undefined;
  onStatus: ReadonlyMap<number, CompiledWriteStatusRule>;
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

/** The definitions of a resource served `by` a param, by value. */
export interface ResourceChoice {
  param: string;
  values: ReadonlyMap<string, CompiledResource>;
}

/**
 * A provider definition ready to serve, as `loadProviderDefinition` returns it: validated, with
 * every template and expression compiled. The YAML as written is a `ProviderDefinitionInput`; as
 * parsed, a `ParsedDefinition`.
 */
export interface ProviderDefinition {
  id: string;
  name: string;
  definition: ParsedDefinition;
  params: ReadonlyMap<string, CompiledParam>;
  baseUrl:
    | { kind: 'template'; template: Template; allowedHosts: readonly string[] }
    | { kind: 'table'; by: string; values: Readonly<Record<string, string>> };
  auth: ReadonlyMap<string, CompiledAuthMethod>;
  /** Hosts an absolute token URL may resolve to. */
  tokenHosts: readonly string[];
  /** Endpoint families of the rate limits, for requests and proxy calls. */
  families: RateLimitFamilies;
  /** Whose budget a connection spends beyond its host (`rate_limit.scope`). */
  budgetScope: Template | undefined;
  headers: Array<[name: string, value: Template]>;
  errorMessage: SingleExpression | undefined;
  errorCode: SingleExpression | undefined;
  resources: ReadonlyMap<string, CompiledResource>;
  /** Resources served `by` a param: a connection serves the definition its param value names. */
  choices: ReadonlyMap<string, ResourceChoice>;
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
