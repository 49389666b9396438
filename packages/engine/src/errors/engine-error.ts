import { type EngineErrorCode, ERROR_CODES } from './error-codes.js';

const MARKER = Symbol.for('@org/engine.error');

/** One problem found while validating input, a definition or a record. */
export interface Problem {
  /** Dotted path of the offending value, e.g. `resources.user-directory/users.list.pagination.type`. */
  path: string;
  message: string;
  /** 1-based line in the YAML source, when known. */
  line?: number;
}

/** Context carried by every {@link EngineError}. */
export interface EngineErrorContext {
  provider?: string | undefined;
  /** `model/resource`, e.g. `user-directory/users`. */
  resource?: string | undefined;
  /** `list`, `get`, `proxy`, `connect`, `load`... */
  operation?: string | undefined;
  /** HTTP status, when a response caused the error. */
  status?: number | undefined;
  /** Overrides the code's default retryability. */
  retryable?: boolean | undefined;
  /** The record the error concerns, when there is one. */
  recordId?: string | undefined;
  /** Every problem, for validation errors. */
  problems?: Problem[] | undefined;
  /** The provider's own error code (e.g. `E0000047`). */
  providerCode?: string | undefined;
  /** Where a failed listing can resume; see {@link EngineError.cursor}. */
  cursor?: string | null | undefined;
  cause?: unknown;
}

/**
 * The one error type the engine throws. `code` is stable (see `ERROR_CODES`); messages read
 * `[engine] [acme] users.list: ...` and never contain a secret.
 */
export class EngineError extends Error {
  override readonly name: string = 'EngineError';
  readonly code: EngineErrorCode;
  readonly provider: string | undefined;
  readonly resource: string | undefined;
  readonly operation: string | undefined;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly recordId: string | undefined;
  readonly problems: Problem[];
  readonly providerCode: string | undefined;
  /**
   * Where a failed listing resumes, on every error thrown by `list` or `iterate` once their
   * arguments are accepted: the cursor of the last page fully delivered (for `iterate`, every
   * record before it was yielded), or `null` when nothing was delivered and the listing starts
   * over. Pass it back as `{ cursor: error.cursor }` to `list` or `iterate` (in another process
   * too, with a shared `cursorSecret`): nothing is lost and nothing is delivered twice.
   * `undefined` on errors of other calls and on argument errors (a bad cursor, limit or filter).
   */
  readonly cursor: string | null | undefined;
  /** Marks engine errors across package copies; see {@link EngineError.isInstance}. */
  readonly [MARKER]: true = true;

  constructor(code: EngineErrorCode, message: string, context: EngineErrorContext = {}) {
    super(
      formatMessage(message, context),
      context.cause === undefined ? undefined : { cause: context.cause },
    );
    this.code = code;
    this.provider = context.provider;
    this.resource = context.resource;
    this.operation = context.operation;
    this.status = context.status;
    this.retryable = context.retryable ?? ERROR_CODES[code].retryable;
    this.recordId = context.recordId;
    this.problems = context.problems ?? [];
    this.providerCode = context.providerCode;
    this.cursor = context.cursor;
  }

  /** True for any EngineError, even one created by another copy of this package. */
  static isInstance(value: unknown): value is EngineError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

function formatMessage(message: string, context: EngineErrorContext): string {
  const parts = ['[engine]'];
  if (context.provider) parts.push(`[${context.provider}]`);
  const resourceName = context.resource?.split('/').pop();
  const where = [resourceName, context.operation].filter(Boolean).join('.');
  const problems = context.problems?.length
    ? `\n${context.problems.map((problem) => `  - ${problem.path || '(root)'}${problem.line ? ` (line ${problem.line})` : ''}: ${problem.message}`).join('\n')}`
    : '';
  return `${parts.join(' ')} ${where ? `${where}: ` : ''}${message}${problems}`;
}

/**
 * Records where a failed listing resumes. The error is created deep in a call, where the
 * listing's cursor is unknown; the listing sets it on the way out, once.
 */
export function setResumeCursor(error: EngineError, cursor: string | null): void {
  Object.defineProperty(error, 'cursor', { value: cursor, enumerable: true, writable: false });
}
