/**
 * `{{ path }}` templates of provider definitions. A template is parsed once into parts, so
 * rendering per request is a join, not a regex scan.
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}/g;
const ALLOWED_ROOTS = new Set([
  'params',
  'auth',
  'filter',
  'parent',
  'record',
  'id',
  'id_parts',
  'limit',
  'member_id',
]);

type TemplatePart = { text: string } | { path: string[] };

/** A parsed template. */
export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  /** Placeholder paths, e.g. `['params.domain']`. */
  readonly paths: readonly string[];
}

/** Values templates read from. */
export type TemplateScope = Partial<Record<string, unknown>>;

export function parseTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  const paths: string[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: source.slice(last, match.index) });
    const path = match[1]!;
    parts.push({ path: path.split('.') });
    paths.push(path);
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return { source, parts, paths };
}

/** Problems with a template's placeholders: unknown roots and unclosed braces. */
export function checkTemplate(source: string): string[] {
  const problems: string[] = [];
  const template = parseTemplate(source);
  for (const path of template.paths) {
    const root = path.split('.')[0]!;
    if (!ALLOWED_ROOTS.has(root)) {
      problems.push(`unknown placeholder {{${path}}}: expected one of ${[...ALLOWED_ROOTS].join(', ')}`);
    }
  }
  const leftover = source.replace(PLACEHOLDER, '');
  if (leftover.includes('{{') || leftover.includes('}}')) problems.push('unbalanced {{ }} in template');
  return problems;
}

/** Reads a dotted path from the scope; returns undefined for a missing or empty value. */
export function lookupPath(scope: TemplateScope, path: readonly string[]): unknown {
  let value: unknown = scope;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value === null || value === '' ? undefined : value;
}

/**
 * Renders a template. Returns undefined when a placeholder has no value, so optional query
 * parameters can be left out. `encode` is applied to each substituted value (path segments).
 */
export function renderTemplate(
  template: Template,
  scope: TemplateScope,
  encode: (value: string) => string = (value) => value,
): string | undefined {
  let output = '';
  for (const part of template.parts) {
    if ('text' in part) {
      output += part.text;
      continue;
    }
    const value = lookupPath(scope, part.path);
    if (value === undefined) return undefined;
    output += encode(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return output;
}
