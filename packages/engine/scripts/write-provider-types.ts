/**
 * Writes `src/built-in-provider-types.ts`: the ids, auth methods, credential fields and params
 * of the providers in the repository's `providers/` folder, as TypeScript types, so that
 * a misspelt provider id or auth method fails to compile. Run at install, build and
 * typecheck (the file is not committed: adding a provider folder needs no change to this
 * package's sources). Writes only when the content changed, so parallel runs never see it empty.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine.js';
import type { ProviderSummary } from '../src/public-types.js';

const target = fileURLToPath(new URL('../src/built-in-provider-types.ts', import.meta.url));

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function paramsType(params: ProviderSummary['params']): string {
  const entries = Object.entries(params).map(([name, param]) => {
    const type = param.enum ? param.enum.map((value) => JSON.stringify(value)).join(' | ') : 'string';
    return `${key(name)}?: ${type};`;
  });
  return entries.length === 0 ? 'Record<string, never>' : `{ ${entries.join(' ')} }`;
}

function authType(methods: ProviderSummary['auth']): string {
  return methods
    .map((method) => {
      const fields = Object.entries(method.fields).map(
        ([name, field]) => `${key(name)}${field.required ? '' : '?'}: string;`,
      );
      return `{ method: ${JSON.stringify(method.id)}; ${fields.join(' ')} }`;
    })
    .join(' | ');
}

function render(providers: ProviderSummary[]): string {
  const entries = providers
    .sort((left, right) => (left.id < right.id ? -1 : 1))
    .map(
      (provider) =>
        `  ${key(provider.id)}: {\n    params: ${paramsType(provider.params)};\n    auth: ${authType(provider.auth)};\n  };`,
    );
  return [
    '// Generated from providers/*/provider.yaml by scripts/write-provider-types.ts (at install,',
    '// build and typecheck); not committed. Do not edit.',
    '',
    '/** The built-in providers by id: their params (all optional to the type: a base URL may stand in) and auth methods. */',
    'export interface BuiltInProviders {',
    ...entries,
    '}',
    '',
  ].join('\n');
}

const content = render(createEngine().providers());
let current: string | undefined;
try {
  current = readFileSync(target, 'utf8');
} catch {
  current = undefined;
}
if (current !== content) writeFileSync(target, content);
