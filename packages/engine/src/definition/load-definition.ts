import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { type Document, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import { EngineError, type Problem } from '../errors/engine-error.js';
import { compileWrapped, JsonataSyntaxError } from '../mapping/compile-jsonata.js';
import { checkDefinition, checkValidParts } from './check-definition.js';
import { checkTemplates } from './check-templates.js';
import { compileDefinition, type ProviderDefinition } from './compile-definition.js';
import { type RoleValue, roleFields, roleValues } from './field-roles.js';
import { lineOf, problemsFromZod } from './format-problems.js';
import { catastrophicBacktracking } from './regex-safety.js';
import { providerDefinitionSchema } from './schema.js';

/** A JSONata field whose whole value looks like this names a file next to provider.yaml. */
const MAPPING_FILE = /^[\w./-]+\.jsonata$/;

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
 * templates, JSONata and regular expressions) is collected and thrown once as
 * `invalid_definition`, each with its path and line.
 */
export function loadDefinition(
  source: DefinitionSource,
  isKnownResource?: (key: string) => boolean,
): ProviderDefinition {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below and reported with the rest, not as a parse error that hides it.
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const fail = (problems: Problem[], providerId?: string): never => {
    throw new EngineError(
      'invalid_definition',
      `invalid provider definition${source.origin ? ` ${source.origin}` : ''}`,
      { provider: providerId, operation: 'load', problems: uniqueProblems(problems) },
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
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    // The yaml library stops an alias bomb with a ReferenceError: it is a problem of the file.
    fail([{ path: '', message: `YAML: ${(error as Error).message}` }]);
  }
  const locate = (path: Array<string | number>) => lineOf(document, lineCounter, path);
  const providerId =
    typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
  const version = (raw as { version?: unknown } | null)?.version;
  if (version !== undefined && version !== 1) {
    // Another format is migrated, never guessed at: its other problems would only mislead.
    fail(
      [
        {
          path: 'version',
          message: `definition format version ${JSON.stringify(version)} is not supported: this engine reads version 1`,
          ...lineField(locate(['version'])),
        },
      ],
      providerId,
    );
  }
  const problems: Problem[] = duplicateKeys(document, lineCounter);
  if (version === undefined && raw !== null && typeof raw === 'object' && !Array.isArray(raw))
    problems.push({
      path: 'version',
      message: 'required: version: 1, the definition format this file is written in',
    });
  const roleProblems = checkFieldRoles(raw, source);
  problems.push(...roleProblems.problems);
  const parsed = providerDefinitionSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    problems.push(
      ...problemsFromZod(parsed.error.issues, document, lineCounter).filter(
        (problem) => problem.path !== 'version',
      ),
    );
    // Compiling reports JSONata syntax otherwise; here the definition stops before compiling.
    problems.push(...roleProblems.jsonataSyntax());
    // Cross-checks of the parts that are valid on their own, so one round reports everything.
    problems.push(...checkValidParts(raw, isKnownResource));
    fail(locateAll(problems, locate), providerId);
  }
  const definition = parsed.data!;
  problems.push(...checkDefinition(definition, isKnownResource));
  const compiled = compileDefinition(definition, problems);
  if (problems.length > 0) fail(locateAll(problems, locate), definition.id);
  return compiled;
}

/** The fields with a role, derived once from the schema. */
const ROLE_FIELDS = roleFields(providerDefinitionSchema);

/**
 * What the field roles say about a definition as written (valid or not): every `.jsonata` file
 * named in a JSONata field is read and inlined, every regular expression compiles, every template
 * names only what the engine has at its place; and, on demand, every JSONata text parses.
 */
function checkFieldRoles(
  raw: unknown,
  source: DefinitionSource,
): { problems: Problem[]; jsonataSyntax: () => Problem[] } {
  const problems: Problem[] = [];
  const values = roleValues(raw, ROLE_FIELDS);
  const expressions: Array<{ path: string; text: string }> = [];
  for (const field of values) {
    const where = field.path.join('.');
    if (field.role === 'jsonata') {
      const text = inlineFile(raw, field, source, problems);
      if (text !== undefined && text.trim() !== '') expressions.push({ path: where, text });
    } else if (field.role === 'regex') {
      try {
        new RegExp(field.value, 'u');
        const unsafe = catastrophicBacktracking(field.value, 'u');
        if (unsafe) problems.push({ path: where, message: unsafe });
      } catch (error) {
        problems.push({ path: where, message: `invalid regular expression: ${(error as Error).message}` });
      }
    }
  }
  problems.push(
    ...checkTemplates(
      raw,
      values.filter((field) => field.role === 'template'),
    ),
  );
  const jsonataSyntax = () =>
    expressions.flatMap(({ path, text }) => {
      try {
        compileWrapped(text);
        return [];
      } catch (error) {
        if (!(error instanceof JsonataSyntaxError)) throw error;
        return [{ path, message: error.message }];
      }
    });
  return { problems, jsonataSyntax };
}

/** Reads the `.jsonata` file a JSONata field names into the definition; returns the JSONata text. */
function inlineFile(
  raw: unknown,
  field: RoleValue,
  source: DefinitionSource,
  problems: Problem[],
): string | undefined {
  const name = field.value.trim();
  if (!MAPPING_FILE.test(name)) return field.value;
  const where = field.path.join('.');
  let text: string | undefined;
  if (!source.readFile) {
    problems.push({
      path: where,
      message: `cannot read ${name}: the definition was given as text; load it from its file`,
    });
  } else {
    try {
      text = source.readFile(name);
    } catch (error) {
      problems.push({
        path: where,
        message: `cannot read mapping file ${name}: ${(error as Error).message}`,
      });
    }
  }
  // On failure a placeholder keeps the file name from being compiled as JSONata and reported twice.
  setAt(raw, field.path, text ?? '$');
  return text;
}

function setAt(node: unknown, path: ReadonlyArray<string | number>, value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], node);
  (parent as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}

/** Every key written twice in one map: the later one would silently win. */
function duplicateKeys(document: Document, lineCounter: LineCounter): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Map(_, map, path) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key)) {
          const start = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
          problems.push({
            path: [...keyPath(path), key].join('.'),
            message: `duplicate key ${key}`,
            ...lineField(start === undefined ? undefined : lineCounter.linePos(start).line),
          });
        }
        seen.add(key);
      }
    },
  });
  return problems;
}

/** The keys leading to a node, from the ancestors `visit` hands over. */
function keyPath(ancestors: readonly unknown[]): string[] {
  const keys: string[] = [];
  for (const [index, node] of ancestors.entries()) {
    if (isPair(node)) keys.push(isScalar(node.key) ? String(node.key.value) : String(node.key));
    else if (isSeq(node)) {
      const child = ancestors[index + 1];
      keys.push(String(node.items.indexOf(child as never)));
    }
  }
  return keys;
}

function locateAll(problems: Problem[], locate: (path: Array<string | number>) => number | undefined) {
  return problems.map((problem) =>
    problem.line === undefined ? { ...problem, ...lineField(locate(problem.path.split('.'))) } : problem,
  );
}

/** The same problem found twice (by the role checks and by compiling) is reported once. */
function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
