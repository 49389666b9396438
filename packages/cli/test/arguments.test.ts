import { describe, expect, it } from 'vitest';
import {
  keyValues,
  modelResource,
  parseCommand,
  parseKeyValue,
  positiveInteger,
  resolveEnvValue,
  UsageError,
} from '../src/arguments.js';
import { RunContext } from '../src/run-context.js';

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
      /^--auth-field expects name=value or name=env:VARIABLE$/,
    );
  });

  it('collects repeated entries and refuses a name given twice', () => {
    expect(keyValues('param', ['a=1', 'b=2'])).toEqual({ a: '1', b: '2' });
    expect(() => keyValues('param', ['a=1', 'a=2'])).toThrow('--param a is given twice');
  });

  it('reads env: values from the environment', () => {
    const env = { OKTA_TOKEN: 'from-env' };
    expect(resolveEnvValue('auth-field', 'token', 'env:OKTA_TOKEN', env)).toBe('from-env');
    expect(resolveEnvValue('auth-field', 'token', 'plain', env)).toBe('plain');
    expect(() => resolveEnvValue('auth-field', 'token', 'env:MISSING', env)).toThrow(
      '--auth-field token: the environment variable MISSING is not set',
    );
    expect(() => resolveEnvValue('auth-field', 'token', 'env:', env)).toThrow(/needs a variable name/);
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

  it('turns parseArgs errors into usage errors naming the option', () => {
    const options = { limit: { type: 'string' }, json: { type: 'boolean' } } as const;
    expect(parseCommand(['a', '--limit', '5', '--json'], options)).toEqual({
      values: { limit: '5', json: true },
      positionals: ['a'],
    });
    expect(() => parseCommand(['--nope'], options)).toThrow(new UsageError("Unknown option '--nope'"));
    expect(() => parseCommand(['--limit'], options)).toThrow(UsageError);
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
    await context.print('value s3cr3t-token ab');
    await context.error('failed with s3cr3t-token');
    expect(stdout).toBe('value [redacted] ab\n');
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
