import type { ProviderSummary } from '@org/engine';
import { Command } from 'commander';
import { addProviderDirOption, createCliEngine } from '../connection-options.js';
import type { RunContext } from '../run-context.js';

type AuthSummary = ProviderSummary['auth'][number];
type ParamSummary = ProviderSummary['params'][string];

/** Rows of two columns, the first padded to the widest. */
function aligned(rows: ReadonlyArray<[string, string]>, indent: string): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`.trimEnd());
}

/** `token (secret)`, `key_id (optional)`, `client_id`: a field's name and what sets it apart. */
function describeField(name: string, field: AuthSummary['fields'][string]): string {
  const marks = [field.secret ? 'secret' : undefined, field.required ? undefined : 'optional'].filter(
    Boolean,
  );
  return marks.length ? `${name} (${marks.join(', ')})` : name;
}

function describeAuth(method: AuthSummary): [string, string] {
  const fields = Object.entries(method.fields).map(([name, field]) => describeField(name, field));
  const label = method.label ? ` - ${method.label}` : '';
  return [method.id, `${method.kind}${label}; fields: ${fields.join(', ') || 'none'}`];
}

function describeParam(name: string, param: ParamSummary): [string, string] {
  const parts = [param.required && param.default === undefined ? 'required' : 'optional'];
  if (param.enum) parts.push(`one of ${param.enum.join(', ')}`);
  if (param.default !== undefined) parts.push(`default ${param.default}`);
  const description = param.description ? ` - ${param.description.replace(/\s+/g, ' ').trim()}` : '';
  return [name, `${parts.join('; ')}${description}`];
}

/** The text block of one provider. */
function describeProvider(provider: ProviderSummary): string[] {
  const lines = [`${provider.id} (${provider.name})`, '  models:'];
  lines.push(
    ...aligned(
      Object.entries(provider.models).map(([model, resources]) => [model, resources.join(', ')]),
      '    ',
    ),
  );
  lines.push('  auth methods:', ...aligned(provider.auth.map(describeAuth), '    '));
  const params = Object.entries(provider.params);
  lines.push('  params:');
  if (params.length === 0) lines.push('    none');
  else
    lines.push(
      ...aligned(
        params.map(([name, param]) => describeParam(name, param)),
        '    ',
      ),
    );
  return lines;
}

/**
 * `org-engine providers [--provider-dir <path>...] [--json]`: the providers served, with their
 * models and resources, auth methods and fields (secret ones marked), and params.
 */
export function providersCommand(context: RunContext): Command {
  const command = new Command('providers')
    .description('the providers served: models, auth methods, params')
    .option('--json', 'print the summaries as one JSON array');
  return addProviderDirOption(command).action(async (values: { json?: boolean }) => {
    const providers = createCliEngine(values, context).providers();
    if (values.json) {
      await context.print(JSON.stringify(providers));
      return;
    }
    for (const [index, provider] of providers.entries()) {
      if (index > 0) await context.print('');
      for (const line of describeProvider(provider)) await context.print(line);
    }
  });
}
