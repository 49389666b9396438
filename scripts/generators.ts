import { generateUnified } from './generate-unified.ts';
import type { GeneratedFile } from './generated-file.ts';

/** Generators beyond the provider schema, in the order they run. */
export const extraGenerators: Array<() => Promise<GeneratedFile[]>> = [generateUnified];
