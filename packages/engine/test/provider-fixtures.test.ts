import { fileURLToPath } from 'node:url';
import { testProviders } from '../src/testing.js';

/**
 * The one suite every provider folder gets by existing, through the same public export a
 * provider author's project calls: its definition loads, every fixture runs through the public
 * API with exact request assertions, every mapped record validates against the unified schema
 * (strict mode), and the output matches the reviewed snapshot.
 */
testProviders(fileURLToPath(new URL('../../../providers', import.meta.url)));
