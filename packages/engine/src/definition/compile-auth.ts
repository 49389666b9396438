import type { CompiledAuthMethod } from './compiled-types.js';
import type { AuthMethodDefinition } from './schema-auth.js';
import { parseTemplate } from './template.js';

/**
 * Parses the templates of an auth method once, when its definition loads: a connection renders
 * them with its own params and credentials, and a token request renders its URL again.
 */
export function compileAuthMethod(method: AuthMethodDefinition): CompiledAuthMethod {
  const templates = {
    headers:
      method.kind === 'header'
        ? Object.entries(method.headers).map(([name, value]): [string, ReturnType<typeof parseTemplate>] => [
            name,
            parseTemplate(value),
          ])
        : [],
    tokenUrl: 'token_url' in method ? parseTemplate(method.token_url) : undefined,
    assertionAudience:
      'assertion_audience' in method && method.assertion_audience !== undefined
        ? parseTemplate(method.assertion_audience)
        : undefined,
  };
  return { ...method, templates };
}
