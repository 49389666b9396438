/**
 * Where the engine's time per record goes, stage by stage, without HTTP: every page of an Okta
 * sandbox's users is fetched once as text, then each stage of the engine's pipeline runs alone
 * over all of them (JSON.parse, the users.jsonata mapping as the engine evaluates it, pruning,
 * schema validation), next to the hand-written mapping. A what-if row evaluates the same
 * mapping with `$text` as a native helper instead of a JSONata lambda (see bench/README.md);
 * its output is checked to be identical first.
 *
 *   node --expose-gc --conditions=@org/source --import tsx bench/pipeline-stages.ts [--users 20000] [--runs 5] [--warmup 1]
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Agent, request } from 'undici';
import { createUnifiedValidator } from '../packages/engine/src/index.js';
import { pruneEmpty } from '../packages/engine/src/mapping/prune-empty.js';
import { PageExpression } from '../packages/engine/src/mapping/record-mapping.js';
import { environmentLine, fixed, numberOption, table } from './measure.js';
import { mapOktaUser, nextLink, type OktaUserJson } from './okta-baseline.js';
import { startRemoteSandbox } from './remote-sandbox.js';

const MAPPING = readFileSync(new URL('../providers/okta/mappings/users.jsonata', import.meta.url), 'utf8');
const TEXT_LAMBDA = /\$text := function\(\$v\) \{[^}]*\};/;
const BINDINGS = { params: { domain: 'acme.okta.com' }, filter: {} };

/** JSONata's `$trim($string(v))` for present values, '' for absent ones: the lambda, natively. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  const string =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return string.replace(/[ \t\n\r]+/g, ' ').trim();
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

/** Median milliseconds of `run` over the measured runs. */
async function time(options: { runs: number; warmup: number }, run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < options.warmup + options.runs; index++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    await run();
    if (index >= options.warmup) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function mapAll(expression: PageExpression, pages: OktaUserJson[][], bindings = {}) {
  const outputs: unknown[] = [];
  for (const page of pages) outputs.push(...(await expression.apply(page, { ...BINDINGS, ...bindings })));
  return outputs;
}

async function main(): Promise<void> {
  const users = numberOption('users', 20_000);
  const options = { runs: numberOption('runs', 5), warmup: numberOption('warmup', 1) };
  process.stderr.write(`pipeline-stages: ${users} users\n`);
  const texts = await fetchPages(users);
  const pages = texts.map((body) => JSON.parse(body) as OktaUserJson[]);
  const records = pages.reduce((sum, page) => sum + page.length, 0);
  const engineMapping = new PageExpression(MAPPING);
  const mapped = await mapAll(engineMapping, pages);
  const pruned = mapped.map((output) => pruneEmpty(output));
  const validator = createUnifiedValidator();
  const rows: Array<[string, number]> = [
    ['JSON.parse of the pages', await time(options, () => texts.map((body) => JSON.parse(body)))],
    ['users.jsonata, as the engine evaluates it', await time(options, () => mapAll(engineMapping, pages))],
    ['pruneEmpty', await time(options, () => mapped.map((output) => pruneEmpty(output)))],
    [
      'schema validation (Ajv, strict)',
      await time(options, () =>
        pruned.map((record) => validator.validate('user-directory', 'users', record)),
      ),
    ],
    [
      'hand-written mapping (baseline)',
      await time(options, () => pages.map((page) => page.map((user) => mapOktaUser(user, true)))),
    ],
  ];
  if (TEXT_LAMBDA.test(MAPPING)) {
    const native = new PageExpression(MAPPING.replace(TEXT_LAMBDA, ''));
    const same = isDeepStrictEqual((await mapAll(native, pages, { text })).map(pruneEmpty), pruned);
    if (!same) throw new Error('the native $text mapping does not give the same records');
    rows.push([
      'what-if: users.jsonata with `$text` as a native helper',
      await time(options, () => mapAll(native, pages, { text })),
    ]);
  }
  const mappingMs = rows[1]![1];
  console.log(`### pipeline stages: ${fixed(records)} Okta users, each stage alone (no HTTP)\n`);
  console.log(`${environmentLine(options)}.\n`);
  console.log(
    table(
      ['stage', 'ms', 'µs/record', 'vs users.jsonata'],
      rows.map(([stage, ms]) => [
        stage,
        fixed(ms),
        fixed((ms * 1000) / records, 1),
        `${fixed((ms / mappingMs) * 100)}%`,
      ]),
    ),
  );
  console.log();
}

await main();
