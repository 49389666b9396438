/**
 * Cold start as a user of the published package meets it: a fresh Node process imports the
 * built engine (`packages/engine/dist`, built first when absent), calls `createEngine()` and
 * makes a first `connect`. Built-in definitions are loaded and compiled on first use, by the
 * first `connect` to each provider (by `createEngine()` in builds before that change): the
 * total of the three is the figure to compare. Each part is timed inside the child; the whole
 * process (Node's own start included) from outside. Several fresh processes, one after the
 * other: median and range.
 *
 * `--against <checkout>` times another checkout's built engine too (built beforehand), in
 * processes alternated with this one's: the way to compare two versions on a busy machine.
 *
 *   node --conditions=@org/source --import ./bench/compile-as-built.mjs bench/cold-start.ts [--runs 7] [--against ../other-checkout]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixed, numberOption, table } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The child: every figure from performance.now(), whose origin is the process's start. */
function childScript(entry: string): string {
  return `
const started = performance.now();
const { createEngine } = await import(${JSON.stringify(entry)});
const imported = performance.now();
const engine = createEngine();
const created = performance.now();
engine.connect('okta', { params: { domain: 'acme.okta.com' }, auth: { method: 'api_token', token: 'not-a-real-token' } });
const connected = performance.now();
console.log(JSON.stringify({ boot: started, import: imported - started, createEngine: created - imported, connect: connected - created, total: connected - started }));
`;
}

type Part = 'boot' | 'import' | 'createEngine' | 'connect' | 'total' | 'process';
type Sample = Record<Part, number>;

const PARTS: Array<[Part, string]> = [
  ['boot', 'Node starts (before the import)'],
  ['import', "import('@org/engine') (built)"],
  ['createEngine', 'createEngine()'],
  ['connect', "first connect('okta', ...) (compiles that provider's definition)"],
  ['total', 'import + createEngine + connect'],
  ['process', 'whole process, spawn to exit'],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function entryOf(checkout: string): string {
  return pathToFileURL(resolve(checkout, 'packages/engine/dist/index.js')).href;
}

function runChild(entry: string): Sample {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', childScript(entry)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(`the child failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as Omit<Sample, 'process'>), process: wall };
}

function cell(samples: Sample[], part: Part): string {
  const values = samples.map((sample) => sample[part]);
  return `${fixed(median(values))} (${fixed(Math.min(...values))}–${fixed(Math.max(...values))})`;
}

function main(): void {
  const runs = numberOption('runs', 7);
  const againstIndex = process.argv.indexOf('--against');
  const against = againstIndex === -1 ? undefined : process.argv[againstIndex + 1];
  const entry = entryOf(ROOT);
  if (!existsSync(fileURLToPath(entry))) {
    process.stderr.write('cold-start: building the engine first...\n');
    const build = spawnSync(
      'npx',
      ['turbo', 'run', 'build', '--filter=@org/engine', '--output-logs=errors-only'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('the engine build failed');
  }
  const other = against === undefined ? undefined : entryOf(against);
  if (other && !existsSync(fileURLToPath(other))) throw new Error(`${against} has no built engine`);
  const mine: Sample[] = [];
  const theirs: Sample[] = [];
  for (let run = 0; run < runs; run += 1) {
    mine.push(runChild(entry));
    if (other) theirs.push(runChild(other));
  }
  console.log(`### cold start: a fresh process, the built package\n`);
  console.log(
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${runs} fresh processes${other ? ' of each build, alternated' : ' one after the other'}; ms, median (range).\n`,
  );
  const headers = other ? ['part', 'this checkout', `--against ${against}`] : ['part', 'ms, median (range)'];
  console.log(
    table(
      headers,
      PARTS.map(([part, label]) => [label, cell(mine, part), ...(other ? [cell(theirs, part)] : [])]),
    ),
  );
  console.log();
}

main();
