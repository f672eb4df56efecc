/**
 * better-sqlite3 behind Kysely with prepared statements kept. Kysely's SQLite driver prepares every query
 * anew, so a fan-out that claims, renews and records 10,000 digests creates tens of thousands of native
 * statements that live until V8 gets round to collecting their wrappers: memory V8 does not see, and a
 * compile of the same SQL each time. The builder produces a handful of distinct SQL texts (parameters are
 * bound, not inlined), so a small cache by text holds every hot one.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept; the least recently used goes first. */
export const STATEMENT_CACHE_SIZE = 100;

/**
 * Kysely's driver runs one query at a time on its single connection (and a streamed query holds it until
 * the stream ends), so a cached statement is never asked to run while it is still iterating.
 */
export function withStatementCache(database: SqliteDatabase, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
      } else {
        stmt = database.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close(): void {
      cache.clear();
      database.close();
    },
  };
}
