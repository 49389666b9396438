import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkProviderFolder, type FixtureCheck, type ProviderFolderCheck } from '@org/engine/fixtures';
import { Command } from 'commander';
import { UsageError } from '../arguments.js';
import { errorLines } from '../output.js';
import type { RunContext } from '../run-context.js';

/** The provider folders a path names: itself when it has a provider.yaml, else its sub-folders that have one. */
function providerFolders(path: string, cwd: string): string[] {
  const folder = resolve(cwd, path);
  if (!existsSync(folder)) throw new UsageError(`${path}: no such folder`);
  if (existsSync(join(folder, 'provider.yaml'))) return [path];
  const nested = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'provider.yaml')))
    .map((entry) => join(path, entry.name))
    .sort();
  if (nested.length === 0) throw new UsageError(`${path}: no provider.yaml here or in its folders`);
  return nested;
}

const indent = (text: string) => text.split('\n').map((line) => `    ${line}`);

/** The lines of one fixture: its status, and the failure report or snapshot diff under it. */
function fixtureLines(check: FixtureCheck, update: boolean): string[] {
  switch (check.status) {
    case 'matched':
      return [`  ok      ${check.name}`];
    case 'written':
      return [`  new     ${check.name} (snapshot written: review __snapshots__/${check.name}.snap.json)`];
    case 'updated':
      return [`  updated ${check.name} (snapshot rewritten; the change:)`, ...indent(check.detail ?? '')];
    case 'differs':
      return [
        `  DIFF    ${check.name} (the output differs from the snapshot${update ? '' : '; --update accepts it'}:)`,
        ...indent(check.detail ?? ''),
      ];
    case 'failed':
      return [`  FAIL    ${check.name}`, ...indent(check.detail ?? '')];
  }
}

/** The report of one folder, and whether it passed. */
function folderLines(
  path: string,
  result: ProviderFolderCheck,
  update: boolean,
): { lines: string[]; passed: boolean } {
  if (result.loadError !== undefined) {
    return {
      lines: [
        path,
        '  FAIL    the definition does not load:',
        ...errorLines(result.loadError).map((line) => `    ${line}`),
      ],
      passed: false,
    };
  }
  const lines = [path, ...result.fixtures.flatMap((check) => fixtureLines(check, update))];
  if (result.fixtures.length === 0) lines.push('  no fixtures');
  for (const missing of result.missing) lines.push(`  missing ${missing}`);
  const count = (status: FixtureCheck['status']) =>
    result.fixtures.filter((check) => check.status === status).length;
  const failed = count('failed') + count('differs');
  lines.push(
    `  ${result.fixtures.length} fixtures: ${count('matched')} ok, ${count('written')} new, ${count('updated')} updated, ${failed} failed`,
  );
  return { lines, passed: failed === 0 && result.missing.length === 0 && result.fixtures.length > 0 };
}

/**
 * `org-engine test <path...> [--update]`: the provider conformance suite without a test
 * runner, over provider folders (or folders of them): the definition loads, the folder is
 * complete, every fixture makes exactly its exchanges and gives its snapshot. A missing
 * snapshot is written; a changed one is shown as a diff, and rewritten with `--update`.
 */
export function testCommand(context: RunContext): Command {
  return new Command('test')
    .description('run the conformance suite over provider folders: fixtures, requests, snapshots')
    .argument('<path...>', 'a provider folder, or a folder of provider folders (providers/)')
    .option('-u, --update', 'rewrite the snapshots that differ (each change is still shown)')
    .addHelpText(
      'after',
      `
Each fixture runs through the engine's public API against its recorded exchanges. A fixture
that makes other requests fails with the requests it expects next to those the engine made,
and the error. New snapshots are written; review them (and every diff) before committing.
Exits with 1 when a definition does not load, a fixture fails, a snapshot differs (without
--update) or the folder lacks its README or a fixture for a resource.`,
    )
    .action(async (paths: string[], values: { update?: boolean }) => {
      const cwd = context.io.cwd ?? process.cwd();
      const folders = paths.flatMap((path) => providerFolders(path, cwd));
      for (const path of folders) {
        const result = await checkProviderFolder(resolve(cwd, path), { update: values.update === true });
        const { lines, passed } = folderLines(path, result, values.update === true);
        if (!passed) context.exitCode = 1;
        for (const line of lines) await context.print(line);
      }
    });
}
