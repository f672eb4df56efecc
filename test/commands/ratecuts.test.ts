import { describe, it, expect } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { digestRateCuts, parseByOption, parseMeetingOption } from '../../commands/ratecuts.ts';
import { createBot } from '../../src/bot.ts';
import { InputError } from '../../src/command.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import type { FuturesQuote, FuturesStrip, MarketData, Provenance } from '../../src/market/types.ts';

const now = () => new Date('2026-09-18T21:00:00Z');
const provenance = (asOf: string): Provenance => ({ source: 'Test futures', provider: 'fake', asOf, stale: false, fallback: false, snapshot: false });
const q = (month: string, price: number): FuturesQuote => ({ month, price });

// October and November are CME's published check; December..May extend it (see test/analytics/fedwatch.test.ts).
const TODAY = [q('2026-10', 96.105), q('2026-11', 95.975), q('2026-12', 95.99), q('2027-01', 96.0), q('2027-02', 96.1), q('2027-03', 96.2), q('2027-04', 96.3), q('2027-05', 96.35)];
const YESTERDAY = TODAY.map((x) => (x.month === '2026-10' ? q(x.month, 96.12) : x.month === '2026-11' ? q(x.month, 95.99) : x));

function market(opts: { quotes?: FuturesQuote[]; previous?: FuturesQuote[] | null } = {}): MarketData {
  const strip = (tradeDate: string, quotes: FuturesQuote[]): FuturesStrip => ({ tradeDate, quotes, provenance: provenance(tradeDate) });
  return {
    ...createSnapshotMarketData(now),
    futuresStrip: async () => strip('2026-09-18', opts.quotes ?? TODAY),
    previousFuturesStrip: async () => (opts.previous === null ? null : strip('2026-09-17', opts.previous ?? YESTERDAY)),
    policyRates: async () => ({ effr: 3.88, target: [3.75, 4], asOf: '2026-09-18', provenance: provenance('2026-09-18') }),
  };
}

interface Data {
  asOf: string;
  currentRange: [number, number];
  meetings: { date: string; probabilities: Record<string, number>; pCut: number; pHold: number; pHike: number; expectedRate: number; cutsPriced: number }[];
}

describe('ratecuts command', () => {
  it('answers offline from the snapshot with CME\'s published odds', async () => {
    const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(now), now });
    const reply = await bot.run('ratecuts');
    expect(reply.error, reply.commentary).toBeUndefined();
    const data = reply.data as Data;
    expect(data.asOf).toBe('2026-09-18');
    expect(data.currentRange).toEqual([3.75, 4]);
    expect(data.meetings).toHaveLength(1);
    expect(data.meetings[0]).toEqual({
      date: '2026-10-28',
      probabilities: { '3.75-4.00': 42.4286, '4.00-4.25': 57.5714 },
      pCut: 0,
      pHold: 42.4286,
      pHike: 57.5714,
      expectedRate: 4.025,
      cutsPriced: -0.58,
    });
    expect(reply.commentary).toBe('Futures price 0.6 hikes (15 bp) by October; a hike in October is 58% likely.');
    expect(reply.notes?.join(' ')).toMatch(/strip ends before the 2026-12-09 meeting/);
    expect(reply.sources.every((s) => s.snapshot)).toBe(true);
    expect(reply.sections.flatMap((s) => s.fields).map((f) => f.key)).not.toContain('cutsByYearEnd');
  });

  it('shows the next meeting, cuts priced by each meeting and by year end, the path and the change since yesterday', async () => {
    const bot = createBot({ commands: allCommands, market: market(), now });
    const reply = await bot.run('ratecuts');
    const data = reply.data as Data;
    expect(data.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2026-12-09', '2027-01-27', '2027-03-17', '2027-04-28']);
    const dec = data.meetings[1]!;
    expect(dec.probabilities['3.50-3.75']).toBeCloseTo(1.7286, 3);
    expect(dec.probabilities['3.75-4.00']).toBeCloseTo(43.0455, 3);
    expect(dec.probabilities['4.00-4.25']).toBeCloseTo(55.2259, 3);
    expect(dec.cutsPriced).toBe(-0.53);
    // Yesterday December priced -0.59 (0.5759 + 0.0193 hikes): today 0.06 fewer hikes.
    expect(reply.commentary).toBe(
      'Futures price 0.5 hikes (13 bp) by December, down 0.1 hikes since Sep 17; a hike in October is 58% likely (58% on Sep 17).',
    );
    const fields = Object.fromEntries(reply.sections.flatMap((s) => s.fields).map((f) => [f.key, f]));
    expect(fields.pHike?.value).toBeCloseTo(57.5714, 4);
    expect(fields.pHike?.display).toBe('57.6%');
    expect(fields.cutsByYearEnd?.value).toBe(-0.53);
    expect(fields['cutsPriced.2027-01-27']?.unit).toBe('cuts');
    expect(reply.table?.rows).toHaveLength(5);
    expect(reply.table?.rows[0]).toEqual(['2026-10-28', '4.025%', '0.6 hikes', '4.00-4.25 (57.6%)', '0.0%', '57.6%']);
    expect(reply.notes).toBeUndefined();
  });

  it('answers about a meeting named by month, date or month number, with a horizon', async () => {
    const bot = createBot({ commands: allCommands, market: market({ previous: null }), now });
    const december = await bot.run('ratecuts december');
    expect(december.title).toMatch(/FOMC Dec 9, 2026/);
    expect(december.commentary).toBe('Futures price 0.5 hikes (13 bp) by December; a hike in December is 55% likely.');
    expect((await bot.run('ratecuts 2026-12-09')).title).toBe(december.title);
    expect((await bot.run('ratecuts 2026-12')).title).toBe(december.title);
    const march = await bot.run('ratecuts march by:2027-04');
    expect(march.commentary).toMatch(/^Futures price .* by April 2027; a .* in March 2027 is \d+% likely\.$/);
  });

  it('explains meetings that do not exist, are past, or are not priced yet', async () => {
    const bot = createBot({ commands: allCommands, market: market(), now });
    const november = await bot.run('ratecuts november');
    expect(november).toMatchObject({ error: { kind: 'input' } });
    expect(november.commentary).toMatch(/no upcoming FOMC meeting in november.*Upcoming meetings: 2026-10-28/);
    expect((await bot.run('ratecuts 2026-09-16')).commentary).toMatch(/2026-09-16 meeting is already past/);
    expect((await bot.run('ratecuts 2026-10-29')).commentary).toMatch(/2026-10-29 is not an FOMC decision day/);
    const june = await bot.run('ratecuts june');
    expect(june).toMatchObject({ error: { kind: 'unavailable' } });
    expect(june.commentary).toMatch(/2027-06-09 meeting is not priced yet: the futures strip of 2026-09-18 prices meetings Oct 28 to Apr 28, 2027/);
    expect((await bot.run('ratecuts someday')).error?.kind).toBe('input');
  });

  it('reports an unusable strip as unavailable data, and the digest says so too', async () => {
    const broken = market({ quotes: [q('2026-10', 96.1), q('2026-12', 96.0)] });
    const reply = await createBot({ commands: allCommands, market: broken, now }).run('ratecuts');
    expect(reply).toMatchObject({ error: { kind: 'unavailable' } });
    expect(reply.commentary).toMatch(/contract month 2026-11 is missing/);
    const section = await digestRateCuts(broken);
    expect(section?.data).toBeNull();
    expect(section?.lines[0]).toMatch(/2026-11 is missing/);
  });

  it('gives the digest the same pricing and sentence as the command', async () => {
    const section = await digestRateCuts(market());
    const reply = await createBot({ commands: allCommands, market: market(), now }).run('ratecuts');
    expect(section?.data).toEqual(reply.data);
    expect(section?.lines).toEqual([reply.commentary]);
    expect(section?.sources.map((s) => s.name)).toEqual(reply.sources.map((s) => s.name));
  });

  it('skips the comparison when a decision fell between the two trading days', async () => {
    const m = market();
    const reply = await createBot({ commands: allCommands, market: { ...m, previousFuturesStrip: async () => ({ tradeDate: '2026-09-15', quotes: YESTERDAY, provenance: provenance('2026-09-15') }) }, now }).run('ratecuts');
    expect(reply.commentary).not.toMatch(/since/);
  });
});

describe('ratecuts options', () => {
  it('canonicalises meetings and horizons', () => {
    expect(parseMeetingOption('Next')).toBe('next');
    expect(parseMeetingOption('Dec')).toBe('december');
    expect(parseMeetingOption('2026-12')).toBe('2026-12');
    expect(parseMeetingOption('2026-12-09')).toBe('2026-12-09');
    expect(() => parseMeetingOption('2026-13')).toThrow(InputError);
    expect(() => parseMeetingOption('de')).toThrow(InputError);
    expect(parseByOption('year-end')).toBe('yearend');
    expect(parseByOption('2027-06')).toBe('2027-06');
    expect(() => parseByOption('soon')).toThrow(/not a horizon/);
  });
});
