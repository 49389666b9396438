import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type ProviderSummary } from '@org/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OKTA_PROVIDER_DIR, run } from './helpers.js';

describe('org-engine providers', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'org-engine-providers-'));
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('describes the built-in providers: models, auth methods with secret fields marked, params', async () => {
    const { code, stdout, stderr } = await run(['providers']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^okta \(Okta\)\n {2}models:\n/);
    expect(stdout).toContain('\nworkato (Workato)\n');
    expect(stdout).toMatch(/ {4}user-directory +users, me, groups, roles, activities\n/);
    expect(stdout).toMatch(/ {4}sso +apps, app-users\n/);
    expect(stdout).toMatch(/ {4}api_token +header - API token \(SSWS\); fields: token \(secret\)\n/);
    expect(stdout).toMatch(
      /oauth2_service_app +oauth2_client_credentials .*fields: client_id, private_key \(secret\), key_id \(optional\)/,
    );
    expect(stdout).toMatch(/ {4}domain +required - Your Okta org host/);
    expect(stdout).toMatch(
      / {4}data_center +optional; one of us, eu, jp, sg, au, il, kr, cn, uk, trial; default us/,
    );
  });

  it('prints the same summaries as the engine with --json', async () => {
    const { code, stdout } = await run(['providers', '--json']);
    expect(code).toBe(0);
    const summaries = JSON.parse(stdout) as ProviderSummary[];
    expect(summaries).toEqual(JSON.parse(JSON.stringify(createEngine().providers())));
    expect(summaries.map((provider) => provider.id)).toEqual(['okta', 'workato']);
  });

  it('serves a --provider-dir folder, which replaces the built-in provider with its id', async () => {
    const copy = join(folder, 'okta-edited');
    cpSync(OKTA_PROVIDER_DIR, copy, { recursive: true });
    const file = join(copy, 'provider.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: Okta$/m, 'name: Okta (edited)'));
    const { code, stdout } = await run(['providers', '--provider-dir', copy, '--json']);
    expect(code).toBe(0);
    const summaries = JSON.parse(stdout) as ProviderSummary[];
    expect(summaries.map((provider) => `${provider.id}: ${provider.name}`)).toEqual([
      'workato: Workato',
      'okta: Okta (edited)',
    ]);
  });

  it('fails with invalid_definition and its problems when a folder is broken', async () => {
    const broken = join(folder, 'broken');
    cpSync(OKTA_PROVIDER_DIR, broken, { recursive: true });
    const file = join(broken, 'provider.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: Okta$/m, 'name: [Okta, Okta]'));
    const { code, stdout, stderr } = await run(['providers', '--provider-dir', broken]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const [first, ...problems] = stderr.trimEnd().split('\n');
    expect(first).toMatch(/^error invalid_definition: \[engine\] \[okta\] .*invalid provider definition/);
    expect(problems).toEqual([expect.stringMatching(/^ {2}name \(line \d+\): expected string$/)]);
  });

  it('treats a missing folder or an argument as a usage error', async () => {
    const missing = await run(['providers', '--provider-dir', join(folder, 'nothing-here')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^org-engine: --provider-dir .*: no such file or folder\n\nUsage: org-engine providers/,
    );
    expect((await run(['providers', 'okta'])).code).toBe(2);
  });
});
