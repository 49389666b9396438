/** Where the CLI writes text: `process.stdout`, or any object with a `write` method in tests. */
export interface CliTextStream {
  write(chunk: string): unknown;
  /** When present and `write` returns false, the CLI waits for `drain` before writing more. */
  once?(event: 'drain', listener: () => void): unknown;
  /** True for a terminal: standard output is then written line by line, not in blocks. */
  isTTY?: boolean;
  /** Width of the terminal, used to keep the progress line on one line. */
  columns?: number;
}

/** Where the CLI reads a credential given as `@-`: `process.stdin`, or any async iterable of text. */
export type CliInputStream = AsyncIterable<string | Uint8Array> & { isTTY?: boolean };

/** What {@link runCli} reads and writes instead of the process globals. */
export interface CliIo {
  stdout: CliTextStream;
  stderr: CliTextStream;
  /** Environment variables, read by `env:NAME` values. Default: none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Standard input, read by a credential given as `@-`. Default: none. */
  stdin?: CliInputStream;
  /**
   * Aborted when the user asks the run to stop (Ctrl-C): a listing then stops cleanly, prints
   * what it fetched and says how to resume.
   */
  signal?: AbortSignal;
  /** Folder that relative paths are read from. Default: the process's working folder. */
  cwd?: string;
}

/** Output is gathered into chunks of about this many characters before it is written to a pipe or file. */
const CHUNK_CHARACTERS = 64 * 1024;

/** Shortest credential value that is replaced in output: shorter ones would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** A line that stays at the bottom of the terminal (the progress line): cleared before output, drawn after. */
export interface StatusLine {
  clear(): void;
  draw(): void;
}

/**
 * The state of one run: buffered standard output, the environment, and the credential values
 * to keep out of everything written. Both streams pass through {@link RunContext.redact}.
 */
export class RunContext {
  readonly io: CliIo;
  /** The environment, plus the variables of an `--env-file`. */
  env: Readonly<Record<string, string | undefined>>;
  /** The exit status the command asks for; 0 unless it sets another. */
  exitCode = 0;
  /** The line kept at the bottom of standard error, when one is shown. */
  statusLine: StatusLine | undefined;
  readonly #secrets = new Set<string>();
  readonly #chunkCharacters: number;
  #pending: string[] = [];
  #pendingLength = 0;

  constructor(io: CliIo) {
    this.io = io;
    this.env = io.env ?? {};
    this.#chunkCharacters = io.stdout.isTTY ? 0 : CHUNK_CHARACTERS;
  }

  /** Aborted when the user asked the run to stop. */
  get signal(): AbortSignal | undefined {
    return this.io.signal;
  }

  /** Registers a credential value: it is replaced by `[redacted]` wherever it would be written. */
  addSecret(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH) this.#secrets.add(value);
    // A multi-line secret (a PEM key) is also hidden line by line.
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= 16) this.#secrets.add(line.trim());
    }
  }

  /** The text with every registered credential value replaced. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) result = result.replaceAll(secret, '[redacted]');
    return result;
  }

  /**
   * Queues one line of standard output; writes when enough has gathered, at once on a
   * terminal, so a reader sees records as they arrive.
   */
  async print(line: string): Promise<void> {
    this.#pending.push(line);
    this.#pendingLength += line.length + 1;
    if (this.#pendingLength >= this.#chunkCharacters) await this.flush();
  }

  /** Queues text as it is (help output, which brings its own line ends). */
  async printText(text: string): Promise<void> {
    await this.print(text.endsWith('\n') ? text.slice(0, -1) : text);
  }

  /** Writes the queued standard output, waiting for the stream to drain when it asks to. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const chunk = `${this.#pending.join('\n')}\n`;
    this.#pending = [];
    this.#pendingLength = 0;
    this.statusLine?.clear();
    await write(this.io.stdout, this.redact(chunk));
    this.statusLine?.draw();
  }

  /** Writes lines to standard error at once (after any queued standard output). */
  async error(...lines: string[]): Promise<void> {
    await this.flush();
    this.statusLine?.clear();
    await write(this.io.stderr, this.redact(`${lines.join('\n')}\n`));
    this.statusLine?.draw();
  }

  /** A warning or log line on standard error; standard output stays data only. */
  warn(line: string): void {
    this.statusLine?.clear();
    this.io.stderr.write(this.redact(`${line}\n`));
    this.statusLine?.draw();
  }
}

function write(stream: CliTextStream, chunk: string): Promise<void> {
  const accepted = stream.write(chunk);
  if (accepted !== false || typeof stream.once !== 'function') return Promise.resolve();
  return new Promise((resolve) => stream.once?.('drain', resolve));
}
