import { Ajv2020, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { EngineError, type Problem } from '../errors/engine-error.js';
import { COMMON_SCHEMA, UNIFIED_INPUT_SCHEMAS, UNIFIED_SCHEMAS } from '../generated/unified-schemas.js';
import { useFastDateTime } from './date-time-format.js';
import { problemsFromAjv } from './schema-problems.js';

/** A unified resource, e.g. `{ model: 'user-directory', resource: 'users' }`. */
export interface UnifiedResourceId {
  model: string;
  resource: string;
}

/**
 * Checks records against the unified JSON Schemas (`schemas/`, bundled into the package at build
 * time, so no repository is needed at run time).
 */
export interface UnifiedValidator {
  /**
   * Every problem of `record` against the schema of `model/resource`; an empty array when it is
   * valid. Paths are dotted (`emails.0.type`), one problem per offending value.
   *
   * @throws {EngineError} `unsupported_resource` when there is no unified schema for `model/resource`.
   */
  validate(model: string, resource: string, record: unknown): Problem[];
  /**
   * Every problem of a write input against the input schema of `model/resource` for `operation`
   * (`create`, `update`), or undefined when the operation has no input schema.
   */
  validateInput(model: string, resource: string, operation: string, input: unknown): Problem[] | undefined;
  /** The top-level fields the input schema of an operation declares, or undefined without one. */
  inputFields(model: string, resource: string, operation: string): readonly string[] | undefined;
  /** True when a unified schema exists for `model/resource`. */
  has(model: string, resource: string): boolean;
  /** Every resource that has a unified schema, model by model. */
  resources(): UnifiedResourceId[];
}

type SchemaTable = Readonly<Record<string, Readonly<Record<string, AnySchemaObject>>>>;

const schemaTable: SchemaTable = UNIFIED_SCHEMAS;
const inputTable: Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, AnySchemaObject>>>>>
> = UNIFIED_INPUT_SCHEMAS;

function inputSchemaOf(model: string, resource: string, operation: string): AnySchemaObject | undefined {
  if (!Object.hasOwn(inputTable, model)) return undefined;
  const resources = inputTable[model]!;
  if (!Object.hasOwn(resources, resource)) return undefined;
  const operations = resources[resource]!;
  return Object.hasOwn(operations, operation) ? operations[operation] : undefined;
}

function schemaOf(model: string, resource: string): AnySchemaObject | undefined {
  // Own properties only: `constructor` or `__proto__` must not pass for a model or a resource.
  if (!Object.hasOwn(schemaTable, model)) return undefined;
  const resources = schemaTable[model]!;
  return Object.hasOwn(resources, resource) ? resources[resource] : undefined;
}

/**
 * Creates a validator over the unified schemas. It holds one Ajv instance (strict mode, all errors)
 * and compiles each resource's schema once, the first time a record of that resource is checked,
 * so an engine that reads only users never pays for compiling the HRIS schemas.
 */
export function createUnifiedValidator(): UnifiedValidator {
  // verbose: errors then carry the failing value and schema, which the problem messages quote.
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(ajv);
  useFastDateTime(ajv);
  ajv.addSchema(COMMON_SCHEMA);
  const compiled = new Map<string, ValidateFunction>();
  // Per model, then per resource: called for every record, so no key string is built per call.
  const recordValidators = new Map<string, Map<string, ValidateFunction>>();

  function validatorOf(model: string, resource: string): ValidateFunction {
    let validateRecord = recordValidators.get(model)?.get(resource);
    if (validateRecord === undefined) {
      const key = `${model}/${resource}`;
      const schema = schemaOf(model, resource);
      if (schema === undefined) {
        throw new EngineError('unsupported_resource', `there is no unified schema for ${key}`, {
          resource: key,
          operation: 'validate',
        });
      }
      validateRecord = ajv.compile(schema);
      let ofModel = recordValidators.get(model);
      if (ofModel === undefined) {
        ofModel = new Map();
        recordValidators.set(model, ofModel);
      }
      ofModel.set(resource, validateRecord);
    }
    return validateRecord;
  }

  return {
    validateInput(model, resource, operation, input) {
      const schema = inputSchemaOf(model, resource, operation);
      if (schema === undefined) return undefined;
      const key = `${model}/${resource}#${operation}`;
      let validateInput = compiled.get(key);
      if (validateInput === undefined) {
        validateInput = ajv.compile(schema);
        compiled.set(key, validateInput);
      }
      return validateInput(input) ? [] : problemsFromAjv(validateInput.errors);
    },
    inputFields(model, resource, operation) {
      const properties = inputSchemaOf(model, resource, operation)?.properties;
      return properties && typeof properties === 'object' ? Object.keys(properties) : undefined;
    },
    validate(model, resource, record) {
      const validateRecord = validatorOf(model, resource);
      return validateRecord(record) ? [] : problemsFromAjv(validateRecord.errors);
    },
    has(model, resource) {
      return schemaOf(model, resource) !== undefined;
    },
    resources() {
      return Object.entries(schemaTable).flatMap(([model, resources]) =>
        Object.keys(resources).map((resource) => ({ model, resource })),
      );
    },
  };
}
