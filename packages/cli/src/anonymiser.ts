/** Keys whose string values are a person's name. `name` itself counts when the object also holds an email. */
const PERSON_NAME_KEYS =
  /^(first_?name|last_?name|middle_?name|display_?name|full_?name|nick_?name|given_?name|family_?name|honorific_?(prefix|suffix))$/i;
const PHONE_KEYS = /phone|mobile|fax/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Replaces names, emails and phone numbers in recorded JSON, consistently: the same value
 * becomes the same stand-in everywhere (bodies, query strings, links), so filters and
 * references still line up when the fixture is replayed.
 */
export class Anonymiser {
  readonly #replacements = new Map<string, string>();
  #people = 0;
  #emails = 0;
  #phones = 0;

  /** The stand-in of an email address: `person<n>@example.com`. */
  email(value: string): string {
    return this.#replace(value, () => `person${++this.#emails}@example.com`);
  }

  /** Every email address inside a text (a URL, a query, a message) replaced. */
  text(value: string): string {
    let result = value.replace(EMAIL, (match) => this.email(match));
    // A value already seen as a name or phone elsewhere is replaced in free text too.
    for (const [original, replacement] of this.#replacements) {
      if (original.length >= 4 && !original.includes('@')) result = result.split(original).join(replacement);
    }
    return result;
  }

  /** A JSON value with names, emails and phones replaced. */
  value(value: unknown, key = '', siblings: Record<string, unknown> = {}): unknown {
    if (Array.isArray(value)) return value.map((item) => this.value(item, key, siblings));
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(record).map(([name, item]) => [name, this.value(item, name, record)]),
      );
    }
    if (typeof value !== 'string' || value === '') return value;
    if (PHONE_KEYS.test(key) && /\d{3}/.test(value)) {
      return this.#replace(value, () => `+1 555 01${String(++this.#phones).padStart(2, '0')}`);
    }
    const personName =
      PERSON_NAME_KEYS.test(key) ||
      (key === 'name' && Object.keys(siblings).some((name) => /email/i.test(name)));
    if (personName) return this.#replace(value, () => `Person ${++this.#people}`);
    return value.replace(EMAIL, (match) => this.email(match));
  }

  #replace(original: string, make: () => string): string {
    const known = this.#replacements.get(original);
    if (known !== undefined) return known;
    const replacement = make();
    this.#replacements.set(original, replacement);
    return replacement;
  }
}
