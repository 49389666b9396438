import type { DefinedError, ErrorObject } from 'ajv/dist/2020.js';
import type { Problem } from '../errors/engine-error.js';

/**
 * Turns Ajv errors into problems a provider author can act on: a dotted path to the offending
 * value (`emails.0.type`), and a message that names the allowed values or shows an example.
 * Ajv must run with `verbose: true` so that errors carry the value and the schema they concern.
 */

const OMIT_HINT = 'omit a field that has no value';
/** Longer examples (a whole record) would bury the message. */
const MAX_EXAMPLE_LENGTH = 80;

/** `/emails/0/type` -> `emails.0.type`; a child name (missing or unknown property) is appended. */
function dottedPath(instancePath: string, child?: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (child !== undefined) segments.push(child);
  return segments.join('.');
}

/** `, for example ...` from the failing schema's first example, when it has a short one. */
function exampleOf(error: ErrorObject): string {
  const examples: unknown = error.parentSchema?.examples;
  if (!Array.isArray(examples) || examples.length === 0) return '';
  const example: unknown = examples[0];
  const text = typeof example === 'string' ? example : JSON.stringify(example);
  return text.length <= MAX_EXAMPLE_LENGTH ? `, for example ${text}` : '';
}

function pathOf(error: DefinedError): string {
  switch (error.keyword) {
    case 'required':
      return dottedPath(error.instancePath, error.params.missingProperty);
    case 'additionalProperties':
      return dottedPath(error.instancePath, error.params.additionalProperty);
    default:
      return dottedPath(error.instancePath);
  }
}

function messageOf(error: DefinedError): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field of the unified schema; provider-specific values belong in remote_data';
    case 'enum':
      return `must be one of ${error.params.allowedValues.map(String).join(', ')}`;
    case 'type': {
      const expected = String(error.params.type);
      if (error.data === null) return `must be ${expected}, not null: ${OMIT_HINT}`;
      return `must be ${expected}${exampleOf(error)}`;
    }
    case 'minLength':
      return error.data === '' ? `must not be empty: ${OMIT_HINT}` : (error.message ?? 'is too short');
    case 'minProperties':
      return 'must have at least one field: omit an object that has no value';
    case 'pattern':
      return `must match ${error.params.pattern}${exampleOf(error)}`;
    case 'format':
      return `must be a valid ${error.params.format}${exampleOf(error)}`;
    default:
      return error.message ?? `fails the ${error.keyword} rule`;
  }
}

/**
 * One problem per offending value, in the order Ajv found them. A value that breaks several rules
 * (an empty string also fails its pattern and format) is reported once, with the first rule it
 * broke: the others add noise, not information.
 */
export function problemsFromAjv(errors: readonly ErrorObject[] | null | undefined): Problem[] {
  const problems = new Map<string, Problem>();
  // Ajv's own documentation narrows errors this way: every keyword the schemas use is a DefinedError.
  for (const error of (errors ?? []) as DefinedError[]) {
    const path = pathOf(error);
    if (!problems.has(path)) problems.set(path, { path, message: messageOf(error) });
  }
  return [...problems.values()];
}
