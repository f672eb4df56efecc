/**
 * Several instances on one PostgreSQL (printed, not asserted): three processes, each with its own store
 * connection, scheduler and deliverers, fan out one edition to 10,000 subscriptions (5,000 Discord +
 * 5,000 Slack) on the local emulators, with live market data from local vendor servers. Reports the total
 * time, each instance's share, duplicates and lost digests (counted by the emulators), compositions, and
 * upstream fetches per dataset for the edition.
 *
 * PostgreSQL: CAPWATCH_BENCH_PG_URL, else a throwaway cluster from .ci/pg-up; without either it says so.
 * `npm run bench instances` runs only this one.
 */
import { execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SubscriptionRepository } from '../src/digest/subscriptions.ts';
import { openStore } from '../src/store/open.ts';
import { startVendors } from '../test/market/helpers/vendors.ts';
import { startHost } from './digest.ts';
import type { InstanceReport, InstanceStart } from './support/instance.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INSTANCE = join(root, 'bench', 'support', 'instance.ts');
/** BENCH_INSTANCES=1 gives the single-instance baseline on the same database engine. */
const INSTANCES = Number(process.env.BENCH_INSTANCES) || 3;
const PER_PLATFORM = 5_000;
// Monday 2026-11-23, 08:30 New York: every subscription (default 08:30 New York, weekdays) is due.
const SEND = '2026-11-23T13:30:00Z';
const CREATED = new Date('2026-11-20T12:00:00Z');

async function postgres(): Promise<{ url: string; stop: () => void } | { skipped: string }> {
  const given = process.env.CAPWATCH_BENCH_PG_URL;
  if (given) return { url: given, stop: () => {} };
  try {
    let dir = '';
    const url = execFileSync(join(root, '.ci', 'pg-up'), { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    dir = /\/tmp\/capwatch-pg\.\w+/.exec(execFileSync('bash', ['-c', 'ls -dt /tmp/capwatch-pg.* | head -1'], { encoding: 'utf8' }))?.[0] ?? '';
    return { url, stop: () => dir && execFileSync(join(root, '.ci', 'pg-down'), [dir], { stdio: 'ignore' }) };
  } catch (err) {
    return { skipped: `no PostgreSQL (set CAPWATCH_BENCH_PG_URL or install postgresql): ${String((err as Error).message).split('\n')[0]}` };
  }
}

/** A database of its own on the server, dropped afterwards. */
async function freshDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `capwatch_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function startInstance(start: InstanceStart) {
  const child = fork(INSTANCE, [], { execArgv: ['--import', 'tsx'], cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
  child.send(start);
  return {
    ready,
    go: () =>
      new Promise<InstanceReport>((resolve, reject) => {
        child.once('message', (m) => resolve(m as InstanceReport));
        child.once('exit', (code) => code !== 0 && reject(new Error(`${start.instanceId} exited ${code}`)));
        child.send('go');
      }),
  };
}

export default async function bench(): Promise<void> {
  const server = await postgres();
  if ('skipped' in server) {
    console.log(`several instances on one PostgreSQL: skipped, ${server.skipped}`);
    return;
  }
  const db = await freshDatabase(server.url);
  const vendors = await startVendors();
  const discord = await startHost({ kind: 'discord', channels: PER_PLATFORM });
  const slack = await startHost({ kind: 'slack', channels: PER_PLATFORM });
  try {
    const store = await openStore({ databaseUrl: db.url });
    const subs = new SubscriptionRepository(store, () => CREATED);
    const channels = [...discord.ready.channels.map((c) => ['discord', c] as const), ...slack.ready.channels.map((c) => ['slack', c] as const)];
    for (let i = 0; i < channels.length; i += 50) {
      await Promise.all(channels.slice(i, i + 50).map(([platform, channelId]) => subs.save({ platform, channelId, userId: 'bench' })));
    }
    await store.close();

    const instances = Array.from({ length: INSTANCES }, (_, i) =>
      startInstance({
        instanceId: `instance-${i + 1}`,
        databaseUrl: db.url,
        market: vendors.config(),
        discordApi: discord.ready.url,
        discordToken: discord.ready.token,
        slackApi: slack.ready.url,
        now: SEND,
        concurrency: 32,
      }),
    );
    await Promise.all(instances.map((i) => i.ready));
    const before = { yahoo: vendors.yahoo.requests.length, stooq: vendors.stooq.count(), nyfed: vendors.nyfed.count(), fred: vendors.fred.count() };
    const t0 = performance.now();
    const reports = await Promise.all(instances.map((i) => i.go()));
    const totalMs = performance.now() - t0;
    const [d, s] = [await discord.report(), await slack.report()];

    const expected = channels.length;
    const delivered = d.channels + s.channels;
    const posts = d.posts + s.posts;
    const yahooPaths = vendors.yahoo.requests.slice(before.yahoo).map((u) => decodeURIComponent(u.pathname.split('/').at(-1) ?? ''));
    const perSymbol = new Map<string, number>();
    for (const p of yahooPaths) perSymbol.set(p, (perSymbol.get(p) ?? 0) + 1);
    const sent = reports.reduce((n, r) => n + r.sent, 0);
    console.log(`several instances on one PostgreSQL: ${INSTANCES} processes fan out one edition to ${expected.toLocaleString('en-US')} subscriptions (${PER_PLATFORM} Discord + ${PER_PLATFORM} Slack, chart attached, rate limits off)`);
    console.log(`  total ${(totalMs / 1000).toFixed(2)} s; duplicates ${posts - delivered}, lost ${expected - delivered} (emulators: ${posts} posts to ${delivered} channels)`);
    for (const r of reports) {
      console.log(`  ${r.instanceId}: sent ${r.sent} (${((100 * r.sent) / Math.max(1, sent)).toFixed(1)}%), skipped ${r.skipped} claimed by others, other ${r.other}, composed ${r.composed}, ${(r.elapsedMs / 1000).toFixed(2)} s`);
    }
    console.log(`  edition composed ${reports.reduce((n, r) => n + r.composed, 0)} time(s) across the instances`);
    console.log(
      `  upstream fetches for the edition: bars (Yahoo) ${[...perSymbol].filter(([k]) => !k.startsWith('ZQ')).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'};` +
        ` futures (Yahoo ZQ) ${[...perSymbol].filter(([k]) => k.startsWith('ZQ')).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'};` +
        ` rates NY Fed ${vendors.nyfed.count() - before.nyfed}, FRED ${vendors.fred.count() - before.fred}; Stooq ${vendors.stooq.count() - before.stooq}`,
    );
  } finally {
    discord.close();
    slack.close();
    await vendors.close();
    await db.drop().catch(() => {});
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
