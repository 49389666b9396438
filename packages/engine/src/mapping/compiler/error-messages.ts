import type { JsonataError } from './values.js';

/**
 * JSONata's messages for the errors a compiled expression can raise, worded as its reference
 * implementation words them (jsonata 2.x, MIT), so that a mapping fails with the same text
 * whichever evaluator ran it.
 */
const TEMPLATES: Record<string, string> = {
  T0410: 'Argument {{index}} of function {{token}} does not match function signature',
  T0411: 'Context value is not a compatible type with argument {{index}} of function {{token}}',
  T0412: 'Argument {{index}} of function {{token}} must be an array of {{type}}',
  D1001: 'Number out of range: {{value}}',
  D1002: 'Cannot negate a non-numeric value: {{value}}',
  T1003: 'Key in object structure must evaluate to a string; got: {{value}}',
  D1004: 'Regular expression matches zero length string',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: JSONata's template, `$` then the token.
  T1005: 'Attempted to invoke a non-function. Did you mean ${{{token}}}?',
  T1006: 'Attempted to invoke a non-function',
  D1009: 'Multiple key definitions evaluate to same key: {{value}}',
  T1010:
    'The matcher function argument passed to function {{token}} does not return the correct object structure',
  D1011:
    'Stack overflow. Check for non-terminating recursive function.  Consider rewriting as tail-recursive',
  D1012: 'Evaluation timeout after {{value}} milliseconds. Check for infinite loop',
  D1013: 'Object property names starting with _jsonata_ are reserved for internal use: {{value}}',
  T2001: 'The left side of the {{token}} operator must evaluate to a number',
  T2002: 'The right side of the {{token}} operator must evaluate to a number',
  T2003: 'The left side of the range operator (..) must evaluate to an integer',
  T2004: 'The right side of the range operator (..) must evaluate to an integer',
  T2009:
    'The values {{value}} and {{value2}} either side of operator {{token}} must be of the same data type',
  T2010: 'The expressions either side of operator {{token}} must evaluate to numeric or string values',
  D2014:
    'The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {{value}}.',
  D2015: 'The maximum sequence length of {{value}} was exceeded.',
  D3001: 'Attempting to invoke string function on Infinity or NaN',
  D3010: 'Second argument of replace function cannot be an empty string',
  D3011: 'Fourth argument of replace function must evaluate to a positive number',
  D3012: 'Attempted to replace a matched string with a non-string value',
  D3020: 'Third argument of split function must evaluate to a positive number',
  D3030: 'Unable to cast value to a number: {{value}}',
  D3040: 'Third argument of match function must evaluate to a positive number',
  D3110: 'The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given {{value}}',
};

/** Fills `message` from the code's template, as JSONata does before an error leaves `evaluate`. */
export function populateMessage(error: JsonataError): void {
  const template = TEMPLATES[error.code];
  if (template === undefined) return;
  const fields = error as unknown as Record<string, unknown>;
  error.message = template
    .replace(/\{\{\{([^}]+)}}}/g, (_match, name: string) => String(fields[name]))
    .replace(/\{\{([^}]+)}}/g, (_match, name: string) => JSON.stringify(fields[name]) as string);
}
