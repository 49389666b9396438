import type { CompiledProvider, CompiledRequest } from '../definition/compiled-types.js';

interface FamilyPattern {
  pattern: RegExp;
  family: string;
}

const patternsByProvider = new WeakMap<CompiledProvider, FamilyPattern[]>();

function requestsOf(provider: CompiledProvider): CompiledRequest[] {
  const requests: CompiledRequest[] = [];
  for (const resource of provider.resources.values()) {
    const sources = [
      ...(resource.list?.sources ?? []),
      ...(resource.list?.variants.flatMap((variant) => variant.sources) ?? []),
    ];
    for (const source of sources) {
      if (source.kind !== 'http') continue;
      requests.push(source.request, ...source.enrichers.map((enricher) => enricher.request));
    }
    if (resource.get?.request) requests.push(resource.get.request);
  }
  return requests;
}

/** `/api/v1/apps/{{parent.id}}/users` -> a pattern matching `/api/v1/apps/<one segment>/users`. */
function toPattern(request: CompiledRequest): RegExp {
  const source = request.path.parts
    .map((part) => ('text' in part ? part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[^/]+'))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * The rate-limit family of a raw path, as the definition's own requests name it, so that
 * `proxy` calls spend the same budget as listings of the same endpoint. Paths no request
 * declares are their own family.
 */
export function familyOfPath(provider: CompiledProvider, path: string): string {
  let patterns = patternsByProvider.get(provider);
  if (!patterns) {
    patterns = requestsOf(provider).map((request) => ({
      pattern: toPattern(request),
      family: request.family,
    }));
    patternsByProvider.set(provider, patterns);
  }
  return patterns.find((candidate) => candidate.pattern.test(path))?.family ?? path;
}
