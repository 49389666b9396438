import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, run } from './helpers.js';
import { spawnCli, spawnNode } from './spawn-cli.js';

const ENGINE = fileURLToPath(new URL('../../engine', import.meta.url));
const VITEST = fileURLToPath(new URL('../../../node_modules/vitest', import.meta.url));

/**
 * `init` as a provider author uses it: in a project outside this repository, with the built
 * `@org/engine` installed (linked into node_modules, as an install puts it there) and vitest.
 */
describe('org-engine init', () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'org-engine-init-'));
    mkdirSync(join(project, 'node_modules', '@org'), { recursive: true });
    symlinkSync(ENGINE, join(project, 'node_modules', '@org', 'engine'), 'dir');
    symlinkSync(VITEST, join(project, 'node_modules', 'vitest'), 'dir');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('scaffolds a provider that validates and passes the published kit’s tests', {
    timeout: 180_000,
  }, async () => {
    const init = spawnCli(['init', 'acme'], { cwd: project });
    expect(await init.exited, init.stderr()).toBe(0);
    expect(lines(init.stdout()).at(-1)).toBe(
      'next: org-engine validate providers/acme && org-engine test providers/acme',
    );
    const folder = join(project, 'providers', 'acme');
    const definition = readFileSync(join(folder, 'provider.yaml'), 'utf8');
    expect(definition.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/@org/engine/dist/provider.schema.json',
    );
    for (const file of [
      'mappings/users.jsonata',
      'fixtures/users-list.json',
      '__snapshots__/users-list.snap.json',
      'README.md',
    ]) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }

    const validate = spawnCli(['validate', 'providers/acme'], { cwd: project });
    expect(await validate.exited, validate.stdout()).toBe(0);
    expect(validate.stdout()).toBe('ok acme (1 resource)\n');

    const suite = await run(['test', join(folder)]);
    expect(suite.code, suite.stdout).toBe(0);
    expect(suite.stdout).toContain('  ok      users-list\n');

    // The generated vitest file, run by vitest in the project against the built package.
    const tests = spawnNode([join(VITEST, 'vitest.mjs'), 'run'], {
      cwd: project,
      env: { CI: 'true', NO_COLOR: '1' },
    });
    expect(await tests.exited, tests.stdout() + tests.stderr()).toBe(0);
    expect(tests.stdout()).toMatch(/Tests +3 passed/);
  });

  it('refuses an id that is not kebab-case and a folder that exists', async () => {
    expect((await run(['init', 'Acme_HR'])).stderr).toMatch(/^org-engine: <id> must be lower case letters/);
    const again = await run(['init', 'acme', '--dir', project]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});
