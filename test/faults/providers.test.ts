/**
 * Faults of the market vendors (local servers in the vendors' formats, test/market/helpers): an outage,
 * malformed payloads, and a provider slower than Discord's 3-second window. Each time the user gets an
 * answer, labelled for what it is, and a structured log line names the provider and the kind of fault.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordHandle } from '../../adapters/discord/index.ts';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import { createMarketData } from '../../src/market/live.ts';
import { answerOf } from '../adapters/discord/harness.ts';
import { DiscordEmulator } from '../emulators/discord/emulator.ts';
import { tempDb } from '../market/helpers/db.ts';
import { html, json } from '../market/helpers/server.ts';
import { healthyYahoo, startVendors, type Vendors } from '../market/helpers/vendors.ts';
import { recordingLogger } from './recording-logger.ts';

const now = () => new Date('2026-11-21T15:00:00Z');
let v: Vendors;
let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  v = await startVendors();
  t = await tempDb();
});
afterEach(async () => {
  await v.close();
  t.cleanup();
});

function liveBot(extra: Parameters<Vendors['config']>[0] = {}) {
  const logger = recordingLogger();
  const market = createMarketData({ config: v.config(extra), store: t.db, now, logger });
  return { logger, bot: createBot({ commands: allCommands, market, now, logger }) };
}

describe('provider faults', () => {
  it('outage of every vendor: answered from the snapshot, labelled, each failure logged with its provider', async () => {
    for (const vendor of [v.yahoo, v.stooq, v.nyfed, v.fred]) vendor.handle(() => ({ status: 503, body: 'Service Unavailable' }));
    const { bot, logger } = liveBot();
    const reply = await bot.run('ratecuts');
    expect(reply.error).toBeUndefined();
    expect(reply.sources.some((s) => s.snapshot)).toBe(true);
    const failed = logger.lines.filter((l) => l.msg === 'market provider failed');
    expect(failed.map((l) => l.extra.provider)).toEqual(expect.arrayContaining(['yahoo', 'nyfed', 'fred']));
    expect(failed.every((l) => l.level === 'warn' && l.extra.kind === 'http')).toBe(true);
  });

  it('malformed payloads: the next provider answers, and the bad one is logged as invalid', async () => {
    v.yahoo.handle(() => json('{"chart":{"result":[{"meta":{"symbol":"SPY","exchangeTimezoneName":"America/New_'));
    v.nyfed.handle(() => html());
    const { bot, logger } = liveBot();
    const perf = await bot.run('performance 1m');
    expect(perf.error).toBeUndefined();
    expect(perf.sources.some((s) => /Stooq/.test(s.name) && s.fallback)).toBe(true);
    const rates = await bot.run('ratecuts');
    expect(rates.error).toBeUndefined();
    const invalid = logger.lines.filter((l) => l.msg === 'market provider failed' && l.extra.kind === 'invalid');
    expect(invalid.map((l) => l.extra.provider)).toEqual(expect.arrayContaining(['yahoo', 'nyfed']));
  });

  it('a provider slower than the 3 s window: Discord gets a deferral, then the answer from that provider', async () => {
    v.yahoo.handle(async (url, req) => {
      await new Promise((r) => setTimeout(r, 3200));
      return healthyYahoo(url, req);
    });
    const { bot } = liveBot({ http: { retries: 0, timeoutMs: 8000 } });
    const emu = await DiscordEmulator.start();
    let discord: DiscordHandle | undefined;
    try {
      discord = await startDiscord({ token: emu.token, appId: emu.applicationId, apiUrl: emu.apiUrl, bot, now });
      const sent = emu.sendSlash({ subcommand: 'performance', options: { period: '1m' } });
      const answer = await answerOf(emu, sent, 20_000);
      expect(emu.interaction(sent.id)?.response).toMatchObject({ type: 5 });
      expect(answer.via).toBe('edit');
      expect(answer.payload.embeds[0]?.footer?.text).toMatch(/Yahoo Finance/);
    } finally {
      await discord?.stop();
      await emu.close();
    }
  }, 30_000);
});
