/**
 * `@org/engine/fixtures`: the provider conformance checks without a test runner, for tools
 * (`org-engine test` uses it). Run one fixture through the public API against recorded
 * exchanges, explain a failure, check a whole provider folder against its snapshots.
 *
 * Test files use `@org/engine/testing` instead, which turns the same checks into vitest tests.
 *
 * @packageDocumentation
 */

export { formatFixtureFailure } from './testing/fixture-report.js';
export { runFixture } from './testing/fixture-runner.js';
export type {
  AttemptedRequest,
  Exchange,
  Fixture,
  FixtureOutcome,
  RecordedRequest,
} from './testing/fixture-types.js';
export {
  checkProviderFolder,
  type FixtureCheck,
  missingParts,
  type ProviderFolderCheck,
  readFixtures,
  snapshotFile,
  snapshotText,
} from './testing/provider-folder.js';
export { diffLines } from './testing/snapshot-diff.js';
