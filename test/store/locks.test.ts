import { describe, it, expect } from 'vitest';
import { sql } from 'kysely';
import { backend, testDatabase } from '../helpers/store.ts';

describe('store.locks', () => {
  it('grants a named lock to one holder at a time, and again after release', async () => {
    const db = testDatabase();
    const a = await db.open();
    const b = await db.open();
    const held = await a.locks.tryHold('discord:shard:0');
    expect(held).not.toBeNull();
    expect(await a.locks.tryHold('discord:shard:0')).toBeNull();
    // Another instance on PostgreSQL is refused too; on SQLite there is only ever one process.
    if (backend === 'postgres') expect(await b.locks.tryHold('discord:shard:0')).toBeNull();
    expect(await b.locks.tryHold('discord:shard:1')).not.toBeNull();
    await held!.release();
    const again = await (backend === 'postgres' ? b : a).locks.tryHold('discord:shard:0');
    expect(again).not.toBeNull();
  });

  it.runIf(backend === 'postgres')('frees the lock of an instance that dies, and tells a holder that lost it', async () => {
    const db = testDatabase();
    const dying = await db.open();
    const other = await db.open();
    const held = await dying.locks.tryHold('gateway');
    expect(held).not.toBeNull();
    let lost = false;
    void held!.lost.then(() => (lost = true));
    // Kill the holder's session from outside, as a crashed process's connection would drop.
    await sql`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()`.execute(other.db);
    await held!.lost;
    expect(lost).toBe(true);
    expect(await other.locks.tryHold('gateway')).not.toBeNull();
  });
});
