/**
 * Stores for tests, on the backend the run asks for: SQLite (a temp file) by default, or PostgreSQL when
 * CAPWATCH_TEST_DB=postgres and CAPWATCH_TEST_PG_URL points at a server (see .ci/run). Each test database
 * is new: a temp SQLite file, or a PostgreSQL schema of its own that is dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../src/store/open.ts';

export const backend: 'sqlite' | 'postgres' = process.env.CAPWATCH_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const pgUrl = process.env.CAPWATCH_TEST_PG_URL;
if (backend === 'postgres' && !pgUrl) throw new Error('CAPWATCH_TEST_DB=postgres needs CAPWATCH_TEST_PG_URL');

export interface TestDatabase {
  /** Options that open this database (also for a child process: pass them as JSON). */
  options: StoreOptions;
  /** A new connection (a new Store) to this database. */
  open(): Promise<Store>;
}

const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

/** A new, empty database; every Store opened on it is closed after the test file. */
export function testDatabase(): TestDatabase {
  let options: StoreOptions;
  if (backend === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    options = { databaseUrl: pgUrl, schema, poolSize: 4 };
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'capwatch-store-'));
    options = { file: join(dir, 'capwatch.sqlite') };
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  }
  return {
    options,
    async open() {
      const store = await openStore(options);
      // Closed before the database is dropped (cleanups run in reverse).
      cleanups.push(() => store.close());
      return store;
    },
  };
}

/** One Store on a new database. */
export function openTestStore(): Promise<Store> {
  return testDatabase().open();
}
