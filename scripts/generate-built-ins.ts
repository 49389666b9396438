import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GeneratedFile, generatedHeader } from './generated-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function filesBelow(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesBelow(join(directory, entry.name)) : [join(directory, entry.name)],
    ),
  );
  return nested.flat();
}

/**
 * `packages/engine/src/generated/built-in-provider-files.ts`: every provider folder's
 * provider.yaml and mapping files, so the published package needs no repository. Fixtures,
 * snapshots and docs stay out.
 */
export async function generateBuiltIns(): Promise<GeneratedFile[]> {
  const providersDirectory = join(root, 'providers');
  const folders = (await readdir(providersDirectory, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const providers: Record<string, Record<string, string>> = {};
  for (const id of folders) {
    const folder = join(providersDirectory, id);
    const yaml = await readFile(join(folder, 'provider.yaml'), 'utf8').catch(() => undefined);
    if (yaml === undefined) continue;
    const files: Record<string, string> = { 'provider.yaml': yaml };
    const mappings = (await filesBelow(join(folder, 'mappings')))
      .filter((file) => file.endsWith('.jsonata'))
      .sort();
    for (const file of mappings)
      files[relative(folder, file).split('\\').join('/')] = await readFile(file, 'utf8');
    providers[id] = files;
  }
  const content = `${generatedHeader('providers/*/provider.yaml and mappings')}
/** The built-in provider folders: file path (relative to the folder) to content. */
export const BUILT_IN_PROVIDER_FILES: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(providers, null, 2)};
`;
  return [{ path: 'packages/engine/src/generated/built-in-provider-files.ts', content }];
}
