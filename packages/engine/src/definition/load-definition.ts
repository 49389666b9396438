import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { EngineError, type Problem } from '../errors/engine-error.js';
import { compileWrapped, JsonataSyntaxError } from '../mapping/compile-jsonata.js';
import { checkDefinition } from './check-definition.js';
import { type CompiledProvider, compileDefinition } from './compile-definition.js';
import { lineOf, problemsFromZod } from './format-problems.js';
import { providerDefinitionSchema } from './schema.js';

const MAPPING_FILE = /^[\w./-]+\.jsonata$/;
/** Keys whose string values are JSONata, and so may name a `.jsonata` file instead. */
const JSONATA_KEYS = new Set([
  'mapping',
  'records',
  'computed_query',
  'local',
  'next_url',
  'cursor',
  'total',
  'message',
  'code',
]);

/** Where a definition's mapping files come from. */
export interface DefinitionSource {
  /** YAML text of provider.yaml. */
  text: string;
  /** Reads a file named relative to provider.yaml; absent when the definition is given as text. */
  readFile?: ((relativePath: string) => string) | undefined;
  /** Shown in errors, e.g. `providers/acme/provider.yaml`. */
  origin?: string | undefined;
}

/** Reads provider.yaml (or a provider folder) from disk, with its mapping files resolved next to it. */
export function readDefinitionFile(path: string): DefinitionSource {
  let file = path;
  let text: string;
  try {
    if (statSync(path).isDirectory()) file = join(path, 'provider.yaml');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new EngineError('invalid_definition', `cannot read the provider definition ${file}`, {
      operation: 'load',
      problems: [{ path: '', message: `cannot read ${file}: ${reason}` }],
      cause: error,
    });
  }
  const directory = normalize(dirname(file));
  return {
    text,
    origin: file,
    readFile: (relativePath) => {
      // Compared after resolving links too: a symbolic link must not lead out of the folder.
      const root = realpathSync(directory);
      const target = realpathSync(normalize(join(directory, relativePath)));
      if (!target.startsWith(`${root}${sep}`)) throw new Error('the file is outside the provider folder');
      return readFileSync(target, 'utf8');
    },
  };
}

/**
 * Parses, validates and compiles a definition. Every problem found (YAML, schema, cross-checks,
 * JSONata and regular expressions) is collected and thrown once as `invalid_definition`.
 */
export function loadDefinition(
  source: DefinitionSource,
  isKnownResource?: (key: string) => boolean,
): CompiledProvider {
  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false });
  const fail = (problems: Problem[], providerId?: string): never => {
    throw new EngineError(
      'invalid_definition',
      `invalid provider definition${source.origin ? ` ${source.origin}` : ''}`,
      {
        provider: providerId,
        operation: 'load',
        problems,
      },
    );
  };
  if (document.errors.length > 0) {
    fail(
      document.errors.map((error) => ({
        path: '',
        message: `YAML: ${error.message.split('\n')[0]}`,
        // With prettyErrors off the error carries offsets only; the line counter turns them into lines.
        line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
      })),
    );
  }
  const raw = document.toJS({ maxAliasCount: 100 }) as unknown;
  const fileProblems: Problem[] = [];
  inlineMappingFiles(raw, [], source, fileProblems, (path) => lineOf(document, lineCounter, path));
  // reportInput: a value of the wrong type then reads "expected string", not "required".
  const parsed = providerDefinitionSchema.safeParse(raw, { reportInput: true });
  const providerId =
    typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
  if (!parsed.success) {
    // Cross-checks need a schema-valid definition, but JSONata syntax can be checked now, so the
    // author learns of those problems in the same round.
    const syntaxProblems: Problem[] = [];
    collectJsonataSyntaxProblems(raw, [], syntaxProblems, (path) => lineOf(document, lineCounter, path));
    fail(
      [...fileProblems, ...problemsFromZod(parsed.error.issues, document, lineCounter), ...syntaxProblems],
      providerId,
    );
  }
  const definition = parsed.data!;
  const problems = [...fileProblems, ...checkDefinition(definition, isKnownResource)];
  const compiled = compileDefinition(definition, problems);
  const located = problems.map((problem) =>
    problem.line === undefined
      ? { ...problem, ...lineField(lineOf(document, lineCounter, problem.path.split('.'))) }
      : problem,
  );
  if (located.length > 0) fail(located, definition.id);
  return compiled;
}

/** JSONata syntax errors in the string values of JSONata keys (static records aside). */
function collectJsonataSyntaxProblems(
  node: unknown,
  path: Array<string | number>,
  problems: Problem[],
  locate: (path: Array<string | number>) => number | undefined,
): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries())
      collectJsonataSyntaxProblems(item, [...path, index], problems, locate);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'static') continue;
    const where = [...path, key];
    if (typeof value === 'string' && JSONATA_KEYS.has(key) && value.trim() !== '') {
      try {
        compileWrapped(value);
      } catch (error) {
        if (!(error instanceof JsonataSyntaxError)) throw error;
        problems.push({ path: where.join('.'), message: error.message, ...lineField(locate(where)) });
      }
    } else {
      collectJsonataSyntaxProblems(value, where, problems, locate);
    }
  }
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

function inlineMappingFiles(
  node: unknown,
  path: Array<string | number>,
  source: DefinitionSource,
  problems: Problem[],
  locate: (path: Array<string | number>) => number | undefined,
): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries())
      inlineMappingFiles(item, [...path, index], source, problems, locate);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'static') continue;
    if (typeof value === 'string' && JSONATA_KEYS.has(key) && MAPPING_FILE.test(value.trim())) {
      const where = [...path, key];
      if (!source.readFile) {
        problems.push({
          path: where.join('.'),
          message: `cannot read ${value}: the definition was given as text; load it from its file`,
        });
        record[key] = '$';
        continue;
      }
      try {
        record[key] = source.readFile(value.trim());
      } catch (error) {
        const line = locate(where);
        problems.push({
          path: where.join('.'),
          message: `cannot read mapping file ${value}: ${(error as Error).message}`,
          ...lineField(line),
        });
        // The definition fails on this problem anyway; a placeholder keeps the file name from
        // being compiled as JSONata and reported a second time.
        record[key] = '$';
      }
    } else {
      inlineMappingFiles(value, [...path, key], source, problems, locate);
    }
  }
}
