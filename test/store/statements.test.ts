import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/statements.ts';

/** An in-memory database that counts the statements it prepares. */
function counted() {
  const database = new Database(':memory:');
  const prepared: string[] = [];
  const prepare = database.prepare.bind(database);
  return {
    database: { prepare: (text: string) => (prepared.push(text), prepare(text)), close: () => database.close() },
    prepared,
    raw: database,
  };
}

describe('withStatementCache', () => {
  it('prepares each SQL text once, whatever the parameters', async () => {
    const { database, prepared } = counted();
    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    await db.schema.createTable('t').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text').execute();
    for (let i = 0; i < 50; i++) await db.insertInto('t').values({ id: i, name: `n${i}` }).execute();
    for (let i = 0; i < 50; i++) expect(await db.selectFrom('t').select('name').where('id', '=', i).executeTakeFirst()).toEqual({ name: `n${i}` });
    expect(prepared.filter((s) => s.startsWith('insert'))).toHaveLength(1);
    expect(prepared.filter((s) => s.startsWith('select'))).toHaveLength(1);
    await db.destroy();
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const { database, prepared } = counted();
    const cached = withStatementCache(database, 2);
    cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1'); // now the most recent
    cached.prepare('select 3'); // evicts 'select 2'
    cached.prepare('select 1');
    cached.prepare('select 2');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
    cached.close();
  });

  it('a kept statement sees a column added after it was prepared', async () => {
    const { database } = counted();
    const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    await sql`create table t (a integer)`.execute(db);
    await sql`insert into t (a) values (1)`.execute(db);
    expect((await sql`select * from t`.execute(db)).rows).toEqual([{ a: 1 }]);
    await sql`alter table t add column b text default 'x'`.execute(db);
    expect((await sql`select * from t`.execute(db)).rows).toEqual([{ a: 1, b: 'x' }]);
    await db.destroy();
  });

  it('a statement streamed over is reused once the stream ends', async () => {
    const { database } = counted();
    const db = new Kysely<{ t: { id: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    await db.schema.createTable('t').addColumn('id', 'integer').execute();
    await db.insertInto('t').values([{ id: 1 }, { id: 2 }]).execute();
    const seen: number[] = [];
    for await (const row of db.selectFrom('t').select('id').orderBy('id').stream()) seen.push(row.id);
    expect(seen).toEqual([1, 2]);
    expect(await db.selectFrom('t').select('id').orderBy('id').execute()).toEqual([{ id: 1 }, { id: 2 }]);
    await db.destroy();
  });
});
