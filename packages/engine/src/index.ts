export type { AuthChallenge, RefreshedTokens } from './auth/auth-strategy.js';
export { Connection } from './connection/connection.js';
export { providerDefinitionSchema } from './definition/schema.js';
export type { ProviderDefinitionInput } from './definition/schema.js';
export { loadProviderDefinition } from './definition/provider-source.js';
export { createEngine, type Engine } from './engine.js';
export { EngineError, type EngineErrorContext, type Problem } from './errors/engine-error.js';
export { ERROR_CODES, type EngineErrorCode } from './errors/error-codes.js';
export type {
  Common,
  Hris,
  Sso,
  UnifiedModel,
  UnifiedRecord,
  UnifiedRecordMap,
  UnifiedResource,
  UserDirectory,
} from './generated/unified-types.js';
export { UNIFIED_SCHEMAS } from './generated/unified-schemas.js';
export { MAPPING_HELPERS } from './mapping/jsonata-helpers.js';
export type { ValidationMode } from './operations/runtime.js';
export type {
  AuthCredentials,
  ConnectOptions,
  EngineOptions,
  GetOptions,
  ListOptions,
  Page,
  ProviderDefinition,
  ProviderSummary,
  ProxyRequest,
  ProxyResponse,
  RecordOf,
} from './public-types.js';
export { createUnifiedValidator, type UnifiedValidator } from './validation/unified-validator.js';
