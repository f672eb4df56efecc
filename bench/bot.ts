/**
 * Memory of the running bot as deployed: `node bin/main.js` (compiled dist/) with the Discord and Slack
 * adapters both connected to the local emulators, 10,000 digest subscriptions stored, RSS read from
 * /proc after start and after one slash command that draws a chart.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscriptionRepository } from '../src/digest/subscriptions.ts';
import { openStore } from '../src/store/open.ts';
import { answerOf } from '../test/adapters/discord/harness.ts';
import { DiscordEmulator } from '../test/emulators/discord/emulator.ts';
import { startSlackApi } from '../test/emulators/slack/web-api.ts';
import { startFlags } from './lib/start-flags.ts';
import { record } from './lib/summary.ts';

const SUBSCRIPTIONS = 10_000;
const CLOSED = 'http://127.0.0.1:65534';
/** Time given to settle after start and after the command before RSS is read. */
const SETTLE_MS = 2_000;

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const kib = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kib) ? kib / 1024 : null;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  return typeof address === 'object' && address ? address.port : 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir });
  const repo = new SubscriptionRepository(store);
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    const platform = i % 2 === 0 ? 'discord' : 'slack';
    await repo.subscribe({ platform, channelId: `${platform === 'discord' ? '9' : 'C'}${String(i).padStart(8, '0')}`, userId: 'bench' });
  }
  await store.close();
}

export default async function bench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-bench-bot-'));
  await seed(dataDir);
  const discord = await DiscordEmulator.start();
  const slack = await startSlackApi();
  const identified = discord.waitForGateway('identify', 60_000);
  const child = spawn(process.execPath, [...startFlags(), 'bin/main.js'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      CAPWATCH_NOW: '2025-09-10T21:00:00Z',
      DISCORD_TOKEN: discord.token,
      DISCORD_APP_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-secret',
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slack.url,
      PORT: String(await freePort()),
      YAHOO_BASE_URL: CLOSED,
      STOOQ_BASE_URL: CLOSED,
      NYFED_BASE_URL: CLOSED,
      FRED_BASE_URL: CLOSED,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  try {
    await identified;
    for (let waited = 0; !/capwatch started/.test(stderr); waited += 100) {
      if (waited > 60_000 || child.exitCode !== null) throw new Error(`bot did not start: ${stderr}`);
      await sleep(100);
    }
    await sleep(SETTLE_MS);
    const afterStart = procStatusMb(child.pid!, 'VmRSS');
    const sent = discord.sendSlash({ subcommand: 'valuation', options: {} });
    const answer = await answerOf(discord, sent, 30_000);
    await sleep(SETTLE_MS);
    const afterCommand = procStatusMb(child.pid!, 'VmRSS');
    const peak = procStatusMb(child.pid!, 'VmHWM');
    const mb = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(0)} MB`);
    console.log(
      `running bot (Discord + Slack adapters, ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions stored): RSS ${mb(afterStart)} after start, ` +
        `${mb(afterCommand)} after one command with a chart (${answer.files.length} file), peak ${mb(peak)} (target <= 150 MB)`,
    );
    record('bot.rssAfterStartMb', afterStart);
    record('bot.rssAfterCommandMb', afterCommand);
    record('bot.peakRssMb', peak);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await discord.close();
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
