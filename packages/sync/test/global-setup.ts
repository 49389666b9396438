import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * The Postgres of the test run: the server at DATABASE_URL when set, else an embedded one
 * started here and stopped after the run. (Not a `mkdtemp` folder: as root, Postgres runs as
 * another user, who must be able to reach the data folder.)
 */
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return;
  }
  const folder = join(tmpdir(), `org-sync-test-${process.pid}`);
  const database = await startEmbeddedPostgres(folder);
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.stop();
    await rm(folder, { recursive: true, force: true });
  };
}
