import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../auth/auth-errors.js';
import { EngineError } from './engine-error.js';
import { type EngineErrorCode, ERROR_CODES } from './error-codes.js';
import { redactError } from './redact-error.js';

const SECRET = 'canary-S3+/=&"x';
const redact = (text: string) => redactSecrets(text, [SECRET]);

/** Every form of the secret that quoted text may hold. */
const FORMS = [
  SECRET,
  encodeURIComponent(SECRET),
  new URLSearchParams([['', SECRET]]).toString().slice(1),
  JSON.stringify(SECRET).slice(1, -1),
];

function exposed(value: unknown): string {
  return inspect(value, { depth: 12, showHidden: true, breakLength: Number.POSITIVE_INFINITY });
}

function hostileError(code: EngineErrorCode): EngineError {
  const deepest = new Error(`socket said ${SECRET}`);
  Object.assign(deepest, { code: `E_${SECRET}`, details: { header: `Bearer ${SECRET}`, list: [SECRET] } });
  const middle = new TypeError(`body client_secret=${encodeURIComponent(SECRET)}`, { cause: deepest });
  return new EngineError(code, `failed on ${SECRET}`, {
    provider: 'acme',
    resource: 'sso/apps',
    operation: 'list',
    recordId: SECRET,
    providerCode: SECRET,
    problems: [{ path: `items.${SECRET}`, message: `value ${JSON.stringify(SECRET)} is invalid` }],
    cause: new EngineError('network_error', `inner ${SECRET}`, { cause: middle }),
  });
}

describe('redactError', () => {
  it.each(Object.keys(ERROR_CODES) as EngineErrorCode[])(
    'leaves no form of a secret anywhere in a %s error or its cause chain',
    (code) => {
      const error = hostileError(code);
      expect(FORMS.some((form) => exposed(error).includes(form))).toBe(true);
      const cleaned = redactError(error, redact);
      const text = exposed(cleaned);
      for (const form of FORMS) expect(text, form).not.toContain(form);
      expect(cleaned).toBe(error);
      expect(cleaned).toMatchObject({ code, recordId: '[redacted]', providerCode: '[redacted]' });
      expect(cleaned.problems[0]).toEqual({
        path: 'items.[redacted]',
        message: 'value "[redacted]" is invalid',
      });
    },
  );

  it("keeps a clean foreign error as it is, and never changes the caller's own object", () => {
    const clean = new RangeError('nothing to hide');
    expect(redactError(clean, redact)).toBe(clean);

    const dirty = new RangeError(`holds ${SECRET}`);
    const copy = redactError(dirty, redact);
    expect(copy).not.toBe(dirty);
    expect(copy.message).toBe('holds [redacted]');
    expect(copy.name).toBe('RangeError');
    expect(dirty.message).toBe(`holds ${SECRET}`);
  });

  it('redacts warning payloads, plain values and cycles without looping', () => {
    const looped = new Error(`loop ${SECRET}`) as Error & { self?: unknown };
    looped.self = looped;
    const cleaned = redactError({ warning: [SECRET, { nested: looped }] }, redact);
    expect(exposed(cleaned)).not.toContain(SECRET);
    expect(redactError(`text ${SECRET}`, redact)).toBe('text [redacted]');
    expect(redactError(42, redact)).toBe(42);
  });
});
