import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { keyValues, modelResource, parseKeyValue, positiveInteger, UsageError } from '../src/arguments.js';
import { type CliIo, RunContext } from '../src/run-context.js';
import { readEnvFile, SecretReader } from '../src/secret-values.js';

describe('command-line values', () => {
  it('splits name=value on the first equals sign', () => {
    expect(parseKeyValue('param', 'domain=acme.okta.com')).toEqual(['domain', 'acme.okta.com']);
    expect(parseKeyValue('filter', 'email=a=b@example.com')).toEqual(['email', 'a=b@example.com']);
    expect(parseKeyValue('filter', 'status=')).toEqual(['status', '']);
    expect(() => parseKeyValue('filter', 'status')).toThrow('--filter expects name=value, got "status"');
    expect(() => parseKeyValue('param', '=x')).toThrow(UsageError);
  });

  it('does not quote a malformed credential entry', () => {
    expect(() => parseKeyValue('auth-field', 'sEcReT', true)).toThrow(
      /^--auth-field expects name=value \(the value may be env:VARIABLE, @file or @-\)$/,
    );
  });

  it('collects repeated entries and refuses a name given twice', () => {
    expect(keyValues('param', ['a=1', 'b=2'])).toEqual({ a: '1', b: '2' });
    expect(() => keyValues('param', ['a=1', 'a=2'])).toThrow('--param a is given twice');
  });

  it('checks limits and model/resource pairs', () => {
    expect(positiveInteger('limit', '25')).toBe(25);
    expect(positiveInteger('limit', undefined)).toBeUndefined();
    for (const bad of ['0', '-1', '1.5', 'ten', ''])
      expect(() => positiveInteger('limit', bad)).toThrow(UsageError);
    expect(modelResource('sso/app-users')).toEqual(['sso', 'app-users']);
    expect(() => modelResource('users')).toThrow(/expected <model>\/<resource>/);
    expect(() => modelResource(undefined)).toThrow(/missing <model>\/<resource>/);
  });
});

describe('credential values', () => {
  const quiet = { write: () => true };
  const contextWith = (io: Partial<CliIo>) => new RunContext({ stdout: quiet, stderr: quiet, ...io });

  it('reads env: values from the environment and the .env file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'org-engine-secrets-'));
    try {
      writeFileSync(join(folder, '.env'), '# keys\nFROM_FILE="file value"\nBOTH=file\n');
      const context = contextWith({ env: { BOTH: 'process' }, cwd: folder });
      expect(readEnvFile(context, '.env')).toEqual({ FROM_FILE: 'file value', BOTH: 'file' });
      expect(() => readEnvFile(context, 'missing.env')).toThrow(
        '--env-file missing.env: cannot read the file (ENOENT)',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('resolves env:, @file and @- without quoting a value in any message', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'org-engine-secrets-'));
    try {
      const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----';
      writeFileSync(join(folder, 'key.pem'), `${pem}\n`);
      const reader = new SecretReader(
        contextWith({
          env: { OKTA_TOKEN: 'from-env' },
          cwd: folder,
          stdin: Readable.from(['piped-token\n']),
        }),
      );
      expect(await reader.read('auth-field', 'token', 'env:OKTA_TOKEN')).toBe('from-env');
      expect(await reader.read('auth-field', 'token', 'plain')).toBe('plain');
      expect(await reader.read('auth-field', 'private_key', '@key.pem')).toBe(pem);
      expect(await reader.read('auth-field', 'token', '@-')).toBe('piped-token');
      await expect(reader.read('auth-field', 'other', '@-')).rejects.toThrow(
        '--auth-field other=@-: standard input is already read for token',
      );
      await expect(reader.read('auth-field', 'token', 'env:MISSING')).rejects.toThrow(
        '--auth-field token: the environment variable MISSING is not set',
      );
      await expect(reader.read('auth-field', 'token', 'env:')).rejects.toThrow(/needs a variable name/);
      await expect(reader.read('auth-field', 'key', '@nope.pem')).rejects.toThrow(
        '--auth-field key=@nope.pem: cannot read the file (ENOENT)',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('run context', () => {
  it('redacts registered credential values from both streams', async () => {
    let stdout = '';
    let stderr = '';
    const context = new RunContext({
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    });
    context.addSecret('s3cr3t-token');
    context.addSecret('ab'); // too short to redact without mangling ordinary text
    context.addSecret('-----BEGIN KEY-----\nAAAABBBBCCCCDDDDEEEE\n-----END KEY-----');
    await context.print('value s3cr3t-token ab AAAABBBBCCCCDDDDEEEE');
    await context.error('failed with s3cr3t-token');
    expect(stdout).toBe('value [redacted] ab [redacted]\n');
    expect(stderr).toBe('failed with [redacted]\n');
  });

  it('waits for a stream to drain when it asks to', async () => {
    const events: string[] = [];
    let drain: (() => void) | undefined;
    const context = new RunContext({
      stdout: {
        write: (chunk: string) => {
          events.push(`write ${chunk.trim()}`);
          return false;
        },
        once: (_event, listener) => {
          drain = listener;
        },
      },
      stderr: { write: () => true },
    });
    await context.print('one');
    const flushed = context.flush().then(() => events.push('flushed'));
    await Promise.resolve();
    expect(events).toEqual(['write one']);
    drain?.();
    await flushed;
    expect(events).toEqual(['write one', 'flushed']);
  });
});
