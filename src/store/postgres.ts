/** PostgreSQL side of the store: a pg pool behind Kysely, and advisory locks on connections of their own. */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { LockHandle, Locks } from './locks.ts';
import { assemble, type Store, type StoreOptions } from './open.ts';
import type { Schema } from './schema.ts';

export async function openPostgres(url: string, opts: StoreOptions): Promise<Store> {
  const config: pg.ClientConfig = { connectionString: url };
  if (opts.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`invalid schema name "${opts.schema}"`);
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    } catch (error) {
      // Two instances creating the same schema at once: PostgreSQL's IF NOT EXISTS is not race-free.
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code !== '23505' && code !== '42P06') throw error;
    } finally {
      await client.end();
    }
    config.options = `-c search_path=${opts.schema}`;
  }
  const pool = new pg.Pool({ ...config, max: opts.poolSize ?? 10 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return assemble('postgres', db, postgresLocks(config));
}


export function postgresLocks(config: pg.ClientConfig): Locks {
  const held = new Map<string, LockHandle>();
  return {
    async tryHold(name) {
      if (held.has(name)) return null;
      const client = new pg.Client(config);
      let lose = () => {};
      const lost = new Promise<void>((resolve) => (lose = resolve));
      let released = false;
      client.on('error', () => {
        held.delete(name);
        if (!released) lose();
      });
      client.on('end', () => {
        held.delete(name);
        if (!released) lose();
      });
      await client.connect();
      // hashtextextended gives the 64-bit key the advisory lock functions take; names stay readable in code.
      const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [name]);
      if (!r.rows[0]?.ok) {
        released = true;
        await client.end();
        return null;
      }
      const handle: LockHandle = {
        name,
        lost,
        async release() {
          if (released) return;
          released = true;
          held.delete(name);
          // Ending the session frees its advisory locks; no unlock round trip needed.
          await client.end().catch(() => {});
        },
      };
      held.set(name, handle);
      return handle;
    },
    async releaseAll() {
      await Promise.all([...held.values()].map((h) => h.release()));
    },
  };
}
