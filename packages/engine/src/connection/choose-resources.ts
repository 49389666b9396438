import type { ProviderDefinition } from '../definition/compiled-types.js';

/**
 * The provider as one connection serves it: each resource declared `by` a param is the
 * definition its param value names, and a value without one does not serve the resource.
 */
export function chooseResources(
  provider: ProviderDefinition,
  params: Readonly<Record<string, string>>,
): ProviderDefinition {
  if (provider.choices.size === 0) return provider;
  const resources = new Map(provider.resources);
  for (const [key, choice] of provider.choices) {
    const value = params[choice.param];
    const chosen = value === undefined ? undefined : choice.values.get(value);
    if (chosen) resources.set(key, chosen);
    else resources.delete(key);
  }
  return { ...provider, resources };
}
