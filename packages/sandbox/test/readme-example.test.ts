import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const example = readFileSync(new URL('../examples/quick-start.ts', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the README example', () => {
  it('is the example file, verbatim', () => {
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('runs as written and prints what its comments promise', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
      lines.push(values.join(' '));
    });
    await import('../examples/quick-start.js');
    expect(lines).toEqual([
      expect.stringMatching(/^100 active users on the first page, more: true$/),
      expect.stringMatching(/^\d+ current employees$/),
      expect.stringMatching(/^connected as \S+@\S+$/),
      'proxy: HTTP 200',
      'not_found 404',
    ]);
  });
});
