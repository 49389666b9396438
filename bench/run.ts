/**
 * Runs the benchmarks, each in its own Node process (so one's heap and RSS do not weigh on the
 * next) with `--expose-gc` (so heap figures start from a collected heap), and prints their
 * Markdown tables. Not part of `pnpm test`: timings depend on the machine and are not asserted.
 *
 *   npx pnpm bench                      # 5,000 Okta users, median of 5 rounds after 1 warm-up
 *   npx pnpm bench --users 2000 --runs 3 --profile
 *
 * Flags (`--users`, `--workato-users`, `--records`, `--runs`, `--warmup`) are passed on to every
 * benchmark; `--profile` also runs bench/profile-users.ts (one profiled engine listing, see
 * bench/README.md). bench/list-users.ts and bench/fan-out-and-derived.ts run on their own.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const BENCHMARKS = [
  'bench/contenders.ts',
  'bench/mappings.ts',
  'bench/pipeline-stages.ts',
  'bench/cold-start.ts',
];
const PROFILE = 'bench/profile-users.ts';

/** `--users`, `--runs`, `--warmup` and their values, as given. */
function passedOn(argv: string[], names: string[]): string[] {
  const args: string[] = [];
  for (const name of names) {
    const index = argv.indexOf(`--${name}`);
    if (index !== -1 && argv[index + 1] !== undefined) args.push(`--${name}`, argv[index + 1]!);
  }
  return args;
}

// TypeScript compiled as the packages are built (see compile-as-built.mjs), not through tsx.
const COMPILE_AS_BUILT = new URL('./compile-as-built.mjs', import.meta.url).href;

function runNode(file: string, args: string[], exposeGc: boolean): Promise<void> {
  const flags = [
    ...(exposeGc ? ['--expose-gc'] : []),
    '--conditions=@org/source',
    '--import',
    COMPILE_AS_BUILT,
  ];
  const child = spawn(process.execPath, [...flags, file, ...args], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${file} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = passedOn(argv, ['users', 'workato-users', 'records', 'runs', 'warmup']);
  const started = performance.now();
  console.log(`## Benchmarks (${new Date().toISOString()})\n`);
  if (availableParallelism() < 2) {
    console.log('Only one CPU: the sandbox process competes with the client, ratios will be lower.\n');
  }
  for (const file of BENCHMARKS) await runNode(file, args, true);
  if (argv.includes('--profile')) await runNode(PROFILE, passedOn(argv, ['users']), false);
  process.stderr.write(`all benchmarks done in ${Math.round((performance.now() - started) / 1000)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
