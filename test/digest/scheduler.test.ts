import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Db } from '../../src/store/db.ts';
import { silentLogger } from '../../src/logger.ts';
import { startScheduler, type Scheduler } from '../../src/digest/scheduler.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';
import type { Deliverer } from '../../src/digest/deliverer.ts';
import { countingCompose, recordingDeliverer } from './support/fakes.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const SEND = new Date('2025-11-24T13:30:00Z'); // Monday 08:30 New York
const CREATED = new Date('2025-11-20T12:00:00Z');
const plus = (minutes: number) => new Date(SEND.getTime() + minutes * 60_000);

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function tempDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'capwatch-digest-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'capwatch.db');
}

function connect(file: string): Db {
  const db = openDatabase(file);
  cleanup.push(() => db.close());
  return db;
}

function seed(file: string, count: number): void {
  const repo = new SubscriptionRepository(connect(file), () => CREATED);
  for (let i = 0; i < count; i++) repo.save({ platform: i % 2 ? 'slack' : 'discord', channelId: `ch${i}`, userId: 'admin' });
}

function processAt(file: string, now: Date, deliverer: Deliverer, instanceId: string): Scheduler {
  const s = startScheduler({ db: connect(file), deliverers: [deliverer], compose: countingCompose().compose, now: () => now, logger: silentLogger, cron: false, instanceId });
  cleanup.push(() => s.stop());
  return s;
}

describe('scheduler restarts', () => {
  it('retries a digest whose sender crashed between claim and send, once the claim is stale', async () => {
    const file = tempDbFile();
    seed(file, 1);
    // The first process claims, then hangs forever inside send (as good as a crash).
    const hung = recordingDeliverer('discord', () => new Promise<void>(() => {}));
    void processAt(file, SEND, hung.deliverer, 'crashed').tick();
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(hung.attempts.get('ch0')).toBe(1);

    const fresh = recordingDeliverer('discord');
    await processAt(file, plus(5), fresh.deliverer, 'restart-1').tick();
    expect(fresh.sent).toEqual([]); // the claim is recent: maybe still sending
    const restarted = processAt(file, plus(11), fresh.deliverer, 'restart-2');
    const { outcomes } = await restarted.tick();
    expect(outcomes).toEqual([{ subscriptionId: 'discord:ch0', localDate: '2025-11-24', result: 'sent', attempts: 1 }]);
    expect(fresh.sent).toEqual(['ch0']);
    expect(restarted.ledger.get('discord:ch0', '2025-11-24')).toMatchObject({ status: 'sent', attempts: 2, owner: 'restart-2' });
  });

  it('sends a missed digest after a restart within the grace window, and not after it', async () => {
    const file = tempDbFile();
    seed(file, 1);
    const late = recordingDeliverer('discord');
    await processAt(file, plus(119), late.deliverer, 'late').tick();
    expect(late.sent).toEqual(['ch0']);

    const other = tempDbFile();
    seed(other, 1);
    const tooLate = recordingDeliverer('discord');
    await processAt(other, plus(121), tooLate.deliverer, 'too-late').tick();
    expect(tooLate.sent).toEqual([]);
  });

  it('does not send again after a restart once the digest was sent', async () => {
    const file = tempDbFile();
    seed(file, 3);
    const first = recordingDeliverer('discord');
    await processAt(file, SEND, first.deliverer, 'first').tick();
    const second = recordingDeliverer('discord');
    await processAt(file, plus(1), second.deliverer, 'second').tick();
    await processAt(file, plus(30), second.deliverer, 'third').tick();
    expect(first.sent.sort()).toEqual(['ch0', 'ch2']);
    expect(second.sent).toEqual([]);
  });
});

describe('two processes on one SQLite file', () => {
  it('never send the same digest twice', async () => {
    const file = tempDbFile();
    const COUNT = 400;
    seed(file, COUNT);

    const sends: { platform: string; channelId: string; instanceId: string }[] = [];
    const waiting: ServerResponse[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/ready') {
        waiting.push(res);
        if (waiting.length === 2) for (const r of waiting.splice(0)) r.end('go');
        return;
      }
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        sends.push(JSON.parse(body));
        // A little latency so the two processes' claims interleave.
        setTimeout(() => res.end('ok'), 1);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(() => server.close());
    const sink = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const run = (id: string) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'support', 'scheduler-child.ts'), file, sink, SEND.toISOString(), id], { cwd: repoRoot });
        let out = '';
        let err = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (err += c));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${id} exited ${code}: ${err}`))));
      });
    const [a, b] = await Promise.all([run('proc-a'), run('proc-b')]);

    const keys = sends.map((s) => `${s.platform}:${s.channelId}`);
    expect(keys).toHaveLength(COUNT);
    expect(new Set(keys).size).toBe(COUNT);
    expect((a.sent ?? 0) + (b.sent ?? 0)).toBe(COUNT);
    const counts = connect(file).prepare('SELECT status, COUNT(*) AS n FROM digest_ledger GROUP BY status').all();
    expect(counts).toEqual([{ status: 'sent', n: COUNT }]);
  });
});

describe('ledger housekeeping', () => {
  it('prunes ledger rows older than the kept days once a day', async () => {
    const file = tempDbFile();
    seed(file, 1);
    const db = connect(file);
    const old = startScheduler({ db, deliverers: [recordingDeliverer('discord').deliverer], compose: countingCompose().compose, now: () => SEND, logger: silentLogger, cron: false, keepLedgerDays: 30 });
    old.ledger.claim('discord:ch0', '2025-10-01', SEND);
    old.ledger.claim('discord:ch0', '2025-10-30', SEND);
    const s = startScheduler({ db, deliverers: [recordingDeliverer('discord').deliverer], compose: countingCompose().compose, now: () => SEND, logger: silentLogger, cron: false, keepLedgerDays: 30 });
    await s.tick();
    expect(s.ledger.get('discord:ch0', '2025-10-01')).toBeUndefined();
    expect(s.ledger.get('discord:ch0', '2025-10-30')).toBeDefined();
    expect(s.ledger.get('discord:ch0', '2025-11-24')?.status).toBe('sent');
  });
});
