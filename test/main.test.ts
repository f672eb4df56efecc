import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator } from './emulators/discord/emulator.ts';
import { slashCommandBody } from './emulators/slack/payloads.ts';
import { postSigned } from './emulators/slack/signer.ts';
import { startSlackApi, type SlackApiEmulator } from './emulators/slack/web-api.ts';
import { answerOf } from './adapters/discord/harness.ts';

const CLOSED = 'http://127.0.0.1:65534';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// `npm start` with Discord and Slack credentials: both adapters answer, SIGTERM shuts down cleanly.
describe('npm start with credentials', () => {
  let discord: DiscordEmulator;
  let slack: SlackApiEmulator;
  let child: ChildProcess;
  let port: number;
  let stderr = '';

  beforeAll(async () => {
    discord = await DiscordEmulator.start();
    slack = await startSlackApi();
    port = await freePort();
    const identified = discord.waitForGateway('identify', 30_000);
    child = spawn(process.execPath, ['bin/main.js'], {
      env: {
        ...process.env,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-main-')),
        CAPWATCH_NOW: '2025-09-10T21:00:00Z',
        DISCORD_TOKEN: discord.token,
        DISCORD_APP_ID: discord.applicationId,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'main-secret',
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: slack.url,
        PORT: String(port),
        YAHOO_BASE_URL: CLOSED,
        STOOQ_BASE_URL: CLOSED,
        NYFED_BASE_URL: CLOSED,
        FRED_BASE_URL: CLOSED,
        ISHARES_BASE_URL: CLOSED,
        SSGA_BASE_URL: CLOSED,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (c) => (stderr += c));
    await identified;
    await waitFor(async () => (/slack listening/.test(stderr) ? true : undefined));
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await discord.close();
    await slack.close();
  });

  it('answers a Discord slash command', async () => {
    const sent = discord.sendSlash({ subcommand: 'valuation', options: {} });
    const answer = await answerOf(discord, sent, 15_000);
    expect(answer.payload.embeds[0]?.title).toBe('Valuation: small caps vs large caps');
  });

  it('answers a signed Slack slash command', async () => {
    const body = slashCommandBody({ text: 'valuation', responseUrl: slack.responseUrl() });
    const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: 'main-secret' });
    expect(res.status).toBe(200);
    const texts = await waitFor(async () => {
      const all = [res.text, ...slack.responses.map((r) => JSON.stringify(r)), ...slack.callsTo('chat.postMessage').map((c) => JSON.stringify(c.params))];
      return all.some((t) => /21% discount/.test(t)) ? all : undefined;
    });
    expect(texts.join(' ')).toMatch(/21% discount/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/shutting down/);
  });
});

describe('npm start when a platform cannot be reached', () => {
  it('exits 1 with one clear line instead of retrying for half an hour', async () => {
    const child = spawn(process.execPath, ['bin/main.js'], {
      env: {
        ...process.env,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-main-down-')),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_APP_TOKEN: '',
        DISCORD_TOKEN: '',
        SLACK_API_URL: `${CLOSED}/api/`,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^capwatch could not start: Slack's Web API did not answer/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
