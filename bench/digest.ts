/**
 * Digest fan-out benchmark (printed, not asserted):
 * 1. 10,000 subscriptions to the local Discord and Slack emulators with rate limits off: time and peak RSS
 *    of the bot process (the bot side and each emulator run in their own processes).
 * 2. With realistic limits on: the achieved steady send rate per platform as a fraction of its ceiling.
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REALISTIC_LIMITS } from '../src/digest/fanout.ts';
import { record } from './lib/summary.ts';
import type { HostReady, HostReport, HostStart } from '../test/digest/support/emulator-host.ts';
import type { ChildConfig } from '../test/digest/support/fanout-child.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(root, 'test', 'digest', 'support', 'fanout-child.ts');
const HOST = join(root, 'test', 'digest', 'support', 'emulator-host.ts');

interface ChildResult {
  mode: string;
  subscriptions: number;
  sent: number;
  failed: number;
  elapsedMs: number;
  cpuMs: number;
  idleTickMs: number;
  sentTickMs: number;
  rssBeforeSeedMb: number;
  rssBeforeMb: number;
  rssAtFirstSendMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  peakBuffersMb: number;
  chartBytes: number;
  composed: number;
  chartRenders: number;
  marketFetches: number;
  discordRate: number | null;
  slackRate: number | null;
}

export async function scenario(mode: ChildConfig['mode'], discordCount: number, slackCount: number, nodeFlags: string[] = []) {
  const discord = await startHost({ kind: 'discord', channels: discordCount });
  const slack = await startHost({ kind: 'slack', channels: slackCount });
  const dir = mkdtempSync(join(tmpdir(), 'capwatch-bench-digest-'));
  try {
    const config: ChildConfig = {
      mode,
      discordApi: discord.ready.url,
      discordToken: discord.ready.token,
      slackApi: slack.ready.url,
      discordChannels: discord.ready.channels,
      slackChannels: slack.ready.channels,
    };
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const result = await runChild(file, nodeFlags);
    return { result, discord: await discord.report(), slack: await slack.report() };
  } finally {
    discord.close();
    slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One emulator in its own process (see test/digest/support/emulator-host.ts). */
export async function startHost(start: HostStart) {
  const child = fork(HOST, [], { execArgv: ['--import', 'tsx'], cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const ready = next<HostReady>();
  child.send(start);
  return {
    ready: await ready,
    report: () => {
      const r = next<HostReport>();
      child.send('report');
      return r;
    },
    close: () => child.send('close'),
  };
}

function runChild(configFile: string, nodeFlags: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // BENCH_CHILD_FLAGS passes Node flags to the bot process, e.g. "--max-old-space-size=100" to see the live-memory floor.
    const flags = [...nodeFlags, ...(process.env.BENCH_CHILD_FLAGS ?? '').split(' ').filter(Boolean)];
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', CHILD, configFile], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`fan-out child exited ${code}: ${err}`))));
  });
}

/** Old-generation cap for the comparison run (MB). */
const HEAP_CAP_MB = 128;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

export default async function bench(): Promise<void> {
  const off = await scenario('unlimited', 5000, 5000);
  const r = off.result;
  console.log('digest fan-out, rate limits off (10,000 subscriptions: 5,000 Discord + 5,000 Slack, chart attached):');
  console.log(`  time ${fmt(r.elapsedMs / 1000, 2)} s (${fmt(r.sent / (r.elapsedMs / 1000), 0)} sends/s), peak RSS ${fmt(r.peakRssMb)} MB (${fmt(r.rssBeforeMb)} MB before the tick)`);
  console.log(`  at rest: ${fmt(r.rssBeforeSeedMb)} MB with the adapters, charts and store loaded, ${fmt(r.rssBeforeMb)} MB once the 10,000 subscriptions are stored`);
  console.log(`  ${fmt(r.rssAtFirstSendMb)} MB when the first send starts (edition composed, chart rendered, Vega loaded)`);
  console.log(`  peaks inside that: JS heap ${fmt(r.peakHeapMb)} MB, buffers ${fmt(r.peakBuffersMb)} MB (chart PNG ${fmt(r.chartBytes / 1024)} KB per post)`);
  console.log(`  bot process CPU ${fmt(r.cpuMs / 1000, 2)} s of the ${fmt(r.elapsedMs / 1000, 2)} s (each emulator runs in its own process)`);
  console.log(`  delivered ${r.sent}, not delivered ${r.failed}; emulators saw Discord ${off.discord.posts} posts to ${off.discord.channels} channels, Slack ${off.slack.posts} posts to ${off.slack.channels} channels`);
  console.log(`  minute tick over 10,000 subscriptions: ${fmt(r.idleTickMs)} ms with none due, ${fmt(r.sentTickMs)} ms inside the grace window once all were sent`);
  console.log(`  per edition: ${r.composed} composition, ${r.chartRenders} chart render, ${r.marketFetches} market fetches`);
  record('digest.fanout.peakRssMb', r.peakRssMb);
  record('digest.fanout.peakHeapMb', r.peakHeapMb);
  record('digest.fanout.seconds', r.elapsedMs / 1000);
  record('digest.fanout.rssAtRestWithSubscriptionsMb', r.rssBeforeMb);
  record('digest.fanout.chartRendersPerEdition', r.chartRenders);

  // The same run with the old generation capped: the peak above is mostly garbage V8 has not collected yet.
  const capped = (await scenario('unlimited', 5000, 5000, [`--max-old-space-size=${HEAP_CAP_MB}`])).result;
  console.log(`  the same with --max-old-space-size=${HEAP_CAP_MB}: peak RSS ${fmt(capped.peakRssMb)} MB (JS heap ${fmt(capped.peakHeapMb)} MB, buffers ${fmt(capped.peakBuffersMb)} MB), time ${fmt(capped.elapsedMs / 1000, 2)} s, CPU ${fmt(capped.cpuMs / 1000, 2)} s, delivered ${capped.sent}`);

  // About 12 s of sending per platform at its ceiling, so a 10 s steady window fits after the first second.
  const discordN = REALISTIC_LIMITS.discord.perSecond * 12;
  const slackN = REALISTIC_LIMITS.slack.perSecond * 12;
  const on = await scenario('realistic', discordN, slackN);
  const q = on.result;
  const share = (rate: number | null, limit: number) => (rate === null ? 'n/a' : `${fmt(rate)}/s = ${fmt((100 * rate) / limit)}% of ${limit}/s`);
  console.log(`digest fan-out, realistic limits on (${discordN} Discord + ${slackN} Slack, steady 10 s window):`);
  console.log(`  Discord ${share(q.discordRate, REALISTIC_LIMITS.discord.perSecond)}; Slack ${share(q.slackRate, REALISTIC_LIMITS.slack.perSecond)}`);
  record('digest.realistic.discordShare', q.discordRate === null ? null : q.discordRate / REALISTIC_LIMITS.discord.perSecond);
  record('digest.realistic.slackShare', q.slackRate === null ? null : q.slackRate / REALISTIC_LIMITS.slack.perSecond);
  console.log(`  total ${fmt(q.elapsedMs / 1000, 2)} s, delivered ${q.sent}, not delivered ${q.failed}; peak RSS ${fmt(q.peakRssMb)} MB (${fmt(q.rssAtFirstSendMb)} MB at the first send)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
