import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/store/db.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';

const T0 = new Date('2025-11-24T13:30:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const opened: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function memoryDb(): Db {
  const db = openDatabase(':memory:');
  opened.push(db);
  return db;
}

describe('DeliveryLedger', () => {
  it('lets exactly one claimant take a (subscription, local date)', () => {
    const db = memoryDb();
    const a = new DeliveryLedger(db, 'a');
    const b = new DeliveryLedger(db, 'b');
    expect(a.claim('discord:1', '2025-11-24', T0, '2025-11-21')).toBe(true);
    expect(a.claim('discord:1', '2025-11-24', at(1))).toBe(false);
    expect(b.claim('discord:1', '2025-11-24', at(1))).toBe(false);
    expect(b.claim('discord:1', '2025-11-25', at(1))).toBe(true);
    expect(a.get('discord:1', '2025-11-24')).toMatchObject({ status: 'claimed', attempts: 1, owner: 'a', edition: '2025-11-21' });
  });

  it('never reopens a sent or paused digest', () => {
    const db = memoryDb();
    const a = new DeliveryLedger(db, 'a');
    a.claim('s1', '2025-11-24', T0);
    expect(a.markSent('s1', '2025-11-24', at(1))).toBe(true);
    a.claim('s2', '2025-11-24', T0);
    a.markPaused('s2', '2025-11-24', at(1), 'channel is gone');
    const later = new DeliveryLedger(db, 'restarted');
    expect(later.claim('s1', '2025-11-24', at(600))).toBe(false);
    expect(later.claim('s2', '2025-11-24', at(600))).toBe(false);
    expect(later.get('s2', '2025-11-24')).toMatchObject({ status: 'paused', lastError: 'channel is gone' });
    a.claim('s3', '2025-11-24', T0);
    expect(later.settledOn('2025-11-24')).toEqual(new Set(['s1', 's2']));
    expect(later.settledOn('2025-11-25')).toEqual(new Set());
  });

  it('reclaims a claim abandoned by a crash once it is stale, and fences the old owner', () => {
    const db = memoryDb();
    const crashed = new DeliveryLedger(db, 'crashed', { staleClaimMs: 10 * 60_000 });
    const restarted = new DeliveryLedger(db, 'restarted', { staleClaimMs: 10 * 60_000 });
    expect(crashed.claim('s1', '2025-11-24', T0)).toBe(true);
    expect(restarted.claim('s1', '2025-11-24', at(9))).toBe(false);
    expect(restarted.claim('s1', '2025-11-24', at(11))).toBe(true);
    expect(restarted.get('s1', '2025-11-24')).toMatchObject({ status: 'claimed', attempts: 2, owner: 'restarted' });
    // The old owner can no longer record an outcome.
    expect(crashed.markSent('s1', '2025-11-24', at(12))).toBe(false);
    expect(restarted.markSent('s1', '2025-11-24', at(12))).toBe(true);
  });

  it('retries a failed delivery after a pause, up to maxAttempts claims', () => {
    const db = memoryDb();
    const l = new DeliveryLedger(db, 'a', { retryFailedAfterMs: 5 * 60_000, maxAttempts: 2 });
    l.claim('s1', '2025-11-24', T0);
    l.markFailed('s1', '2025-11-24', at(1), 'transient: 502');
    expect(l.claim('s1', '2025-11-24', at(3))).toBe(false);
    expect(l.claim('s1', '2025-11-24', at(7))).toBe(true);
    l.markFailed('s1', '2025-11-24', at(8), 'transient: 502');
    expect(l.claim('s1', '2025-11-24', at(20))).toBe(false);
    expect(l.get('s1', '2025-11-24')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'transient: 502' });
    expect(l.counts()).toEqual({ failed: 1 });
  });

  it('prunes rows before a date', () => {
    const l = new DeliveryLedger(memoryDb(), 'a');
    for (const date of ['2025-09-01', '2025-09-30', '2025-10-01', '2025-11-24']) l.claim('s1', date, T0);
    expect(l.pruneBefore('2025-10-01')).toBe(2);
    expect(l.get('s1', '2025-09-30')).toBeUndefined();
    expect(l.get('s1', '2025-10-01')?.status).toBe('claimed');
  });

  it('keeps claims exclusive between two connections to one SQLite file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'capwatch-ledger-'));
    dirs.push(dir);
    const file = join(dir, 'capwatch.db');
    const db1 = openDatabase(file);
    const db2 = openDatabase(file);
    opened.push(db1, db2);
    const one = new DeliveryLedger(db1, 'one');
    const two = new DeliveryLedger(db2, 'two');
    const winners: string[] = [];
    for (let i = 0; i < 500; i++) {
      const first = i % 2 === 0 ? one : two;
      const second = first === one ? two : one;
      for (const l of [first, second]) if (l.claim(`s${i}`, '2025-11-24', T0)) winners.push(`${i}:${l.ownerId}`);
    }
    expect(winners).toHaveLength(500);
    expect(new Set(winners.map((w) => w.split(':')[0])).size).toBe(500);
    expect(one.counts()).toEqual({ claimed: 500 });
  });
});
