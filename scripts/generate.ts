/**
 * Writes every generated file of the repository, or with `--check` fails when one has drifted
 * from its source. Each generator returns the files it owns; none writes by itself.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProviderSchema } from './generate-provider-schema.ts';
import type { GeneratedFile } from './generated-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function loadGenerators(): Promise<Array<() => Promise<GeneratedFile[]>>> {
  const generators: Array<() => Promise<GeneratedFile[]>> = [generateProviderSchema];
  // Generators are listed in generators.ts so that each area adds its own without touching this loop.
  const { extraGenerators } = await import('./generators.ts');
  return [...generators, ...extraGenerators];
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const drifted: string[] = [];
  for (const generate of await loadGenerators()) {
    for (const file of await generate()) {
      const path = resolve(root, file.path);
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current === file.content) continue;
      if (check) {
        drifted.push(relative(root, path));
      } else {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content);
        console.log(`wrote ${relative(root, path)}`);
      }
    }
  }
  if (drifted.length > 0) {
    console.error(
      `Generated files are out of date; run \`pnpm generate\` and commit:\n  ${drifted.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else if (check) {
    console.log('generated files are up to date');
  }
}

await main();
