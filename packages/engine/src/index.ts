export type { RefreshedTokens } from './auth/auth-strategy.js';
export { builtInProviders } from './built-in-providers.js';
export { Connection } from './connection/connection.js';
export { loadProviderDefinition } from './definition/provider-source.js';
export type { ProviderDefinitionInput } from './definition/schema.js';
export { providerDefinitionSchema } from './definition/schema.js';
export { createEngine, type Engine } from './engine.js';
export { EngineError, type EngineErrorContext, type Problem } from './errors/engine-error.js';
export { type EngineErrorCode, ERROR_CODES } from './errors/error-codes.js';
export { COMMON_SCHEMA, UNIFIED_INPUT_SCHEMAS, UNIFIED_SCHEMAS } from './generated/unified-schemas.js';
export type {
  Common,
  Hris,
  Sso,
  UnifiedInputMap,
  UnifiedModel,
  UnifiedRecord,
  UnifiedRecordMap,
  UnifiedResource,
  UserDirectory,
} from './generated/unified-types.js';
export type { AuthChallenge } from './http/request-auth.js';
export { MAPPING_HELPERS } from './mapping/jsonata-helpers.js';
export type {
  AuthCredentials,
  BuiltInConnectOptions,
  BuiltInProviderId,
  BuiltInProviders,
  Cancellable,
  ConnectOptions,
  ConnectOptionsFor,
  DryRunRequest,
  EngineOptions,
  GetOptions,
  InputOf,
  ListingStats,
  ListOptions,
  Page,
  ProviderDefinition,
  ProviderIdArgument,
  ProviderSummary,
  ProxyRequest,
  ProxyResponse,
  RecordOf,
  ValidationMode,
  WriteOptions,
  WriteResult,
} from './public-types.js';
export {
  createUnifiedValidator,
  type UnifiedResourceId,
  type UnifiedValidator,
} from './validation/unified-validator.js';
