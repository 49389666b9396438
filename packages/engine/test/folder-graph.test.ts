import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeFolderGraph,
  type FolderGraph,
  findCycles,
  readFolderGraph,
} from './helpers/folder-graph.js';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '../src');

function graphOf(edges: Record<string, string[]>): FolderGraph {
  return new Map(
    Object.entries(edges).map(([from, targets]) => [
      from,
      new Map(targets.map((to) => [to, `${from}/x.ts`])),
    ]),
  );
}

describe('the engine folder graph', () => {
  it('has no cycle: each folder only imports folders below it', () => {
    const graph = readFolderGraph(SOURCE);
    expect(findCycles(graph), describeFolderGraph(graph).join('\n')).toEqual([]);
    // The check reads real imports: the connection layer does use http and definition.
    expect([...(graph.get('connection')?.keys() ?? [])]).toEqual(
      expect.arrayContaining(['definition', 'http']),
    );
  });

  it('keeps errors at the bottom: every folder may use it, it uses none', () => {
    const graph = readFolderGraph(SOURCE);
    expect([...(graph.get('errors')?.keys() ?? [])]).toEqual([]);
  });
});

describe('findCycles', () => {
  it('finds nothing in a layered graph', () => {
    expect(findCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('reports a cycle through three folders as the path back, with the import of each step', () => {
    const cycles = findCycles(graphOf({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }));
    expect(cycles).toEqual([['a -> b (a/x.ts)', 'b -> c (b/x.ts)', 'c -> a (c/x.ts)']]);
  });

  it('reports each separate cycle once', () => {
    const cycles = findCycles(graphOf({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }));
    expect(cycles).toEqual([
      ['a -> b (a/x.ts)', 'b -> a (b/x.ts)'],
      ['c -> d (c/x.ts)', 'd -> c (d/x.ts)'],
    ]);
  });
});

describe('readFolderGraph', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function write(files: Record<string, string>): string {
    root = mkdtempSync(join(tmpdir(), 'folder-graph-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it('sees type-only imports, re-exports and dynamic imports, and fails on the cycle they make', () => {
    const source = write({
      'http/client.ts': "import type { Token } from '../auth/token.js';\n",
      'auth/token.ts': "export { send } from '../connection/send.js';\n",
      'connection/send.ts': "export const load = () => import('../http/client.js');\n",
      'index.ts': "import './http/client.js';\n",
    });
    const graph = readFolderGraph(source);
    expect(describeFolderGraph(graph)).toEqual([
      'auth -> connection',
      'connection -> http',
      'http -> auth',
      'index.ts -> http',
    ]);
    expect(findCycles(graph)).toEqual([
      [
        'auth -> connection (auth/token.ts imports ../connection/send.js)',
        'connection -> http (connection/send.ts imports ../http/client.js)',
        'http -> auth (http/client.ts imports ../auth/token.js)',
      ],
    ]);
  });

  it('leaves out tests, imports inside a folder and packages', () => {
    const source = write({
      'http/client.ts': "import { request } from 'undici';\nimport './retry.js';\n",
      'http/retry.ts': '',
      'http/client.test.ts': "import '../auth/token.js';\n",
      'auth/token.ts': "import '../http/client.js';\n",
    });
    expect(describeFolderGraph(readFolderGraph(source))).toEqual(['auth -> http']);
  });
});
