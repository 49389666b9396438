/**
 * Every record mapping of every built-in provider alone, compiled against interpreted: each
 * resource's mappings (list sources and variants, get, derived) run over the records of that
 * resource's fixtures, repeated to `--records` a call, with the definition's constants bound.
 * Same inputs, same outputs (checked), two evaluators alternated, CPU time (the machine may be
 * shared); the target is 10× or more for each.
 *
 *   node --expose-gc --conditions=@org/source --import ./bench/compile-as-built.mjs bench/mappings.ts [--records 1000] [--runs 5] [--warmup 1]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledResource } from '../packages/engine/src/definition/compiled-types.js';
import { loadProviderDefinition } from '../packages/engine/src/index.js';
import { type EvaluationMode, setEvaluationMode } from '../packages/engine/src/mapping/evaluation-mode.js';
import type { CollectionExpression, PageExpression } from '../packages/engine/src/mapping/record-mapping.js';
import { environmentLine, fixed, numberOption, table } from './measure.js';

const PROVIDERS = fileURLToPath(new URL('../providers', import.meta.url));

interface Fixture {
  connect?: { params?: Record<string, string> };
  call: { model?: string; resource?: string };
  exchanges: Array<{ response: { body?: unknown } }>;
}

/** The records a response body carries: the body if it is an array, else its arrays of objects. */
function recordsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body.filter((item) => item !== null && typeof item === 'object');
  if (body === null || typeof body !== 'object') return [];
  const arrays = Object.values(body).filter(
    (value): value is unknown[] => Array.isArray(value) && value.some((item) => typeof item === 'object'),
  );
  return arrays.length > 0 ? arrays.flat() : [body];
}

/** Records and params of every fixture, by resource. */
function samplesOf(folder: string): Map<string, { records: unknown[]; params: Record<string, string> }> {
  const samples = new Map<string, { records: unknown[]; params: Record<string, string> }>();
  for (const file of readdirSync(join(folder, 'fixtures')).filter((name) => name.endsWith('.json'))) {
    const fixture = JSON.parse(readFileSync(join(folder, 'fixtures', file), 'utf8')) as Fixture;
    if (!fixture.call.model) continue;
    const key = `${fixture.call.model}/${fixture.call.resource}`;
    const sample = samples.get(key) ?? { records: [], params: fixture.connect?.params ?? {} };
    for (const exchange of fixture.exchanges) sample.records.push(...recordsOf(exchange.response.body));
    samples.set(key, sample);
  }
  return samples;
}

type Mapping = PageExpression | CollectionExpression;

/** The record mappings of a resource, each once, named by where they are used. */
function mappingsOf(resource: CompiledResource): Array<[string, Mapping]> {
  const found = new Map<Mapping, string>();
  const sources = [
    ...(resource.list?.sources ?? []),
    ...(resource.list?.variants.flatMap((v) => v.sources) ?? []),
  ];
  for (const [index, source] of sources.entries()) {
    if (source.mapping && !found.has(source.mapping))
      found.set(source.mapping, index === 0 ? 'list' : `list, source ${index + 1}`);
  }
  if (resource.get?.mapping && !found.has(resource.get.mapping)) found.set(resource.get.mapping, 'get');
  return [...found].map(([mapping, role]) => [role, mapping]);
}

async function evaluateAll(
  mapping: Mapping,
  records: unknown[],
  bindings: Record<string, unknown>,
  mode: EvaluationMode,
) {
  setEvaluationMode(mode);
  try {
    return await mapping.apply(records, bindings);
  } finally {
    setEvaluationMode('compiled');
  }
}

/** CPU milliseconds of one call (user + system: what the work costs, whatever else runs on the machine). */
async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Compiled and interpreted alternated, round after round: CPU medians and the ratio of each round. */
async function compare(
  options: { runs: number; warmup: number },
  compiled: () => Promise<unknown>,
  interpreted: () => Promise<unknown>,
) {
  const samples = { compiled: [] as number[], interpreted: [] as number[], ratios: [] as number[] };
  for (let round = 0; round < options.warmup + options.runs; round += 1) {
    const compiledMs = await cpuMs(compiled);
    const interpretedMs = await cpuMs(interpreted);
    if (round < options.warmup) continue;
    samples.compiled.push(compiledMs);
    samples.interpreted.push(interpretedMs);
    samples.ratios.push(interpretedMs / compiledMs);
  }
  return {
    compiledMs: median(samples.compiled),
    interpretedMs: median(samples.interpreted),
    ratios: samples.ratios,
  };
}

async function main(): Promise<void> {
  const size = numberOption('records', 1_000);
  const options = { runs: numberOption('runs', 5), warmup: numberOption('warmup', 1) };
  const rows: Array<Array<string | number>> = [];
  const ratios: number[] = [];
  for (const id of readdirSync(PROVIDERS).sort()) {
    const folder = join(PROVIDERS, id);
    let provider: ReturnType<typeof loadProviderDefinition>;
    try {
      provider = loadProviderDefinition(folder);
    } catch {
      continue;
    }
    const samples = samplesOf(folder);
    for (const [key, resource] of provider.resources) {
      const sample = samples.get(key);
      if (!sample || sample.records.length === 0) continue;
      const records = Array.from(
        { length: size },
        (_, index) => sample.records[index % sample.records.length],
      );
      const bindings = { params: sample.params, filter: {} };
      for (const [role, mapping] of mappingsOf(resource)) {
        let compiled: unknown;
        let interpreted: unknown;
        try {
          compiled = await evaluateAll(mapping, records, bindings, 'compiled');
          interpreted = await evaluateAll(mapping, records, bindings, 'interpreted');
        } catch {
          continue; // a get mapping over a list fixture's records may not apply
        }
        if (JSON.stringify(compiled) !== JSON.stringify(interpreted))
          throw new Error(`${id} ${key} ${role}: outputs differ`);
        process.stderr.write(`  ${id} ${key} (${role})\n`);
        const measured = await compare(
          options,
          () => evaluateAll(mapping, records, bindings, 'compiled'),
          () => evaluateAll(mapping, records, bindings, 'interpreted'),
        );
        const ratio = median(measured.ratios);
        ratios.push(ratio);
        rows.push([
          id,
          `${key} (${role})`,
          sample.records.length,
          fixed((measured.compiledMs * 1000) / size, 1),
          fixed((measured.interpretedMs * 1000) / size, 1),
          `${ratio >= 10 ? `**${fixed(ratio, 1)}×**` : `${fixed(ratio, 1)}× (below 10×)`} (${fixed(Math.min(...measured.ratios), 1)}–${fixed(Math.max(...measured.ratios), 1)})`,
        ]);
      }
    }
  }
  console.log(`### every built-in record mapping alone: compiled against interpreted\n`);
  console.log(
    `${environmentLine(options)}; CPU time (user + system) of each call, compiled and interpreted alternated; ` +
      `${fixed(size)} records a call (the fixture records repeated), outputs checked equal. ` +
      `Smallest speed-up ${fixed(Math.min(...ratios), 1)}×, median ${fixed(median(ratios), 1)}×.\n`,
  );
  console.log(
    table(
      [
        'provider',
        'resource (mapping)',
        'fixture records',
        'compiled µs/record',
        'interpreted µs/record',
        'speed-up',
      ],
      rows,
    ),
  );
  console.log();
}

await main();
