import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { testDatabase, type TestDatabase } from '../helpers/store.ts';
import { silentLogger } from '../../src/logger.ts';
import { startScheduler, type Scheduler } from '../../src/digest/scheduler.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';
import type { Deliverer } from '../../src/digest/deliverer.ts';
import { countingCompose, recordingDeliverer, until } from './support/fakes.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const SEND = new Date('2025-11-24T13:30:00Z'); // Monday 08:30 New York
const CREATED = new Date('2025-11-20T12:00:00Z');
const plus = (minutes: number) => new Date(SEND.getTime() + minutes * 60_000);

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

async function seed(db: TestDatabase, count: number): Promise<void> {
  const repo = new SubscriptionRepository(await db.open(), () => CREATED);
  for (let i = 0; i < count; i++) await repo.save({ platform: i % 2 ? 'slack' : 'discord', channelId: `ch${i}`, userId: 'admin' });
}

/** A process on the database: its own connection, its own scheduler. */
async function processAt(db: TestDatabase, now: Date, deliverer: Deliverer, instanceId: string, leaseMs?: number): Promise<Scheduler> {
  const s = startScheduler({
    store: await db.open(),
    deliverers: [deliverer],
    compose: countingCompose().compose,
    now: () => now,
    logger: silentLogger,
    cron: false,
    instanceId,
    ...(leaseMs ? { ledger: { leaseMs } } : {}),
  });
  cleanup.push(() => s.stop());
  return s;
}

describe('scheduler restarts', () => {
  it('retries a digest whose sender died between claim and send, once its lease has run out (on the real clock)', async () => {
    const db = testDatabase();
    await seed(db, 1);
    // The first process claims, then hangs inside send; it stops renewing its lease (as good as a kill -9).
    const hung = recordingDeliverer('discord', () => new Promise<void>(() => {}));
    const crashedStore = await db.open();
    const crashed = startScheduler({ store: crashedStore, deliverers: [hung.deliverer], compose: countingCompose().compose, now: () => SEND, logger: silentLogger, cron: false, instanceId: 'crashed', ledger: { leaseMs: 400 } });
    void crashed.tick();
    await until(() => hung.attempts.get('ch0') === 1);
    // Its connection goes with it: no more renewals.
    await crashedStore.close();

    const fresh = recordingDeliverer('discord');
    // The app's "now" is frozen at SEND, as with CAPWATCH_NOW: the lease still runs out on the real clock.
    await (await processAt(db, SEND, fresh.deliverer, 'restart-1', 400)).tick();
    expect(fresh.sent).toEqual([]); // the lease is held: maybe still sending
    await new Promise((r) => setTimeout(r, 1500));
    const restarted = await processAt(db, SEND, fresh.deliverer, 'restart-2', 400);
    const { outcomes } = await restarted.tick();
    expect(outcomes).toEqual([{ subscriptionId: 'discord:ch0', localDate: '2025-11-24', result: 'sent', attempts: 1 }]);
    expect(fresh.sent).toEqual(['ch0']);
    expect(await restarted.ledger.get('discord:ch0', '2025-11-24')).toMatchObject({ status: 'sent', attempts: 2, owner: 'restart-2' });
  });

  it('sends a missed digest after a restart within the grace window, and not after it', async () => {
    const db = testDatabase();
    await seed(db, 1);
    const late = recordingDeliverer('discord');
    await (await processAt(db, plus(119), late.deliverer, 'late')).tick();
    expect(late.sent).toEqual(['ch0']);

    const other = testDatabase();
    await seed(other, 1);
    const tooLate = recordingDeliverer('discord');
    await (await processAt(other, plus(121), tooLate.deliverer, 'too-late')).tick();
    expect(tooLate.sent).toEqual([]);
  });

  it('does not send again after a restart once the digest was sent', async () => {
    const db = testDatabase();
    await seed(db, 3);
    const first = recordingDeliverer('discord');
    await (await processAt(db, SEND, first.deliverer, 'first')).tick();
    const second = recordingDeliverer('discord');
    await (await processAt(db, plus(1), second.deliverer, 'second')).tick();
    await (await processAt(db, plus(30), second.deliverer, 'third')).tick();
    expect(first.sent.sort()).toEqual(['ch0', 'ch2']);
    expect(second.sent).toEqual([]);
  });
});

describe('three processes on one database', () => {
  it('send each digest exactly once, whichever process claims it', async () => {
    const db = testDatabase();
    const COUNT = 400;
    await seed(db, COUNT);

    const sends: { platform: string; channelId: string; instanceId: string }[] = [];
    const waiting: ServerResponse[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/ready') {
        waiting.push(res);
        if (waiting.length === 3) for (const r of waiting.splice(0)) r.end('go');
        return;
      }
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        sends.push(JSON.parse(body));
        // Some latency, so the processes' claims interleave instead of the first one taking every digest.
        setTimeout(() => res.end('ok'), 10);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(() => server.close());
    const sink = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const run = (id: string) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'support', 'scheduler-child.ts'), JSON.stringify(db.options), sink, SEND.toISOString(), id], { cwd: repoRoot });
        let out = '';
        let err = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (err += c));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${id} exited ${code}: ${err}`))));
      });
    const tallies = await Promise.all([run('proc-a'), run('proc-b'), run('proc-c')]);

    const keys = sends.map((s) => `${s.platform}:${s.channelId}`);
    expect(keys).toHaveLength(COUNT);
    expect(new Set(keys).size).toBe(COUNT);
    expect(tallies.reduce((n, t) => n + (t.sent ?? 0), 0)).toBe(COUNT);
    // How the work splits depends on timing (a loaded machine may let one process take it all); the shares of
    // three instances are measured by `npm run bench instances`, not asserted here.
    expect(await (await db.open()).ledger.counts()).toEqual({ sent: COUNT });
  }, 90_000); // a hang guard: two child processes start tsx and fan out on a shared machine
});

describe('ledger housekeeping', () => {
  it('prunes ledger rows older than the kept days once a day', async () => {
    const tdb = testDatabase();
    await seed(tdb, 1);
    const db = await tdb.open();
    const old = startScheduler({ store: db, deliverers: [recordingDeliverer('discord').deliverer], compose: countingCompose().compose, now: () => SEND, logger: silentLogger, cron: false, keepLedgerDays: 30 });
    await old.ledger.claim('discord:ch0', '2025-10-01', SEND);
    await old.ledger.claim('discord:ch0', '2025-10-30', SEND);
    const s = startScheduler({ store: db, deliverers: [recordingDeliverer('discord').deliverer], compose: countingCompose().compose, now: () => SEND, logger: silentLogger, cron: false, keepLedgerDays: 30 });
    await s.tick();
    expect(await s.ledger.get('discord:ch0', '2025-10-01')).toBeUndefined();
    expect(await s.ledger.get('discord:ch0', '2025-10-30')).toBeDefined();
    expect((await s.ledger.get('discord:ch0', '2025-11-24'))?.status).toBe('sent');
  });
});
