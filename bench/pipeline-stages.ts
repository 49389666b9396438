/**
 * Where the engine's time per record goes, stage by stage, without HTTP: every page of an Okta
 * sandbox's users is fetched once as text, then each stage of the engine's pipeline runs alone
 * over all of them (JSON.parse, the users mapping compiled and interpreted, pruning, schema
 * validation), next to the hand-written mapping. The mapping is the one the built-in definition
 * loads, with the definition's constants bound (`$user_status`...), and its pruned output is
 * checked to equal the hand-written mapping's before anything is timed.
 *
 *   node --expose-gc --conditions=@org/source --import ./bench/compile-as-built.mjs bench/pipeline-stages.ts [--users 5000] [--runs 5] [--warmup 1]
 */
import { isDeepStrictEqual } from 'node:util';
import { Agent, request } from 'undici';
import { createUnifiedValidator, loadProviderDefinition } from '../packages/engine/src/index.js';
import { type EvaluationMode, setEvaluationMode } from '../packages/engine/src/mapping/evaluation-mode.js';
import { pruneEmpty } from '../packages/engine/src/mapping/prune-empty.js';
import type { PageExpression } from '../packages/engine/src/mapping/record-mapping.js';
import { environmentLine, fixed, numberOption, table } from './measure.js';
import { mapOktaUser, nextLink, type OktaUserJson } from './okta-baseline.js';
import { startRemoteSandbox } from './remote-sandbox.js';

const BINDINGS = { params: { domain: 'acme.okta.com' }, filter: {} };

/** The users mapping as the built-in definition compiles it, constants bound. */
function usersMapping(): PageExpression {
  const okta = loadProviderDefinition(new URL('../providers/okta', import.meta.url).pathname);
  const source = okta.resources.get('user-directory/users')?.list?.sources[0];
  if (source?.kind !== 'http') throw new Error('user-directory/users has no HTTP source');
  return source.mapping;
}

async function fetchPages(users: number): Promise<string[]> {
  const sandbox = await startRemoteSandbox(users, 42);
  const agent = new Agent();
  const pages: string[] = [];
  try {
    let url: URL | undefined = new URL('/api/v1/users?search=status%20pr&limit=200', sandbox.url);
    while (url) {
      const headers = { authorization: `SSWS ${sandbox.token}` };
      const response = await request(url, { dispatcher: agent, headers });
      pages.push(await response.body.text());
      const next = nextLink(response.headers.link);
      url = next ? new URL(next, url) : undefined;
    }
  } finally {
    await agent.close();
    await sandbox.close();
  }
  return pages;
}

/** Median CPU milliseconds (user + system) of `run` over the measured runs: the machine may be shared. */
async function time(options: { runs: number; warmup: number }, run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < options.warmup + options.runs; index++) {
    const before = process.cpuUsage();
    await run();
    const used = process.cpuUsage(before);
    if (index >= options.warmup) times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function mapAll(expression: PageExpression, pages: OktaUserJson[][], mode: EvaluationMode) {
  setEvaluationMode(mode);
  try {
    const outputs: unknown[] = [];
    for (const page of pages) outputs.push(...(await expression.apply(page, BINDINGS)));
    return outputs;
  } finally {
    setEvaluationMode('compiled');
  }
}

async function main(): Promise<void> {
  const users = numberOption('users', 5_000);
  const options = { runs: numberOption('runs', 5), warmup: numberOption('warmup', 1) };
  process.stderr.write(`pipeline-stages: ${users} users\n`);
  const texts = await fetchPages(users);
  const pages = texts.map((body) => JSON.parse(body) as OktaUserJson[]);
  const records = pages.reduce((sum, page) => sum + page.length, 0);
  const mapping = usersMapping();
  const mapped = await mapAll(mapping, pages, 'compiled');
  const pruned = mapped.map((output) => pruneEmpty(output));
  const byHand = pages.flatMap((page) => page.map((user) => mapOktaUser(user, false)));
  if (!isDeepStrictEqual(pruned, byHand))
    throw new Error('the users mapping and the hand-written one differ');
  if (!isDeepStrictEqual((await mapAll(mapping, pages, 'interpreted')).map(pruneEmpty), pruned))
    throw new Error('the users mapping gives other records interpreted than compiled');
  const validator = createUnifiedValidator();
  const rows: Array<[string, number]> = [
    ['JSON.parse of the pages', await time(options, () => texts.map((body) => JSON.parse(body)))],
    ['users mapping, compiled (the default)', await time(options, () => mapAll(mapping, pages, 'compiled'))],
    [
      'users mapping, interpreted (JSONata)',
      await time(options, () => mapAll(mapping, pages, 'interpreted')),
    ],
    ['pruneEmpty', await time(options, () => mapped.map((output) => pruneEmpty(output)))],
    [
      'schema validation (Ajv)',
      await time(options, () =>
        pruned.map((record) => validator.validate('user-directory', 'users', record)),
      ),
    ],
    [
      'hand-written mapping (baseline)',
      await time(options, () => pages.map((page) => page.map((user) => mapOktaUser(user, true)))),
    ],
  ];
  const mappingMs = rows[1]![1];
  console.log(`### pipeline stages: ${fixed(records)} Okta users, each stage alone (no HTTP)\n`);
  console.log(
    `${environmentLine(options, false)}. The compiled mapping's pruned records equal the hand-written ones and the interpreter's.\n`,
  );
  console.log(
    table(
      ['stage', 'CPU ms', 'CPU µs/record', 'vs compiled mapping'],
      rows.map(([stage, ms]) => [
        stage,
        fixed(ms),
        fixed((ms * 1000) / records, 1),
        `${fixed(ms / mappingMs, 2)}×`,
      ]),
    ),
  );
  console.log();
}

await main();
