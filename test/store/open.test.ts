import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';
import { backend, testDatabase } from '../helpers/store.ts';

describe('openStore', () => {
  it.runIf(backend === 'sqlite')('upgrades a data directory from before the store layer in place, keeping its rows', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'capwatch-upgrade-')), 'capwatch.sqlite');
    // The first round's tables, as its modules created them.
    const old = new Database(file);
    old.exec(`CREATE TABLE digest_ledger (subscription_id TEXT NOT NULL, local_date TEXT NOT NULL, edition TEXT, status TEXT NOT NULL,
      attempts INTEGER NOT NULL, owner TEXT NOT NULL, last_error TEXT, claimed_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      PRIMARY KEY (subscription_id, local_date))`);
    old.exec(`INSERT INTO digest_ledger VALUES ('discord:1', '2025-11-24', NULL, 'claimed', 1, 'dead', NULL, '2025-11-24T13:30:00Z', '2025-11-24T13:30:00Z')`);
    old.exec(`INSERT INTO digest_ledger VALUES ('discord:2', '2025-11-24', NULL, 'sent', 1, 'dead', NULL, '2025-11-24T13:30:00Z', '2025-11-24T13:30:00Z')`);
    old.exec(`CREATE TABLE curated_figures (key TEXT PRIMARY KEY, value DOUBLE PRECISION NOT NULL, source TEXT NOT NULL, as_of TEXT NOT NULL, label TEXT, unit TEXT, updated_at TEXT NOT NULL)`);
    old.exec(`INSERT INTO curated_figures VALUES ('k', 1.5, 'S', '2025-11-01', NULL, NULL, '2025-11-02T00:00:00Z')`);
    old.close();

    const store = await openStore({ file });
    expect(await store.curated.get('k')).toMatchObject({ value: 1.5, source: 'S' });
    const ledger = new DeliveryLedger(store.ledger, 'new');
    // An open claim of the old process is taken over at once; a sent digest stays sent.
    expect(await ledger.claim('discord:1', '2025-11-24', new Date())).toBe(true);
    expect(await ledger.claim('discord:2', '2025-11-24', new Date())).toBe(false);
    await store.close();
    // Opening again runs nothing new.
    await (await openStore({ file })).close();
  });

  it('runs the migrations once when several instances start on one database together', async () => {
    const db = testDatabase();
    const stores = await Promise.all([db.open(), db.open(), db.open()]);
    for (const s of stores) expect(await s.subscriptions.listAll()).toEqual([]);
    const tables = await stores[0]!.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['digest_ledger', 'digest_subscriptions', 'market_cache']));
  });

  it('says which migration failed when the database cannot be migrated', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'capwatch-bad-')), 'capwatch.sqlite');
    const old = new Database(file);
    // A table of the same name whose shape the migration cannot extend.
    old.exec('CREATE VIEW digest_ledger AS SELECT 1 AS x');
    old.close();
    await expect(openStore({ file })).rejects.toThrow(/^database migration 0001-initial failed: /);
  });
});
