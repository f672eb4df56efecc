/**
 * Crash trials: a real `npm start` (node bin/main.js) posting digests to the local Slack Web API emulator,
 * killed with SIGKILL at random points of the fan-out and restarted on the same DATA_DIR, until every
 * channel has its digest. Counts what each channel got: the suite asserts, `npm run bench` reports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIGEST_EVENT_TYPE } from '../../../adapters/slack/deliverer.ts';
import { startSlackApi, type SlackApiEmulator } from '../../emulators/slack/web-api.ts';
import { startVendors, type Vendors } from '../../market/helpers/vendors.ts';
import { seedSubscriptions } from './seed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MAIN = join(root, 'bin', 'main.js');

/** Monday 2026-11-23, one minute after 08:30 in New York: every subscription is due (the fake vendors' data ends the Friday before). */
export const CRASH_NOW = '2026-11-23T13:31:00Z';

export interface TrialOptions {
  channels: number;
  kills: number;
  leaseSeconds: number;
  /** Deterministic kill points. */
  seed?: number;
  /** Hang guard for the whole trial. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface TrialResult {
  channels: number;
  kills: number;
  /** Channels without their digest, and digests or charts beyond one per channel. */
  lost: number;
  duplicates: number;
  lostCharts: number;
  duplicateCharts: number;
  /** Milliseconds from the last restart until every channel had its digest and chart. */
  afterLastRestartMs: number;
  /** conversations.history reads: digests taken over from a killed process, checked before posting. */
  historyReads: number;
  /** Web API calls the emulator saw at each kill. */
  killedAtCalls: number[];
  /** How the last process ended after SIGTERM (0: a clean, drained stop). */
  exitCode: number | null;
}

/** A tiny deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function startBot(api: SlackApiEmulator, vendors: Vendors, dataDir: string, leaseSeconds: number, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: 'xoxb-crash-trial',
      SLACK_SIGNING_SECRET: 'crash-trial-secret',
      SLACK_API_URL: api.url,
      PORT: '0',
      DATA_DIR: dataDir,
      CAPWATCH_NOW: CRASH_NOW,
      DIGEST_LEASE_SECONDS: String(leaseSeconds),
      LOG_LEVEL: 'info',
      // The market vendors as local servers answering in their real formats.
      YAHOO_BASE_URL: vendors.yahoo.baseUrl,
      STOOQ_BASE_URL: vendors.stooq.baseUrl,
      NYFED_BASE_URL: vendors.nyfed.baseUrl,
      FRED_BASE_URL: vendors.fred.baseUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => log(b.toString()));
  child.stderr?.on('data', (b: Buffer) => log(b.toString()));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Digest posts and chart shares per channel. */
function tally(api: SlackApiEmulator, channels: string[]) {
  let lost = 0;
  let duplicates = 0;
  let lostCharts = 0;
  let duplicateCharts = 0;
  for (const c of channels) {
    const posts = api.posts(c, DIGEST_EVENT_TYPE).length;
    const charts = api.fileShares(c).length;
    if (posts === 0) lost++;
    duplicates += Math.max(0, posts - 1);
    if (charts === 0) lostCharts++;
    duplicateCharts += Math.max(0, charts - 1);
  }
  return { lost, duplicates, lostCharts, duplicateCharts };
}

export async function runCrashTrial(opts: TrialOptions): Promise<TrialResult> {
  const log = opts.log ?? (() => {});
  const rand = random(opts.seed ?? 1);
  const api = await startSlackApi({ token: 'xoxb-crash-trial' });
  const vendors = await startVendors();
  const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-crash-'));
  const channels = Array.from({ length: opts.channels }, (_, i) => `C${String(i).padStart(8, '0')}`);
  const complete = () => channels.every((c) => api.posts(c, DIGEST_EVENT_TYPE).length > 0 && api.fileShares(c).length > 0);
  let child: ChildProcess | undefined;
  try {
    await seedSubscriptions(dataDir, channels);
    const killedAtCalls: number[] = [];
    // Each kill lands at a random Web API call of what is left of the fan-out (a post, an upload step,
    // a history read), so crashes fall between send and record as well as elsewhere.
    for (let k = 0; k < opts.kills; k++) {
      child = startBot(api, vendors, dataDir, opts.leaseSeconds, log);
      const delivered = channels.filter((c) => api.posts(c, DIGEST_EVENT_TYPE).length > 0).length;
      const left = Math.max(1, opts.channels - delivered);
      // Once this run's fan-out has begun (its first call after auth.test), some way into what is left.
      const from = api.calls.length;
      await api.waitFor(() => api.calls.slice(from).some((c) => c.method !== 'auth.test') || complete(), opts.timeoutMs ?? 120_000);
      const target = api.calls.length + Math.floor(rand() * Math.max(1, (left * 3) / (opts.kills - k)));
      await api.waitFor(() => api.calls.length >= target || complete(), opts.timeoutMs ?? 120_000);
      child.kill('SIGKILL');
      await exited(child);
      killedAtCalls.push(api.calls.length);
      log(`killed at call ${api.calls.length}\n`);
    }
    child = startBot(api, vendors, dataDir, opts.leaseSeconds, log);
    const restartedAt = Date.now();
    await api.waitFor(() => complete(), opts.timeoutMs ?? 120_000);
    const afterLastRestartMs = Date.now() - restartedAt;
    // A late duplicate would come within a lease: give it the chance, then stop the bot gracefully.
    await new Promise((r) => setTimeout(r, opts.leaseSeconds * 1000 + 1000));
    child.kill('SIGTERM');
    const exitCode = await exited(child);
    const historyReads = api.callsTo('conversations.history').length;
    return { channels: opts.channels, kills: opts.kills, ...tally(api, channels), afterLastRestartMs, historyReads, killedAtCalls, exitCode };
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await api.close();
    await vendors.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
