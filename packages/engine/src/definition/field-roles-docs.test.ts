import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roleFields } from './field-roles.js';
import { providerDefinitionSchema } from './schema.js';

/**
 * The authoring guide names which fields are JSONata, templates and regular expressions in one
 * table; it must say exactly what the schema says. A field is named by the end of its path
 * (`query.*` for every request's query), so each row item must end some field path of that role,
 * and each field path of the role must end with some item of the row.
 */

const GUIDE = fileURLToPath(new URL('../../../../docs/authoring-providers.md', import.meta.url));
const ROW_NAMES = { jsonata: 'JSONata', template: 'template', regex: 'regex' } as const;

function rowItems(guide: string, label: string): string[] {
  const row = guide.split('\n').find((line) => line.startsWith(`| **${label}**`));
  if (row === undefined) throw new Error(`docs/authoring-providers.md has no **${label}** row`);
  return [...row.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

const endsWith = (path: readonly string[], item: string) =>
  path.join('.').endsWith(`.${item}`) || path.join('.') === item;

describe('docs/authoring-providers.md field roles', () => {
  const guide = readFileSync(GUIDE, 'utf8');
  const fields = roleFields(providerDefinitionSchema);

  for (const [role, label] of Object.entries(ROW_NAMES)) {
    it(`names every ${role} field of the schema, and no other field`, () => {
      const items = rowItems(guide, label);
      const ofRole = fields.filter((field) => field.role === role);
      const unnamed = ofRole.filter((field) => !items.some((item) => endsWith(field.pattern, item)));
      const wrong = items.filter((item) => !ofRole.some((field) => endsWith(field.pattern, item)));

      expect(unnamed.map((field) => field.pattern.join('.'))).toEqual([]);
      expect(wrong).toEqual([]);
    });
  }
});
