import { describe, expect, it } from 'vitest';
import { allCommands } from '../commands/index.ts';
import { createBot } from '../src/bot.ts';
import { defineCommand } from '../src/command.ts';
import { createSnapshotMarketData } from '../src/market/snapshot.ts';
import { fakeMarket, weekdayBars } from './helpers/fake-market.ts';

const now = () => new Date('2025-09-10T21:00:00Z');
// The last trade date of the bundled futures strips: every command, rate cuts included, answers offline.
const stripDay = () => new Date('2026-08-06T21:00:00Z');

describe('bot', () => {
  const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now });

  it('answers every command offline from the snapshot, with sources', async () => {
    const offline = createBot({ commands: allCommands, market: createSnapshotMarketData(stripDay), now: stripDay });
    // Subscriptions and alerts belong to a Discord or Slack channel; their adapters' tests cover them.
    for (const c of allCommands.filter((x) => !['subscribe', 'unsubscribe', 'status', 'alert'].includes(x.name))) {
      const reply = await offline.run(c.name);
      expect(reply.error, `${c.name}: ${reply.commentary}`).toBeUndefined();
      expect(reply.commentary.length).toBeGreaterThan(10);
      if (!['help', 'sources', 'chart'].includes(c.name)) {
        expect(reply.sources.length, c.name).toBeGreaterThan(0);
        expect(reply.sources.every((s) => s.snapshot && /^\d{4}-\d{2}-\d{2}/.test(s.asOf) && s.asOf <= '2026-08-06')).toBe(true);
      }
    }
  });

  it('turns bad input into a friendly ephemeral reply', async () => {
    const reply = await bot.run('performance 7q');
    expect(reply).toMatchObject({ visibility: 'ephemeral', error: { kind: 'input' } });
    expect(reply.commentary).toMatch(/"7q" is not a period I know/);
  });

  it('compares the Russell 2000 index with the S&P 500 index, both price levels', async () => {
    const reply = await bot.run('performance 1m small:rut');
    expect(reply.data).toMatchObject({ start: '2025-08-08', end: '2025-09-10', small: { symbol: '^RUT' }, large: { symbol: '^GSPC' } });
  });

  it('names what the offline snapshot holds when it lacks an instrument', async () => {
    const reply = await bot.run('performance 3m vs:equalweight');
    expect(reply).toMatchObject({ visibility: 'ephemeral', error: { kind: 'unavailable' } });
    expect(reply.commentary).toMatch(/no history for RSP; it has IWM 2000-05-26 to 2025-09-10, SPY 1993-01-29 to 2025-09-10/);
  });

  it('turns a crash into a logged friendly reply, never a throw', async () => {
    const errors: string[] = [];
    const boom = defineCommand({ name: 'boom', description: 'fails', options: [], run: async () => { throw new Error('kaput'); } });
    const b = createBot({ commands: [boom], market: createSnapshotMarketData(now), now, logger: { info() {}, warn() {}, error: (m) => errors.push(m) } });
    const reply = await b.run('boom');
    expect(reply.error?.kind).toBe('internal');
    expect(reply.commentary).not.toMatch(/kaput/);
    expect(errors).toEqual(['command failed']);
  });

  it('refuses manage-only commands to actors without the right', async () => {
    const admin = defineCommand({ name: 'admin', description: 'x', options: [], permission: 'manage', run: async () => ({ title: 'ok', commentary: 'done', sections: [], sources: [], visibility: 'public', tone: 'neutral' }) });
    const b = createBot({ commands: [admin], market: createSnapshotMarketData(now), now });
    expect((await b.run('admin', 'slash', { platform: 'discord', userId: '1', canManage: false })).error?.kind).toBe('permission');
    expect((await b.run('admin', 'slash', { platform: 'discord', userId: '1', canManage: true })).title).toBe('ok');
  });

  it('computes performance from live-looking bars, aligned on trading days', async () => {
    const market = fakeMarket({
      IWM: weekdayBars('2025-07-01', '2025-09-10', (i) => 200 + i),
      SPY: weekdayBars('2025-07-01', '2025-09-10', (i) => 600 + i / 2),
    });
    const b = createBot({ commands: allCommands, market, now });
    const reply = await b.run('performance 1m');
    const data = reply.data as { start: string; end: string; small: { return: number }; large: { return: number }; spreadPp: number };
    // 2025-08-10 is a Sunday: the base is Friday 2025-08-08.
    expect(data.start).toBe('2025-08-08');
    expect(data.end).toBe('2025-09-10');
    const iwmStart = 200 + 28, iwmEnd = 200 + 51;
    expect(data.small.return).toBeCloseTo((iwmEnd / iwmStart - 1) * 100, 3);
    expect(data.spreadPp).toBeCloseTo(data.small.return - data.large.return, 3);
    expect(reply.tone).toBe('positive');
    expect(reply.commentary).toMatch(/outperformed the S&P 500 \(SPY\)/);
  });

  it('answers a question and states the defaults it assumed', async () => {
    const result = await bot.ask('small caps performance vs large caps?');
    expect(result.invocation?.command).toBe('performance');
    expect(result.reply.notes).toContain('Assumed period: 1m (default).');
  });

  it('says what it can do when a question is not understood', async () => {
    const result = await bot.ask('what is the weather in Paris?');
    expect(result.invocation).toBeNull();
    expect(result.reply.commentary).toMatch(/\/smallcaps/);
  });
});
