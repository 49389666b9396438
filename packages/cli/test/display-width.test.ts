import { describe, expect, it } from 'vitest';
import { displayWidth, fitWidth } from '../src/formats/display-width.js';
import { TableWriter } from '../src/formats/table-writer.js';
import { RunContext } from '../src/run-context.js';

describe('terminal widths', () => {
  it('counts CJK characters and emoji as two cells, combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('山田太郎')).toBe(8);
    expect(displayWidth('김민준')).toBe(6);
    expect(displayWidth('🎉')).toBe(2);
    expect(displayWidth('👩‍💻')).toBe(2); // one grapheme of three code points
    expect(displayWidth('❤️')).toBe(2); // text heart with the emoji selector
    expect(displayWidth('José')).toBe(4);
    expect(displayWidth('Jose\u0301')).toBe(4);
  });

  it('cuts and pads to an exact width, never splitting a wide character', () => {
    expect(fitWidth('山田太郎', 5)).toBe('山田…');
    expect(displayWidth(fitWidth('山田太郎', 5))).toBe(5);
    expect(fitWidth('山田太郎', 6)).toBe('山田… ');
    expect(fitWidth('ab', 4)).toBe('ab  ');
  });

  it('lines up table columns holding CJK names and emoji', async () => {
    let stdout = '';
    const context = new RunContext({
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: () => true },
    });
    const table = new TableWriter(context, ['id', 'name', 'status']);
    await table.add({ id: '1', name: '山田太郎', status: 'active' });
    await table.add({ id: '2', name: 'Ana 🎉', status: 'active' });
    await table.add({ id: '3', name: 'Bob', status: 'suspended' });
    await table.end('3 records');
    await context.flush();
    const rows = stdout.split('\n').slice(0, 4);
    expect(rows[0]).toBe('ID  NAME      STATUS');
    // STATUS starts in the same terminal column on every row.
    for (const row of rows)
      expect(displayWidth(row.slice(0, row.search(/(STATUS|active|suspended)$/)))).toBe(14);
  });
});
