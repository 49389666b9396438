import { PageExpression, SingleExpression } from '../mapping/record-mapping.js';
import type { CompiledWrite, CompiledWriteStatusRule } from './compiled-types.js';
import type { RateLimitFamilies } from './rate-limit-families.js';
import type { ResourceDefinition } from './schema-resource.js';
import { WRITE_OPERATIONS, type WriteDefinition, type WriteOperationName } from './schema-write.js';
import { parseTemplate } from './template.js';

/** Compiles one optional JSONata text with the definition compiler's cache and problem list. */
export type CompileOptional = <T extends SingleExpression | PageExpression>(
  make: new (source: string) => T,
  source: string | undefined,
  path: string,
) => T | undefined;

/** Methods whose repetition has the effect of one request, unless the definition says otherwise. */
const IDEMPOTENT_METHODS = new Set(['PUT', 'DELETE']);

function statusRules(
  definition: WriteDefinition,
  path: string,
  compile: CompileOptional,
): Map<number, CompiledWriteStatusRule> {
  const rules = new Map<number, CompiledWriteStatusRule>();
  for (const [status, rule] of Object.entries(definition.request.on_status ?? {})) {
    const where = `${path}.request.on_status.${status}`;
    let compiled: CompiledWriteStatusRule;
    if (rule === 'skip') compiled = { kind: 'skip', warn: undefined };
    else if (rule === 'exists') compiled = { kind: 'exists', when: undefined };
    else if ('skip' in rule) compiled = { kind: 'skip', warn: rule.warn };
    else if ('exists' in rule)
      compiled = { kind: 'exists', when: compile(SingleExpression, rule.when, `${where}.when`) };
    else {
      compiled = {
        kind: 'error',
        code: rule.error,
        message: rule.message,
        when: compile(SingleExpression, rule.when, `${where}.when`),
      };
    }
    rules.set(Number(status), compiled);
  }
  return rules;
}

/** The write operations a resource declares, compiled, keyed by operation. */
export function compileWrites(
  resource: ResourceDefinition,
  path: string,
  compile: CompileOptional,
  families: RateLimitFamilies,
  getMapping: string | undefined,
): Map<WriteOperationName, CompiledWrite> {
  const writes = new Map<WriteOperationName, CompiledWrite>();
  for (const operation of WRITE_OPERATIONS) {
    const definition = resource[operation];
    if (!definition) continue;
    const where = `${path}.${operation}`;
    const request = definition.request;
    const pathTemplate = parseTemplate(request.path);
    writes.set(operation, {
      operation,
      method: request.method,
      path: pathTemplate,
      query: Object.entries(request.query ?? {}).map(([name, value]) => [name, parseTemplate(value)]),
      headers: Object.entries(request.headers ?? {}).map(([name, value]) => [name, parseTemplate(value)]),
      family: families.ofTemplate(pathTemplate),
      body: compile(SingleExpression, request.body, `${where}.request.body`),
      fields: definition.fields && new Set(definition.fields),
      idempotent: definition.idempotent ?? IDEMPOTENT_METHODS.has(request.method),
      idempotencyKey: definition.idempotency_key,
      records: compile(SingleExpression, definition.records, `${where}.records`),
      mapping: compile(PageExpression, definition.mapping ?? getMapping, `${where}.mapping`),
      readBack: definition.read_back,
      find: compile(SingleExpression, definition.find, `${where}.find`),
      pending: compile(SingleExpression, definition.pending, `${where}.pending`),
      onStatus: statusRules(definition, where, compile),
    });
  }
  return writes;
}
