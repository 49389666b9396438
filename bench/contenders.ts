/**
 * Whole listings, three contenders alternated in one process: the engine with its mappings
 * compiled (the default), the engine with every expression on the JSONata interpreter
 * (`setEvaluationMode('interpreted')`), and a hand-written undici client with plain TypeScript
 * mappings (hand-written.ts). Four listings (Okta user-directory/users, hris/employees,
 * sso/app-users, Workato user-directory/users) in two settings: against the sandbox (its own
 * process, the other core) and against the zero-cost server (zero-cost-server.ts: pages kept in
 * memory, so what is left is the client's own cost).
 *
 * Engine defaults throughout: validation `drop` (every record checked against its schema),
 * `remote_data` on. Before timing, each hand-written client is checked to produce exactly the
 * engine's records, and the engine interpreted exactly its records compiled.
 *
 * Every round runs each contender once, in an order that rotates from round to round; each run
 * gets a fresh keep-alive agent (and engine), made before its clock starts. Reported: medians
 * over the measured rounds, and the ratio to the hand-written client of the same round as a
 * median with its range.
 *
 *   node --expose-gc --conditions=@org/source --import ./bench/compile-as-built.mjs bench/contenders.ts [--users 5000] [--workato-users 2000] [--runs 5] [--warmup 1] [--only "Okta users"] [--without-interpreted]
 */
import { isDeepStrictEqual } from 'node:util';
import { Agent } from 'undici';
import { createEngine, type EngineError } from '../packages/engine/src/index.js';
import { type EvaluationMode, setEvaluationMode } from '../packages/engine/src/mapping/evaluation-mode.js';
import {
  type HandWrittenOptions,
  listOktaAppUsers,
  listOktaEmployees,
  listOktaUsers,
  listWorkatoUsers,
} from './hand-written.js';
import { environmentLine, fixed, numberOption, table } from './measure.js';
import { type RemoteSandbox, type SandboxProviderId, startRemoteSandbox } from './remote-sandbox.js';

type Json = Record<string, unknown>;

interface Listing {
  name: string;
  provider: SandboxProviderId;
  model: string;
  resource: string;
  handWritten: (options: HandWrittenOptions) => Promise<void>;
}

const LISTINGS: Listing[] = [
  {
    name: 'Okta users',
    provider: 'okta',
    model: 'user-directory',
    resource: 'users',
    handWritten: listOktaUsers,
  },
  {
    name: 'Okta employees',
    provider: 'okta',
    model: 'hris',
    resource: 'employees',
    handWritten: listOktaEmployees,
  },
  {
    name: 'Okta app-users',
    provider: 'okta',
    model: 'sso',
    resource: 'app-users',
    handWritten: listOktaAppUsers,
  },
  {
    name: 'Workato users',
    provider: 'workato',
    model: 'user-directory',
    resource: 'users',
    handWritten: listWorkatoUsers,
  },
];

type Setting = 'sandbox' | 'zero-cost';
type ContenderName = 'engine, compiled' | 'engine, interpreted' | 'hand-written';
const ALL_CONTENDERS: ContenderName[] = ['engine, compiled', 'engine, interpreted', 'hand-written'];
// `--without-interpreted`: the interpreter's runs leave the process in another state (heap,
// type feedback of the code both engine contenders share); without them the compiled engine
// runs as it would in production.
const CONTENDERS = process.argv.includes('--without-interpreted')
  ? ALL_CONTENDERS.filter((name) => name !== 'engine, interpreted')
  : ALL_CONTENDERS;

interface Sample {
  ms: number;
  cpuMs: number;
}

/** The connection settings of a sandbox, pointed at the setting's server. */
function connectionOf(sandbox: RemoteSandbox, setting: Setting) {
  return {
    ...sandbox.connection,
    baseUrl: setting === 'sandbox' ? sandbox.connection.baseUrl : sandbox.zeroCost.baseUrl,
  };
}

/** Lists through the engine; returns the records (when `keep`) and their count. */
async function throughEngine(
  listing: Listing,
  sandbox: RemoteSandbox,
  setting: Setting,
  mode: EvaluationMode,
  agent: Agent,
  options: { remoteData?: boolean; keep?: Json[] } = {},
): Promise<number> {
  const warnings: EngineError[] = [];
  const engine = createEngine({ dispatcher: agent, onWarning: (warning) => warnings.push(warning) });
  const connection = engine.connect(listing.provider, connectionOf(sandbox, setting));
  setEvaluationMode(mode);
  let count = 0;
  try {
    const records = connection.iterate(listing.model as 'user-directory', listing.resource as 'users', {
      remoteData: options.remoteData ?? true,
    });
    for await (const record of records) {
      count += 1;
      options.keep?.push(record as Json);
    }
  } finally {
    setEvaluationMode('compiled');
  }
  if (warnings.length > 0)
    throw new Error(`${listing.name}: ${warnings.length} warnings, first: ${warnings[0]!.message}`);
  return count;
}

async function byHand(
  listing: Listing,
  sandbox: RemoteSandbox,
  setting: Setting,
  agent: Agent,
  keep?: Json[],
) {
  let count = 0;
  await listing.handWritten({
    baseUrl: connectionOf(sandbox, setting).baseUrl,
    token: sandbox.token,
    dispatcher: agent,
    onPage: (records) => {
      count += records.length;
      if (keep) for (const { remote_data: _raw, ...record } of records) keep.push(record);
    },
  });
  return count;
}

/** Fails unless the three contenders give the same records (remote_data aside) and the expected count. */
async function checkSameRecords(listing: Listing, sandbox: RemoteSandbox): Promise<number> {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  try {
    const compiled: Json[] = [];
    const interpreted: Json[] = [];
    const handWritten: Json[] = [];
    await throughEngine(listing, sandbox, 'sandbox', 'compiled', agent, {
      remoteData: false,
      keep: compiled,
    });
    const withInterpreted = CONTENDERS.includes('engine, interpreted');
    if (withInterpreted) {
      await throughEngine(listing, sandbox, 'sandbox', 'interpreted', agent, {
        remoteData: false,
        keep: interpreted,
      });
    }
    await byHand(listing, sandbox, 'sandbox', agent, handWritten);
    const expected = sandbox.expected[`${listing.model}/${listing.resource}`];
    if (compiled.length !== expected)
      throw new Error(`${listing.name}: ${compiled.length} records, expected ${expected}`);
    if (withInterpreted && !isDeepStrictEqual(compiled, interpreted))
      throw new Error(`${listing.name}: interpreted records differ`);
    const mine = new Map(handWritten.map((record) => [record.id, record]));
    for (const record of compiled) {
      if (!isDeepStrictEqual(record, mine.get(record.id))) {
        console.error('engine:', record, '\nhand-written:', mine.get(record.id));
        throw new Error(`${listing.name}: the hand-written client gives other records`);
      }
    }
    if (mine.size !== compiled.length)
      throw new Error(`${listing.name}: the hand-written client gives other records`);
    return compiled.length;
  } finally {
    await agent.close();
  }
}

async function runOnce(
  contender: ContenderName,
  listing: Listing,
  sandbox: RemoteSandbox,
  setting: Setting,
): Promise<Sample & { records: number }> {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  try {
    // No gc() first: a forced full collection before a run doubled the engine's CPU in the run
    // after it (Okta users 58 -> 104 µs a record) and left the hand-written client's as it was,
    // a state a long-running process never is in.
    const cpu = process.cpuUsage();
    const started = performance.now();
    const records =
      contender === 'hand-written'
        ? await byHand(listing, sandbox, setting, agent)
        : await throughEngine(
            listing,
            sandbox,
            setting,
            contender === 'engine, compiled' ? 'compiled' : 'interpreted',
            agent,
          );
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000, records };
  } finally {
    await agent.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Measured {
  listing: Listing;
  setting: Setting;
  records: number;
  samples: Record<ContenderName, Sample[]>;
}

async function measureListing(
  listing: Listing,
  sandbox: RemoteSandbox,
  setting: Setting,
  options: { runs: number; warmup: number },
): Promise<Measured> {
  const samples = Object.fromEntries(CONTENDERS.map((name) => [name, [] as Sample[]])) as Measured['samples'];
  let records = 0;
  let missesBefore = 0;
  for (let round = 0; round < options.warmup + options.runs; round += 1) {
    // The warm-up rounds also fill the zero-cost server; no measured round may miss it.
    if (round === options.warmup) missesBefore = (await sandbox.stats()).zeroCostMisses;
    const order = CONTENDERS.map((_, index) => CONTENDERS[(index + round) % CONTENDERS.length]!);
    for (const contender of order) {
      const sample = await runOnce(contender, listing, sandbox, setting);
      records = sample.records;
      if (round >= options.warmup) samples[contender].push(sample);
    }
  }
  const missed = (await sandbox.stats()).zeroCostMisses - missesBefore;
  if (setting === 'zero-cost' && missed > 0)
    throw new Error(`${listing.name}: ${missed} pages were not in memory`);
  process.stderr.write(
    `  ${listing.name}, ${setting}: ${CONTENDERS.map((name) => `${name} ${fixed(median(samples[name].map((s) => s.ms)))} ms`).join(', ')}\n`,
  );
  return { listing, setting, records, samples };
}

function ratioCell(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `**${fixed(median(sorted), 2)}×** (${fixed(sorted[0]!, 2)}–${fixed(sorted.at(-1)!, 2)})`;
}

function report(results: Measured[]): string {
  const rows: Array<Array<string | number>> = [];
  for (const result of results) {
    const base = result.samples['hand-written'];
    for (const contender of CONTENDERS) {
      const own = result.samples[contender];
      const ratios = own.map((sample, index) => sample.ms / base[index]!.ms);
      const cpuRatios = own.map((sample, index) => sample.cpuMs / base[index]!.cpuMs);
      rows.push([
        result.listing.name,
        result.setting,
        fixed(result.records),
        contender,
        fixed(median(own.map((sample) => sample.ms))),
        fixed((median(own.map((sample) => sample.cpuMs)) * 1000) / result.records, 1),
        contender === 'hand-written' ? '1.00×' : ratioCell(ratios),
        contender === 'hand-written' ? '1.00×' : ratioCell(cpuRatios),
      ]);
    }
  }
  return table(
    [
      'listing',
      'server',
      'records',
      'contender',
      'ms (median)',
      'client CPU µs/record',
      'time vs hand-written, median (range)',
      'client CPU vs hand-written',
    ],
    rows,
  );
}

async function main(): Promise<void> {
  const users = numberOption('users', 5_000);
  const workatoUsers = numberOption('workato-users', 2_000);
  const options = { runs: numberOption('runs', 5), warmup: Math.max(1, numberOption('warmup', 1)) };
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const sandboxes = {
    okta: await startRemoteSandbox(users, 42, 'okta'),
    workato: await startRemoteSandbox(workatoUsers, 42, 'workato'),
  };
  try {
    const results: Measured[] = [];
    for (const listing of LISTINGS.filter((candidate) => !only || candidate.name.includes(only))) {
      const sandbox = sandboxes[listing.provider];
      process.stderr.write(`contenders: ${listing.name}, checking that all three give the same records...\n`);
      await checkSameRecords(listing, sandbox);
      for (const setting of ['sandbox', 'zero-cost'] as const) {
        results.push(await measureListing(listing, sandbox, setting, options));
      }
    }
    console.log(
      `### whole listings: engine compiled, engine interpreted, hand-written (${fixed(users)} Okta users, ${fixed(workatoUsers)} Workato collaborators)\n`,
    );
    console.log(
      `${environmentLine(options, false)}, contenders alternated within each round. Records checked equal across the contenders. ` +
        'Ratios: each run against the hand-written run of the same round; median, then (min–max).\n',
    );
    console.log(report(results));
    console.log();
  } finally {
    await Promise.all([sandboxes.okta.close(), sandboxes.workato.close()]);
  }
}

await main();
