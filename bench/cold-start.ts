/**
 * Cold start as a user of the published package meets it: a fresh Node process imports the
 * built engine (`packages/engine/dist`, built first when absent), calls `createEngine()`, which
 * loads and compiles every built-in definition, and makes a first `connect`. Each part is timed
 * inside the child; the whole process (Node's own start included) from outside. Several fresh
 * processes, one after the other: median and range.
 *
 *   node --conditions=@org/source --import tsx bench/cold-start.ts [--runs 7]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixed, numberOption, table } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = new URL('../packages/engine/dist/index.js', import.meta.url).href;

// The child: every figure from performance.now(), whose origin is the process's start.
const CHILD = `
const started = performance.now();
const { createEngine } = await import(${JSON.stringify(ENTRY)});
const imported = performance.now();
const engine = createEngine();
const created = performance.now();
engine.connect('okta', { params: { domain: 'acme.okta.com' }, auth: { method: 'api_token', token: 'not-a-real-token' } });
const connected = performance.now();
console.log(JSON.stringify({ boot: started, import: imported - started, createEngine: created - imported, connect: connected - created, total: connected - started }));
`;

type Part = 'boot' | 'import' | 'createEngine' | 'connect' | 'total' | 'process';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function main(): void {
  const runs = numberOption('runs', 7);
  if (!existsSync(fileURLToPath(ENTRY))) {
    process.stderr.write('cold-start: building the engine first...\n');
    const build = spawnSync(
      'npx',
      ['turbo', 'run', 'build', '--filter=@org/engine', '--output-logs=errors-only'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('the engine build failed');
  }
  const samples: Array<Record<Part, number>> = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const wall = performance.now() - started;
    if (child.status !== 0) throw new Error(`the child failed: ${child.stderr}`);
    samples.push({ ...(JSON.parse(child.stdout) as Omit<Record<Part, number>, 'process'>), process: wall });
  }
  const parts: Array<[Part, string]> = [
    ['boot', 'Node starts (before the import)'],
    ['import', "import('@org/engine') (built)"],
    ['createEngine', 'createEngine(): load and compile every built-in definition'],
    ['connect', "first connect('okta', ...)"],
    ['total', 'import + createEngine + connect'],
    ['process', 'whole process, spawn to exit'],
  ];
  console.log(`### cold start: a fresh process, the built package\n`);
  console.log(
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${runs} fresh processes one after the other.\n`,
  );
  console.log(
    table(
      ['part', 'ms (median)', 'range'],
      parts.map(([part, label]) => {
        const values = samples.map((sample) => sample[part]);
        return [label, fixed(median(values)), `${fixed(Math.min(...values))}–${fixed(Math.max(...values))}`];
      }),
    ),
  );
  console.log();
}

main();
