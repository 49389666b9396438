import type { ParsedDefinition } from './schema.js';

/** Hosts the definition allows for its API and token requests. */
export function allowedHosts(definition: Pick<ParsedDefinition, 'base_url'>): string[] {
  const baseUrl = definition.base_url;
  if (baseUrl.allowed_hosts) return baseUrl.allowed_hosts;
  return Object.values(baseUrl.values ?? {}).flatMap((url) => {
    try {
      return [new URL(url).hostname];
    } catch {
      return [];
    }
  });
}

/** `*.example.com` matches any subdomain; other patterns match the host exactly. */
export function hostAllowed(hostname: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.startsWith('*.')
      ? hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1
      : hostname === pattern,
  );
}
