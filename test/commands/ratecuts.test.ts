import { describe, it, expect } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { digestRateCuts, parseByOption, parseMeetingOption } from '../../commands/ratecuts.ts';
import { createBot } from '../../src/bot.ts';
import { InputError } from '../../src/command.ts';
import { lastOnOrBefore } from '../../src/market/as-of.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import type { FuturesQuote, FuturesStrip, MarketData, PolicyRates, Provenance } from '../../src/market/types.ts';

const at = (iso: string) => () => new Date(iso);
const provenance = (asOf: string): Provenance => ({ source: 'Test futures', provider: 'fake', asOf, stale: false, fallback: false, snapshot: false });
const q = (month: string, price: number): FuturesQuote => ({ month, price });

// October and November are CME's published check; December..May extend it (see test/analytics/fedwatch.test.ts).
const SEP18 = [q('2026-10', 96.105), q('2026-11', 95.975), q('2026-12', 95.99), q('2027-01', 96.0), q('2027-02', 96.1), q('2027-03', 96.2), q('2027-04', 96.3), q('2027-05', 96.35)];
const SEP17 = SEP18.map((x) => (x.month === '2026-10' ? q(x.month, 96.12) : x.month === '2026-11' ? q(x.month, 95.99) : x));
const SEP11 = SEP18.map((x) => q(x.month, x.price + 0.05));
const AUG18 = SEP18.map((x) => q(x.month, x.price + 0.1));

/** Range history: 3.75-4.00 through the Oct 28 decision, a cut to 3.50-3.75 from Oct 29. */
const RANGES: { date: string; target: [number, number]; effr: number }[] = [
  { date: '2026-07-30', target: [3.5, 3.75], effr: 3.63 },
  { date: '2026-09-17', target: [3.75, 4], effr: 3.88 },
  { date: '2026-10-29', target: [3.5, 3.75], effr: 3.63 },
];

function market(opts: { strips?: Record<string, FuturesQuote[]>; latest?: string; history?: boolean; now: () => Date }): MarketData {
  const strips = opts.strips ?? { '2026-08-18': AUG18, '2026-09-11': SEP11, '2026-09-17': SEP17, '2026-09-18': SEP18 };
  const dates = Object.keys(strips).sort();
  const strip = (tradeDate: string): FuturesStrip => ({ tradeDate, quotes: strips[tradeDate]!, provenance: provenance(tradeDate) });
  const rates = (date: string): PolicyRates | null => {
    const row = lastOnOrBefore(RANGES, date, (r) => r.date);
    return row ? { effr: row.effr, target: row.target, asOf: date, provenance: { ...provenance(date), source: 'Test ranges' } } : null;
  };
  return {
    ...createSnapshotMarketData(opts.now),
    futuresStrip: async () => strip(opts.latest ?? dates.at(-1)!),
    futuresStripOn: async (date) => {
      const d = lastOnOrBefore(dates, date, (x) => x);
      return opts.history === false || !d ? null : strip(d);
    },
    policyRates: async () => rates(opts.now().toISOString().slice(0, 10))!,
    policyRatesOn: async (date) => rates(date),
  };
}

interface MeetingData {
  date: string;
  probabilities: Record<string, number>;
  pCut: number;
  pHold: number;
  pHike: number;
  expectedRate: number;
  cutsPriced: number;
  atMeeting: { cut: number; hold: number; hike: number };
}
interface Data {
  asOf: string;
  currentRange: [number, number];
  meetings: MeetingData[];
  notToday: boolean;
  decided: { date: string; steps: number | null }[];
  unpriced: { date: string; needs: string[]; reason: string }[];
  changes: { label: string; tradeDate: string; next?: { pHike: number }; yearEnd?: { cutsPriced: number } }[];
}

const SEP18_NOW = at('2026-09-18T21:00:00Z');

describe('ratecuts command', () => {
  it("answers offline from the snapshot with CME's published odds", async () => {
    const bot = createBot({ commands: allCommands, market: createSnapshotMarketData(SEP18_NOW), now: SEP18_NOW });
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
      atMeeting: { cut: 0, hold: 42.4286, hike: 57.5714 },
    });
    expect(reply.title).toBe('Rate-hike odds: FOMC Oct 28, 2026 (target 3.75-4.00%)');
    expect(reply.commentary).toBe('Futures price 0.6 hikes (15 bp) by October; a hike at the October meeting is 58% likely.');
    expect(reply.notes?.join(' ')).toMatch(/strip reaches 2026-11; the Dec 9 meeting and later ones would need contract month 2026-12/);
    expect(data.unpriced[0]).toEqual({ date: '2026-12-09', needs: ['2026-12'], reason: 'beyond' });
    expect(reply.sources.every((s) => s.snapshot)).toBe(true);
  });

  it('shows the next meeting, cuts priced by each meeting in date order with year end in its place, and the changes since', async () => {
    const reply = await createBot({ commands: allCommands, market: market({ now: SEP18_NOW }), now: SEP18_NOW }).run('ratecuts');
    const data = reply.data as Data;
    expect(data.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2026-12-09', '2027-01-27', '2027-03-17', '2027-04-28']);
    const dec = data.meetings[1]!;
    expect(dec.probabilities['3.50-3.75']).toBeCloseTo(1.7286, 3);
    expect(dec.probabilities['3.75-4.00']).toBeCloseTo(43.0455, 3);
    expect(dec.probabilities['4.00-4.25']).toBeCloseTo(55.2259, 3);
    expect(dec.atMeeting.cut).toBeCloseTo(4.0741, 3);
    expect(dec.cutsPriced).toBe(-0.53);
    expect(reply.commentary).toBe(
      'Futures price 0.5 hikes (13 bp) by December, down 0.1 hikes since Sep 17; a hike at the October meeting is 58% likely (58% on Sep 17).',
    );
    const cuts = reply.sections[1]!.fields;
    expect(cuts.map((f) => f.key)).toEqual(['cutsPriced.2026-10-28', 'cutsByYearEnd', 'cutsPriced.2027-01-27', 'cutsPriced.2027-03-17', 'cutsPriced.2027-04-28']);
    expect(cuts[1]!.label).toBe('By Dec 9 (year end)');
    expect(data.changes.map((c) => [c.label, c.tradeDate])).toEqual([
      ['previous trading day', '2026-09-17'],
      ['a week ago', '2026-09-11'],
      ['a month ago', '2026-08-18'],
    ]);
    const since = reply.sections.find((s) => s.title.startsWith('Since'))!;
    expect(since.fields[0]!.label).toBe('Hike odds Oct 28 vs Sep 17, previous trading day');
    expect(reply.table?.rows[0]).toEqual(['2026-10-28', '4.025%', '0.6 hikes', '4.00-4.25 (57.6%)', '0.0%', '0.0%']);
    expect(reply.notes?.join(' ')).not.toMatch(/not today/);
  });

  it('between two meetings, prices against that day\'s range; an older strip is priced against its own day\'s range', async () => {
    const nov2 = at('2026-11-02T21:00:00Z');
    const fresh = { '2026-11-02': SEP18.filter((x) => x.month >= '2026-11').map((x) => q(x.month, x.price + 0.25)) };
    const today = await createBot({ commands: allCommands, market: market({ now: nov2, strips: fresh }), now: nov2 }).run('ratecuts');
    expect((today.data as Data).currentRange).toEqual([3.5, 3.75]);
    expect((today.data as Data).meetings[0]!.date).toBe('2026-12-09');

    const old = await createBot({ commands: allCommands, market: market({ now: nov2 }), now: nov2 }).run('ratecuts');
    const data = old.data as Data;
    expect(data.asOf).toBe('2026-09-18');
    expect(data.currentRange).toEqual([3.75, 4]);
    expect(data.notToday).toBe(true);
    expect(data.meetings[0]!.date).toBe('2026-12-09');
    expect(data.decided).toEqual([{ date: '2026-10-28', before: [3.75, 4], after: [3.5, 3.75], steps: -1 }]);
    expect(old.title).toBe('Rate-hike odds: FOMC Dec 9, 2026 (target 3.75-4.00% on Sep 18, 2026)');
    expect(old.commentary).toMatch(/^On Sep 18, futures priced .* by December.*; a .* at the December meeting was \d+% likely/);
    expect(old.notes?.join(' ')).toMatch(/strip of 2026-09-18, not today's \(45 days old\).*Decided since that strip: Oct 28 \(cut 25 bp to 3.50-3.75%\)/);
  });

  it('answers a past meeting with the decision and the odds of the trading day before', async () => {
    const nov2 = at('2026-11-02T21:00:00Z');
    const strips = { '2026-10-27': SEP18 };
    const bot = createBot({ commands: allCommands, market: market({ now: nov2, strips }), now: nov2 });
    const last = await bot.run('ratecuts last');
    expect(last.error, last.commentary).toBeUndefined();
    expect(last.title).toBe('FOMC Oct 28, 2026: cut 25 bp to 3.50-3.75%');
    expect(last.commentary).toMatch(/^The October meeting \(2026-10-28\) cut 25 bp to 3.50-3.75%. On Oct 27, .* futures priced a hike at 58%\.$/);
    expect(last.data).toMatchObject({ meeting: '2026-10-28', asOf: '2026-10-27', meetings: [{ date: '2026-10-28', pHike: 57.5714 }] });
    expect((await bot.run('ratecuts 2026-10-28')).title).toBe(last.title);
    expect((await bot.run('ratecuts october')).title).toBe(last.title);
  });

  it('says how far the strip reaches for a meeting beyond it, and which month a hole needs', async () => {
    const bot = createBot({ commands: allCommands, market: market({ now: SEP18_NOW }), now: SEP18_NOW });
    const june = await bot.run('ratecuts 2027-06');
    expect(june.error, june.commentary).toBeUndefined();
    expect(june.sections[0]!.title).toBe('June 2027 meeting (2027-06-09): beyond the futures strip, which reaches 2027-05; it would need contract month 2027-06');
    // Without December and January, both meetings are unpriced; March and April are bridged over them.
    const holey = SEP18.filter((x) => x.month !== '2026-12' && x.month !== '2027-01');
    const reply = await createBot({ commands: allCommands, market: market({ now: SEP18_NOW, strips: { '2026-09-18': holey } }), now: SEP18_NOW }).run('ratecuts');
    const data = reply.data as Data;
    expect(data.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2027-03-17', '2027-04-28']);
    expect(data.unpriced.slice(0, 2)).toEqual([
      { date: '2026-12-09', needs: ['2026-12'], reason: 'gap' },
      { date: '2027-01-27', needs: ['2027-01'], reason: 'gap' },
    ]);
    expect(data.meetings[1]).toMatchObject({ approximate: true, bridgedOver: ['2026-12-09', '2027-01-27'] });
    expect(reply.notes?.join(' ')).toMatch(/Not priced \(holes in the strip\): Dec 9 \(needs 2026-12\), Jan 27, 2027 \(needs 2027-01\)/);
    expect(reply.table?.rows[1]![0]).toBe('2027-03-17*');
  });

  it('explains meetings that do not exist, and a strip that prices nothing; the digest says so too', async () => {
    const bot = createBot({ commands: allCommands, market: market({ now: SEP18_NOW }), now: SEP18_NOW });
    expect((await bot.run('ratecuts 2026-10-29')).commentary).toMatch(/2026-10-29 is not an FOMC decision day/);
    expect((await bot.run('ratecuts 2026-11')).commentary).toMatch(/no FOMC meeting in 2026-11/);
    expect((await bot.run('ratecuts someday')).error?.kind).toBe('input');
    const broken = market({ now: SEP18_NOW, strips: { '2026-09-18': [q('2026-12', 96.1), q('2027-02', 96.0)] }, history: false });
    const reply = await createBot({ commands: allCommands, market: broken, now: SEP18_NOW }).run('ratecuts');
    expect(reply).toMatchObject({ error: { kind: 'unavailable' } });
    expect(reply.commentary).toMatch(/strip of 2026-09-18.*2026-10 is missing/);
    const section = await digestRateCuts(broken, SEP18_NOW());
    expect(section?.data).toBeNull();
    expect(section?.lines[0]).toMatch(/2026-10 is missing/);
  });

  it('gives the digest the same pricing and sentence as the command', async () => {
    const m = market({ now: SEP18_NOW, history: false });
    const section = await digestRateCuts(m, SEP18_NOW());
    const reply = await createBot({ commands: allCommands, market: m, now: SEP18_NOW }).run('ratecuts');
    expect(section?.data).toEqual(reply.data);
    expect(section?.lines).toEqual([reply.commentary]);
    expect(section?.sources.map((s) => s.name)).toEqual(reply.sources.map((s) => s.name));
  });

  it('states the method in help ratecuts', async () => {
    const bot = createBot({ commands: allCommands, market: market({ now: SEP18_NOW }), now: SEP18_NOW });
    const help = await bot.run('help ratecuts');
    const text = help.notes?.join(' ') ?? '';
    expect(text).toMatch(/decision day still carries the old rate/);
    expect(text).toMatch(/conditional probability tree/);
    expect(text).toMatch(/cuts priced.*cumulative/i);
  });
});

describe('ratecuts options', () => {
  it('canonicalises meetings and horizons', () => {
    expect(parseMeetingOption('Next')).toBe('next');
    expect(parseMeetingOption('previous')).toBe('last');
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
