/**
 * Digest fan-out benchmark (printed, not asserted):
 * 1. 10,000 subscriptions to the local Discord and Slack emulators with rate limits off: time and peak RSS
 *    of the bot process (the bot side and each emulator run in their own processes). The bot process runs
 *    as in production: compiled by esbuild and started with `npm start`'s Node flags; once more with
 *    Node's default flags for comparison.
 * 2. With realistic limits on: the achieved steady send rate per platform as a fraction of its ceiling.
 */
import { fork, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REALISTIC_LIMITS } from '../src/digest/fanout.ts';
import { startFlags } from './lib/start-flags.ts';
import { TARGETS, record } from './lib/summary.ts';
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

/** The vendored bundles (bin/build.js) under `dir`, by package name: the child loads what production loads. */
function vendored(dir: string): Plugin {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (rel.endsWith('.js')) files.set(rel.slice(0, -3), join(dir, rel));
    }
  };
  if (existsSync(dir)) walk('');
  return {
    name: 'vendored',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const file = files.get(args.path);
        return file ? { path: file, external: true } : undefined;
      });
    },
  };
}

/**
 * Compiles the bot side of the benchmark the way bin/build.js compiles the bot: ES modules split at dynamic
 * imports, packages left to node_modules except the ones dist/vendor bundles. Written to a temp dir of its
 * own with a copy of dist/vendor, the chart fonts and a link to node_modules, since a test run rebuilds dist/ meanwhile.
 * Returns the entry file and a function removing it all.
 */
export async function compileChild(): Promise<{ file: string; remove: () => void }> {
  const outdir = mkdtempSync(join(tmpdir(), 'capwatch-bench-child-'));
  const vendor = join(outdir, 'vendor');
  if (existsSync(join(root, 'dist', 'vendor'))) cpSync(join(root, 'dist', 'vendor'), vendor, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(outdir, 'node_modules'), 'dir');
  // The chart fonts beside the bundle, where src/charts/font.ts looks from compiled code (as in dist/font).
  cpSync(join(root, 'src', 'charts', 'font'), join(outdir, 'font'), { recursive: true, filter: (src) => !/\.(ts|md)$/.test(src) });
  writeFileSync(join(outdir, 'package.json'), JSON.stringify({ type: 'module' }));
  await build({
    absWorkingDir: root,
    entryPoints: [CHILD],
    outdir,
    // Split at dynamic import() as bin/build.js does, so what production loads lazily (pg) stays lazy.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [vendored(vendor)],
    packages: 'external',
  });
  return { file: join(outdir, 'fanout-child.js'), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** How the bot process starts: its script, and the Node flags before it (tsx's loader for a .ts script). */
export interface ChildRun {
  script: string;
  nodeFlags: string[];
}

export async function scenario(mode: ChildConfig['mode'], discordCount: number, slackCount: number, run: ChildRun) {
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
    const result = await runChild(file, run);
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

function runChild(configFile: string, run: ChildRun): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // BENCH_CHILD_FLAGS passes Node flags to the bot process, e.g. "--max-old-space-size=100" to see the live-memory floor.
    const flags = [...run.nodeFlags, ...(process.env.BENCH_CHILD_FLAGS ?? '').split(' ').filter(Boolean)];
    const child = spawn(process.execPath, [...flags, run.script, configFile], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`fan-out child exited ${code}: ${err}`))));
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const TARGET_MB = TARGETS['digest.fanout.peakRssMb']?.max;

export default async function bench(): Promise<void> {
  const compiled = await compileChild();
  try {
    await run({ script: compiled.file, nodeFlags: startFlags() });
  } finally {
    compiled.remove();
  }
}

async function run(production: ChildRun): Promise<void> {
  const off = await scenario('unlimited', 5000, 5000, production);
  const r = off.result;
  const target = TARGET_MB === undefined ? '' : ` (target at most ${TARGET_MB} MB)`;
  console.log('digest fan-out, rate limits off (10,000 subscriptions: 5,000 Discord + 5,000 Slack, chart attached):');
  console.log(`  bot process compiled by esbuild, started with npm start's flags: ${production.nodeFlags.join(' ') || '(none)'}`);
  console.log(`  time ${fmt(r.elapsedMs / 1000, 2)} s (${fmt(r.sent / (r.elapsedMs / 1000), 0)} sends/s), peak RSS ${fmt(r.peakRssMb)} MB${target} (${fmt(r.rssBeforeMb)} MB before the tick)`);
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

  // The same build with Node's default flags: V8's default young generation lets garbage pile up far longer.
  const defaults = (await scenario('unlimited', 5000, 5000, { ...production, nodeFlags: [] })).result;
  console.log(`  the same with Node's default flags: peak RSS ${fmt(defaults.peakRssMb)} MB (JS heap ${fmt(defaults.peakHeapMb)} MB, buffers ${fmt(defaults.peakBuffersMb)} MB), time ${fmt(defaults.elapsedMs / 1000, 2)} s, CPU ${fmt(defaults.cpuMs / 1000, 2)} s, delivered ${defaults.sent}`);
  record('digest.fanout.peakRssMbNodeDefaults', defaults.peakRssMb);

  // About 12 s of sending per platform at its ceiling, so a 10 s steady window fits after the first second.
  const discordN = REALISTIC_LIMITS.discord.perSecond * 12;
  const slackN = REALISTIC_LIMITS.slack.perSecond * 12;
  const on = await scenario('realistic', discordN, slackN, production);
  const q = on.result;
  const share = (rate: number | null, limit: number) => (rate === null ? 'n/a' : `${fmt(rate)}/s = ${fmt((100 * rate) / limit)}% of ${limit}/s`);
  console.log(`digest fan-out, realistic limits on (${discordN} Discord + ${slackN} Slack, steady 10 s window):`);
  console.log(`  Discord ${share(q.discordRate, REALISTIC_LIMITS.discord.perSecond)}; Slack ${share(q.slackRate, REALISTIC_LIMITS.slack.perSecond)}`);
  record('digest.realistic.discordShare', q.discordRate === null ? null : q.discordRate / REALISTIC_LIMITS.discord.perSecond);
  record('digest.realistic.slackShare', q.slackRate === null ? null : q.slackRate / REALISTIC_LIMITS.slack.perSecond);
  console.log(`  total ${fmt(q.elapsedMs / 1000, 2)} s, delivered ${q.sent}, not delivered ${q.failed}; peak RSS ${fmt(q.peakRssMb)} MB (${fmt(q.rssAtFirstSendMb)} MB at the first send)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
