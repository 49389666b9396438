import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Provider folders as files: provider id to (path relative to the folder, e.g. `mappings/users.jsonata`) to content. */
export type ProviderFolderFiles = Record<string, Record<string, string>>;

function filesBelow(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

/**
 * The `provider.yaml` and mapping files of every folder of `directory` that has a
 * provider.yaml; fixtures, snapshots and docs stay out. The build bundles what this returns
 * for `providers/`, so adding a provider folder changes no file of the engine.
 */
export function readProviderFolders(directory: string): ProviderFolderFiles {
  const providers: ProviderFolderFiles = {};
  const folders = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(directory, entry.name, 'provider.yaml')))
    .map((entry) => entry.name)
    .sort();
  for (const id of folders) {
    const folder = join(directory, id);
    const files: Record<string, string> = {
      'provider.yaml': readFileSync(join(folder, 'provider.yaml'), 'utf8'),
    };
    for (const file of filesBelow(join(folder, 'mappings'))
      .filter((path) => path.endsWith('.jsonata'))
      .sort()) {
      files[relative(folder, file).split('\\').join('/')] = readFileSync(file, 'utf8');
    }
    providers[id] = files;
  }
  return providers;
}
