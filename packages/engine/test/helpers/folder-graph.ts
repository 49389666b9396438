import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Which folder of a source tree imports which: `folder -> folder -> one import that shows it`.
 * A folder is the first path segment under the root; a file at the root is a node of its own,
 * because the root holds the package's entry points, not one concern.
 */
export type FolderGraph = Map<string, Map<string, string>>;

/** Production files only: a test may exercise several layers at once without tying them. */
function isProductionFile(path: string): boolean {
  return path.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(path) && !path.endsWith('-test-support.ts');
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : isProductionFile(path) ? [path] : [];
  });
}

/** The node a file belongs to: its top folder under `root`, or the file itself at the root. */
function folderOf(root: string, file: string): string {
  return relative(root, file).split(sep)[0]!;
}

/** Reads every relative import (static, type-only, re-export or dynamic) below `root`. */
export function readFolderGraph(root: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of listFiles(root)) {
    const from = folderOf(root, file);
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    for (const { fileName } of imports) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName.replace(/\.js$/, '.ts'));
      const to = folderOf(root, target);
      if (to === from || to.startsWith('..')) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(root, file)} imports ${fileName}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/**
 * Cycles as paths that return to their start, each step with the import that makes it; a
 * folder already on a reported cycle starts no other. Empty when the graph is acyclic.
 */
export function findCycles(graph: FolderGraph): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const nodes = [...graph.keys()].sort();
  for (const start of nodes) {
    if (done.has(start)) continue;
    const path = shortestPathBack(graph, start);
    if (path) {
      cycles.push(
        path
          .slice(0, -1)
          .map((node, index) => `${node} -> ${path[index + 1]} (${step(graph, node, path[index + 1]!)})`),
      );
      for (const node of path) done.add(node);
    }
    done.add(start);
  }
  return cycles;
}

function step(graph: FolderGraph, from: string, to: string): string {
  return graph.get(from)?.get(to) ?? '';
}

/** Breadth-first from `start` along imports; the first way back to `start`, or undefined. */
function shortestPathBack(graph: FolderGraph, start: string): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (next === start) {
        const chain: string[] = [];
        for (let at = node; at !== start; at = previous.get(at)!) chain.unshift(at);
        return [start, ...chain, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** The graph as sorted lines `a -> b, c`, for reading and for failure messages. */
export function describeFolderGraph(graph: FolderGraph): string[] {
  return [...graph.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, edges]) => `${from} -> ${[...edges.keys()].sort().join(', ')}`);
}
