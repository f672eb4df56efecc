import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { DiscordEmulator } from './emulators/discord/emulator.ts';
import { startSlackApi, type SlackApiEmulator } from './emulators/slack/web-api.ts';

const CLOSED = 'http://127.0.0.1:65534';
const base = {
  CAPWATCH_NOW: '2025-09-10T21:00:00Z',
  YAHOO_BASE_URL: CLOSED,
  STOOQ_BASE_URL: CLOSED,
  NYFED_BASE_URL: CLOSED,
  FRED_BASE_URL: CLOSED,
  ISHARES_BASE_URL: CLOSED,
  SSGA_BASE_URL: CLOSED,
};

async function cli(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('capwatch operator verbs', () => {
  const env = { ...base, DATA_DIR: mkdtempSync(join(tmpdir(), 'capwatch-op-')) };
  let slack: SlackApiEmulator;
  beforeAll(async () => {
    slack = await startSlackApi();
  });
  afterAll(async () => slack.close());

  it('slack:manifest prints the manifest from the declarations', async () => {
    const { code, out } = await cli(env, 'slack:manifest');
    expect(code).toBe(0);
    const manifest = JSON.parse(out);
    expect(manifest.features.slash_commands[0].command).toBe('/smallcaps');
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    const http = JSON.parse((await cli(env, 'slack:manifest', '--request-url', 'https://bot.example.com/slack/events')).out);
    expect(http.settings.socket_mode_enabled).toBe(false);
  });

  it('curate set stores a figure that answers then use, with its source and date', async () => {
    const set = await cli(env, 'curate', 'set', 'valuation.forward_pe.small', '14.2', '--source', 'Desk estimate', '--asof', '2025-09-09');
    expect(set.code).toBe(0);
    const list = await cli(env, 'curate', 'list');
    expect(list.out).toMatch(/valuation\.forward_pe\.small {2}14\.2x {2}Desk estimate, as of 2025-09-09 \(1 day old\) {2}\(curated\)/);
    expect(list.out).toMatch(/earnings\.eps_growth\.2026\.small {2}18\.4% .*as of 2025-08-28 \(13 days old\) {2}\(snapshot\)/);
    const json = JSON.parse((await cli(env, 'run', 'valuation', '--json')).out);
    expect(json.reply.data.forwardPE.small).toBe(14.2);
    // The other side keeps its own older date and source; the gap is dated by the older of the two.
    expect(json.reply.data.forwardPE.smallSource).toMatchObject({ source: 'Desk estimate', asOf: '2025-09-09' });
    expect(json.reply.data.forwardPE.largeSource).toMatchObject({ source: 'AInvest MarketPulse (Ned Davis Research)', asOf: '2025-08-28' });
    expect(json.reply.data.forwardPE.asOf).toBe('2025-08-28');
    expect(json.reply.sources.map((s: { name: string }) => s.name).join(' ')).toMatch(/Desk estimate/);
  });

  it('curate set rejects bad input with exit code 2', async () => {
    expect((await cli(env, 'curate', 'set', 'valuation.forward_pe.small', 'abc', '--source', 'x', '--asof', '2025-09-09')).code).toBe(2);
    expect((await cli(env, 'curate', 'set', 'valuation.forward_pe.small', '14')).code).toBe(2);
    expect((await cli(env, 'curate', 'frob')).code).toBe(2);
  });

  it('curate set refuses an unknown key with the list of known ones, and takes a new period as data', async () => {
    const typo = await cli(env, 'curate', 'set', 'valuation.forward_pe.smal', '14', '--source', 'x', '--asof', '2025-09-09');
    expect(typo.code).toBe(2);
    expect(typo.err.split('\n')).toHaveLength(1);
    expect(typo.err).toMatch(/Unknown curated key "valuation\.forward_pe\.smal"\. Known keys: valuation\.forward_pe\.small, .*earnings\.eps_growth\.<year>\.small/);
    const old = await cli(env, 'curate', 'set', 'earnings.eps_growth_2026.small', '14', '--source', 'x', '--asof', '2025-09-09');
    expect(old.err).toMatch(/^Unknown curated key "earnings\.eps_growth_2026\.small" \(now earnings\.eps_growth\.2026\.small\)\./);
    for (const [key, value] of [['earnings.eps_growth.2027.small', '15.1'], ['earnings.eps_growth.2027.large', '10.2']] as const) {
      expect((await cli(env, 'curate', 'set', key, value, '--source', 'LSEG I/B/E/S', '--asof', '2025-09-10')).code).toBe(0);
    }
    const json = JSON.parse((await cli(env, 'run', 'earnings', '--json')).out);
    expect(json.reply.data.epsGrowth).toEqual({ year: '2027', small: 15.1, large: 10.2, asOf: '2025-09-10' });
    expect(json.reply.commentary).toMatch(/^Small-cap EPS is projected to grow 15\.1% in 2027 against 10\.2% for the S&P 500/);
    expect(json.reply.sections[0].fields.map((f: { label: string }) => f.label)).toContain('Small-cap EPS growth projected for 2027');
  });

  it('curate futures imports a strip that ratecuts then prices, with the change since the day before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capwatch-zq-'));
    const file = join(dir, 'zq.csv');
    writeFileSync(
      file,
      ['date,month,price', '2026-09-17,2026-10,96.1200', '2026-09-17,2026-11,96.0000', '2026-09-18,2026-10,96.1050', '2026-09-18,2026-11,95.9750'].join('\n'),
    );
    const futuresEnv = { ...env, CAPWATCH_NOW: '2026-09-18T21:00:00Z' };
    const imported = await cli(futuresEnv, 'curate', 'futures', file, '--source', 'CME settlements');
    expect(imported.code).toBe(0);
    expect(imported.out).toBe('Imported 4 contract prices for 2026-09-17, 2026-09-18 (CME settlements).');
    const json = JSON.parse((await cli(futuresEnv, 'run', 'ratecuts', '--json')).out);
    expect(json.reply.data.asOf).toBe('2026-09-18');
    expect(json.reply.data.meetings[0].date).toBe('2026-10-28');
    expect(json.reply.data.meetings[0].probabilities['3.75-4.00']).toBeCloseTo(42.4, 1);
    expect(json.reply.data.meetings[0].probabilities['4.00-4.25']).toBeCloseTo(57.6, 1);
    expect(json.reply.sources.map((s: { name: string }) => s.name).join(' ')).toMatch(/CME settlements/);
    expect(json.reply.commentary).toMatch(/since Sep 17/);
    const bad = await cli(futuresEnv, 'curate', 'futures', join(dir, 'missing.csv'));
    expect(bad.code).toBe(2);
  });

  it('subscriptions list says when there are none', async () => {
    const { code, out } = await cli(env, 'subscriptions', 'list');
    expect(code).toBe(0);
    expect(out).toBe('No digest subscriptions.');
  });

  it('subscriptions resume takes one of <id>, --platform, --team; anything else is exit 2 with one line', async () => {
    expect(await cli(env, 'subscriptions', 'resume', '--platform', 'slack')).toMatchObject({ code: 0, out: 'Nothing was paused there.' });
    for (const argv of [['resume'], ['resume', 'slack:C1', '--team', 'T1'], ['pause'], ['resume', '--platform', 'teams']]) {
      const { code, err } = await cli(env, 'subscriptions', ...argv);
      expect(code).toBe(2);
      expect(err.split('\n')).toHaveLength(1);
    }
  });

  it('digest --post sends one digest now to a Slack channel', async () => {
    const slackEnv = { ...env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.url };
    const { code, out } = await cli(slackEnv, 'digest', '--post', 'slack:C0DIGEST');
    expect(code).toBe(0);
    expect(out).toBe('Digest posted to slack:C0DIGEST.');
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params.channel).toBe('C0DIGEST');
    expect(String(posts[0]!.params.text)).toMatch(/digest/i);
  });

  it('discord:register PUTs the commands once, then only when they change', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const discordEnv = { ...env, DISCORD_TOKEN: emu.token, DISCORD_APP_ID: emu.applicationId, DISCORD_API_URL: emu.apiUrl };
      const first = await cli(discordEnv, 'discord:register', '--guild', emu.guildId);
      expect(first.code).toBe(0);
      expect(first.out).toBe(`Registered /smallcaps, /smallcaps-admin in guild ${emu.guildId}.`);
      const second = await cli(discordEnv, 'discord:register', '--guild', emu.guildId);
      expect(second.out).toBe('Slash commands already up to date; nothing sent.');
      expect(emu.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    } finally {
      await emu.close();
    }
    expect((await cli(env, 'discord:register')).code).toBe(2);
  });

  it('digest --post to a platform without credentials is a clear error', async () => {
    const { code, err } = await cli(env, 'digest', '--post', 'discord:123');
    expect(code).toBe(2);
    expect(err).toMatch(/discord is not connected/);
  });
});
