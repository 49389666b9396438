import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkProviderFolder } from '@org/engine/fixtures';
import { Command } from 'commander';
import { stringOption, UsageError } from '../arguments.js';
import type { RunContext } from '../run-context.js';
import { providerScaffold } from '../scaffold/provider-template.js';

/** Where the engine's JSON Schema is once `@org/engine` is installed in the project. */
const SCHEMA_IN_NODE_MODULES = 'node_modules/@org/engine/dist/provider.schema.json';

/**
 * `org-engine init <id>`: scaffolds `providers/<id>/` (or `--dir`): a commented definition
 * with the schema line, one mapping, one fixture, a README and a vitest file running the
 * conformance suite, then runs the suite once, which writes the snapshot. Refuses a folder
 * that exists.
 */
export function initCommand(context: RunContext): Command {
  return new Command('init')
    .description('scaffold a provider folder whose conformance tests pass as generated')
    .argument('<id>', 'the provider id: lower case letters, digits and dashes, e.g. acme')
    .option('--dir <path>', 'the folder to create; default providers/<id>')
    .addHelpText(
      'after',
      `
Then, in a project with @org/engine and vitest installed:
  org-engine validate providers/<id>
  org-engine test providers/<id>        (or: npx vitest run providers/<id>)`,
    )
    .action(async (id: string, values: Record<string, unknown>) => {
      if (!/^[a-z][a-z0-9-]*$/.test(id)) {
        throw new UsageError('<id> must be lower case letters, digits and dashes, starting with a letter');
      }
      const cwd = context.io.cwd ?? process.cwd();
      const folder = resolve(cwd, stringOption(values, 'dir') ?? join('providers', id));
      if (existsSync(folder)) throw new UsageError(`${relative(cwd, folder) || folder} already exists`);
      const schemaPath = relative(folder, resolve(cwd, SCHEMA_IN_NODE_MODULES)).split('\\').join('/');
      for (const [path, content] of Object.entries(providerScaffold(id, schemaPath))) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), content);
      }
      const check = await checkProviderFolder(folder);
      const written = check.fixtures.filter((fixture) => fixture.status === 'written').length;
      if (check.loadError !== undefined || written !== check.fixtures.length || check.missing.length > 0) {
        throw new Error(`the scaffold of ${id} does not pass its own suite; please report this`);
      }
      const shown = relative(cwd, folder) || '.';
      await context.print(
        `created ${shown}: provider.yaml, mappings/users.jsonata, fixtures/users-list.json,`,
      );
      await context.print(`  __snapshots__/users-list.snap.json, README.md, provider.test.ts`);
      await context.print(`next: org-engine validate ${shown} && org-engine test ${shown}`);
    });
}
