/**
 * The "done when", on a real process: `npm start` (bin/main.js) with Slack over HTTP and canary
 * secrets. Health and readiness, a counted signed command, the per-user limit under a burst, JSON logs,
 * no secret in any output line, and a clean SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandBody } from '../emulators/slack/payloads.ts';
import { postSigned, type SignedResponse } from '../emulators/slack/signer.ts';
import { startSlackApi, type SlackApiEmulator } from '../emulators/slack/web-api.ts';
import { freePort, waitFor } from './process-helpers.ts';

const CLOSED = 'http://127.0.0.1:9';
const CANARY = {
  SLACK_BOT_TOKEN: 'xoxb-canary-7731-bot-token',
  SLACK_SIGNING_SECRET: 'canary-signing-secret-55d1e',
  FRED_API_KEY: 'canaryfredkey0123456789abcdef01',
};

describe('npm start with Slack over HTTP and canary secrets', () => {
  let slack: SlackApiEmulator;
  let child: ChildProcess;
  let base: string;
  let output = '';
  let seq = 0;

  const slash = (text: string, userId: string) =>
    postSigned(`${base}/slack/events`, slashCommandBody({ text, userId, responseUrl: slack.responseUrl(`r${++seq}`) }), {
      secret: CANARY.SLACK_SIGNING_SECRET,
    });

  beforeAll(async () => {
    slack = await startSlackApi({ token: CANARY.SLACK_BOT_TOKEN });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['bin/main.js'], {
      env: {
        ...process.env,
        ...CANARY,
        DISCORD_TOKEN: '',
        DISCORD_APP_ID: '',
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: slack.url,
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-prod-')),
        CAPWATCH_NOW: '2025-09-10T21:00:00Z',
        RATE_LIMIT_PER_USER: '5/min',
        YAHOO_BASE_URL: CLOSED,
        STOOQ_BASE_URL: CLOSED,
        NYFED_BASE_URL: CLOSED,
        FRED_BASE_URL: CLOSED,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    await waitFor(async () => ((await fetch(`${base}/healthz`)).status === 200 ? true : undefined), 30_000);
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await slack.close();
  });

  it('is healthy and ready', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined));
  });

  it('counts a signed command in capwatch_commands_total', async () => {
    const res = await slash('help', 'U0COUNTED');
    expect(res.status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/capwatch_commands_total\{command="help",platform="slack",outcome="ok"\} 1/);
    expect(metrics).toContain('capwatch_command_duration_seconds_bucket');
    expect(metrics).toContain('process_resident_memory_bytes');
  });

  it('answers at most 5 of a burst of 12 from one user and tells the rest when to try again', async () => {
    const acks = await Promise.all(Array.from({ length: 12 }, () => slash('help', 'U0BURST')));
    expect(acks.every((a) => a.status === 200)).toBe(true);
    const texts = acks.map(ackText);
    const limited = texts.filter((t) => /try again in \d+ seconds?/.test(t));
    expect(limited.length).toBeGreaterThanOrEqual(7);
    expect(12 - limited.length).toBeLessThanOrEqual(5);
    // Another user is not held back by the first one's burst.
    expect(ackText(await slash('help', 'U0OTHER'))).not.toMatch(/try again/);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/capwatch_commands_total\{command="help",platform="slack",outcome="rate_limited"\} 7/);
  });

  it('reaches the providers (which fail) and still answers', async () => {
    const res = await slash('ratecuts', 'U0RATES');
    expect(res.status).toBe(200);
    await waitFor(async () => (slack.responses.length > 0 || ackText(res).length > 0 ? true : undefined));
  });

  it('stops on SIGTERM with status 0; logs are JSON lines and no canary appears anywhere', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000))]);
    expect(code).toBe(0);

    const lines = output.split('\n').filter((l) => l.trim());
    const json = lines.filter((l) => {
      try {
        return typeof JSON.parse(l) === 'object';
      } catch {
        return false;
      }
    });
    expect(lines.length).toBeGreaterThan(5);
    expect(json.length / lines.length).toBeGreaterThanOrEqual(0.9);
    expect(json.some((l) => JSON.parse(l).command === 'help' && typeof JSON.parse(l).id === 'string')).toBe(true);
    for (const canary of Object.values(CANARY)) expect(output).not.toContain(canary);
  });
});

function ackText(res: SignedResponse): string {
  return res.text ? JSON.stringify(res.json ?? res.text) : '';
}
