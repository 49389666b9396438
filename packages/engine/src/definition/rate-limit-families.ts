import type { Template } from './template.js';

interface FamilyPattern {
  pattern: RegExp;
  family: string;
}

/** `/members/*` -> a pattern of `/members/<one segment>`; `**` stands for any rest. */
function matcherPattern(matcher: string): RegExp {
  const source = matcher
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** `/api/v1/apps/{{parent.id}}/users` -> a pattern of `/api/v1/apps/<one segment>/users`. */
function templatePattern(template: Template): RegExp {
  const source = template.parts
    .map((part) => ('text' in part ? part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[^/]+'))
    .join('');
  return new RegExp(`^${source}$`);
}

/** A template with each placeholder standing in as one segment, for matching against matchers. */
function templateSample(template: Template): string {
  return template.parts.map((part) => ('text' in part ? part.text : '_')).join('');
}

/**
 * The rate-limit families of a definition: declared once in `rate_limit.families` as path
 * matchers, found by the same matcher for the definition's requests and for proxy calls.
 */
export class RateLimitFamilies {
  readonly #declared: FamilyPattern[];
  #implied: FamilyPattern[] = [];

  constructor(declared: Readonly<Record<string, readonly string[]>>) {
    this.#declared = Object.entries(declared).flatMap(([family, matchers]) =>
      matchers.map((matcher) => ({ pattern: matcherPattern(matcher), family })),
    );
  }

  /** The family of a request path template: a declared family, or the template itself. */
  ofTemplate(template: Template): string {
    const sample = templateSample(template);
    return this.#declared.find((candidate) => candidate.pattern.test(sample))?.family ?? template.source;
  }

  /** Records the request templates of the definition, so a raw path finds the family of its endpoint. */
  learn(templates: readonly Template[]): void {
    this.#implied = templates.map((template) => ({
      pattern: templatePattern(template),
      family: this.ofTemplate(template),
    }));
  }

  /**
   * The family of a raw path (a proxy call): a declared family, else the family of the first
   * definition request whose path template matches, else the path itself.
   */
  ofPath(path: string): string {
    return (
      this.#declared.find((candidate) => candidate.pattern.test(path))?.family ??
      this.#implied.find((candidate) => candidate.pattern.test(path))?.family ??
      path
    );
  }
}
