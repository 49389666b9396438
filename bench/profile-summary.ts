/**
 * Summarises a V8 CPU profile (`.cpuprofile`, from `node --cpu-prof` or the inspector): self
 * time by area of the pipeline, the hottest functions, and inclusive time of the synchronous
 * engine steps. JSONata 2 evaluates asynchronously, so its frames resume from the microtask
 * queue and cannot be charged to the engine function that started them: they are grouped by
 * file instead.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixed, table } from './measure.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: Array<[string, (url: string, name: string) => boolean]> = [
  ['JSONata evaluation (jsonata.js)', (url) => url.includes('/jsonata/')],
  ['mapping helpers ($toIsoUtc, $ianaTimezone...)', (url) => /jsonata-helpers|rails-time/.test(url)],
  ['pruneEmpty', (url) => url.includes('mapping/prune-empty')],
  ['schema validation (Ajv)', (url, name) => /\/ajv/.test(url) || /^validate\d+$/.test(name)],
  [
    'JSON.parse (HttpClient.readBody)',
    (url, name) => url.includes('http/http-client') && name === 'readBody',
  ],
  [
    'HTTP: undici, sockets, streams',
    (url) => /\/undici\/|node:internal\/(deps\/undici|net|stream)/.test(url),
  ],
  ['engine, other', (url) => url.includes('packages/engine/src/')],
  ['benchmark loop', (url) => url.includes('/bench/')],
  ['garbage collector', (_url, name) => name === '(garbage collector)'],
  ['promise / microtask machinery', (_url, name) => name === 'runMicrotasks' || name === '(program)'],
  ['idle (waiting for the server)', (_url, name) => name === '(idle)'],
  ['other (Node internals)', () => true],
];

/** Sync engine functions whose time includes what they call (validation, pruning, parsing). */
const INCLUSIVE = ['finishRecord', 'pruneEmpty', 'validate', 'readBody', 'toIsoUtc', 'ianaTimezone'];

/** A repository- or package-relative location; never an absolute machine path. */
function where(frame: CallFrame): string {
  if (!frame.url) return '(native)';
  const path = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  const short = path.includes('node_modules/')
    ? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : relative(process.cwd(), path);
  // Sources run through tsx report line 0; only real line numbers are shown.
  return frame.lineNumber > 0 ? `${short}:${frame.lineNumber + 1}` : short;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/** Markdown tables of where the time went. */
export function summariseProfile(profile: CpuProfile, top = 15): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    self.set(id, (self.get(id) ?? 0) + delta);
    total += delta;
  });
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = nodes.get(id)!.callFrame;
    const area = AREAS.find(([, test]) => test(frame.url, frame.functionName))![0];
    areas.set(area, (areas.get(area) ?? 0) + time);
    const name = `${frame.functionName || '(anonymous)'} ${where(frame)}`;
    functions.set(name, (functions.get(name) ?? 0) + time);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const { functionName, url } = nodes.get(at)!.callFrame;
      if (INCLUSIVE.includes(functionName) && url.includes('packages/engine/src/')) seen.add(functionName);
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
  const share = (time: number) => `${fixed((time / total) * 100, 1)}%`;
  const ms = (time: number) => fixed(time / 1000);
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return [
    `Profiled ${ms(total)} ms.\n`,
    table(
      ['area (self time)', 'ms', 'share'],
      sorted(areas).map(([area, time]) => [area, ms(time), share(time)]),
    ),
    '',
    table(
      ['hottest functions (self time)', 'ms', 'share'],
      sorted(functions)
        .slice(0, top)
        .map(([name, time]) => [`\`${name}\``, ms(time), share(time)]),
    ),
    '',
    table(
      ['engine step (inclusive, sync part)', 'ms', 'share'],
      sorted(inclusive).map(([name, time]) => [`\`${name}\``, ms(time), share(time)]),
    ),
  ].join('\n');
}
