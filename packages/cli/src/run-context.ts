/** Where the CLI writes text: `process.stdout`, or any object with a `write` method in tests. */
export interface CliTextStream {
  write(chunk: string): unknown;
  /** When present and `write` returns false, the CLI waits for `drain` before writing more. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** What {@link runCli} reads and writes instead of the process globals. */
export interface CliIo {
  stdout: CliTextStream;
  stderr: CliTextStream;
  /** Environment variables, read by `env:NAME` values. Default: none. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Output is gathered into chunks of about this many characters before it is written. */
const CHUNK_CHARACTERS = 64 * 1024;

/** Shortest credential value that is replaced in output: shorter ones would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * The state of one run: buffered standard output, the environment, and the credential values
 * to keep out of everything written. Both streams pass through {@link RunContext.redact}.
 */
export class RunContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly #io: CliIo;
  readonly #secrets = new Set<string>();
  #pending: string[] = [];
  #pendingLength = 0;

  constructor(io: CliIo) {
    this.#io = io;
    this.env = io.env ?? {};
  }

  /** Registers a credential value: it is replaced by `[redacted]` wherever it would be written. */
  addSecret(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH) this.#secrets.add(value);
  }

  /** The text with every registered credential value replaced. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) result = result.replaceAll(secret, '[redacted]');
    return result;
  }

  /** Queues one line of standard output; writes when enough has gathered. */
  async print(line: string): Promise<void> {
    this.#pending.push(line);
    this.#pendingLength += line.length + 1;
    if (this.#pendingLength >= CHUNK_CHARACTERS) await this.flush();
  }

  /** Writes the queued standard output, waiting for the stream to drain when it asks to. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const chunk = `${this.#pending.join('\n')}\n`;
    this.#pending = [];
    this.#pendingLength = 0;
    await write(this.#io.stdout, this.redact(chunk));
  }

  /** Writes lines to standard error at once (after any queued standard output). */
  async error(...lines: string[]): Promise<void> {
    await this.flush();
    await write(this.#io.stderr, this.redact(`${lines.join('\n')}\n`));
  }

  /** A warning from the engine, on standard error; standard output stays data only. */
  warn(line: string): void {
    this.#io.stderr.write(this.redact(`${line}\n`));
  }
}

function write(stream: CliTextStream, chunk: string): Promise<void> {
  const accepted = stream.write(chunk);
  if (accepted !== false || typeof stream.once !== 'function') return Promise.resolve();
  return new Promise((resolve) => stream.once?.('drain', resolve));
}
