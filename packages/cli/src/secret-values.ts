import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseEnv } from 'node:util';
import { UsageError } from './arguments.js';
import type { RunContext } from './run-context.js';

/** What a credential given as `@-` is read from when standard input is a terminal: a prompt without echo. */
async function promptHidden(context: RunContext, label: string): Promise<string> {
  const input = context.io.stdin as NodeJS.ReadableStream;
  context.io.stderr.write(`${label}: `);
  // In terminal mode readline puts the terminal in raw mode (so the terminal itself does not
  // echo) and echoes the typed characters to its output: a stream that discards them. It must be
  // a real stream: readline listens to it (for resizes).
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input, output: muted, terminal: true });
  try {
    return await new Promise<string>((done) => reader.question('', done));
  } finally {
    reader.close();
    context.io.stderr.write('\n');
  }
}

/** All of standard input, as text. */
async function readAll(input: NonNullable<RunContext['io']['stdin']>): Promise<string> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk));
  return chunks.join('');
}

/** Reads secrets given as `env:NAME`, `@file` or `@-` (standard input), once each. */
export class SecretReader {
  readonly #context: RunContext;
  #stdinUsedBy: string | undefined;

  constructor(context: RunContext) {
    this.#context = context;
  }

  /**
   * The value of `--<option> <name>=<given>`: `env:NAME` from the environment (or `--env-file`),
   * `@path` from a file (a PEM key, a JSON key), `@-` from standard input (prompted for without
   * echo on a terminal), anything else as typed. A trailing line end is dropped. Messages name
   * the field and the source, never the value.
   */
  async read(option: string, name: string, given: string): Promise<string> {
    if (given.startsWith('env:')) return this.#fromEnvironment(option, name, given.slice('env:'.length));
    if (given === '@-') return this.#fromStdin(option, name);
    if (given.startsWith('@')) return this.#fromFile(option, name, given.slice(1));
    return given;
  }

  #fromEnvironment(option: string, name: string, variable: string): string {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new UsageError(`--${option} ${name}=env:<VARIABLE> needs a variable name`);
    }
    const value = this.#context.env[variable];
    if (value === undefined || value === '') {
      throw new UsageError(`--${option} ${name}: the environment variable ${variable} is not set`);
    }
    return value;
  }

  #fromFile(option: string, name: string, path: string): string {
    if (path === '') throw new UsageError(`--${option} ${name}=@<file> needs a file name`);
    try {
      return trimLineEnd(readFileSync(resolve(this.#context.io.cwd ?? process.cwd(), path), 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new UsageError(`--${option} ${name}=@${path}: cannot read the file (${code})`);
    }
  }

  async #fromStdin(option: string, name: string): Promise<string> {
    const input = this.#context.io.stdin;
    if (!input) throw new UsageError(`--${option} ${name}=@-: no standard input to read`);
    if (this.#stdinUsedBy !== undefined) {
      throw new UsageError(`--${option} ${name}=@-: standard input is already read for ${this.#stdinUsedBy}`);
    }
    this.#stdinUsedBy = name;
    const value = trimLineEnd(input.isTTY ? await promptHidden(this.#context, name) : await readAll(input));
    if (value === '') throw new UsageError(`--${option} ${name}=@-: standard input is empty`);
    return value;
  }
}

function trimLineEnd(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/**
 * The variables of a `.env` file (`NAME=value` lines, quotes and comments as dotenv reads
 * them), for `env:` values; the process environment wins over the file.
 */
export function readEnvFile(context: RunContext, path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(resolve(context.io.cwd ?? process.cwd(), path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`--env-file ${path}: cannot read the file (${code})`);
  }
  return parseEnv(text) as Record<string, string>;
}
