import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import { tempDb } from '../market/helpers/db.ts';
import { startVendors, weekdays, type Vendors } from '../market/helpers/vendors.ts';
import { daily, zqYahoo } from '../market/helpers/zq.ts';

const NOW = () => new Date('2026-11-21T15:00:00Z');
const DAYS = weekdays('2026-10-12', '2026-11-20');
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

describe('ratecuts on a live strip with holes', () => {
  it('prices every meeting the months present fix, lists the others with the months they need, and says which months failed', async () => {
    v.yahoo.handle(
      zqYahoo({
        'ZQX26.CBT': 'not-found',
        'ZQZ26.CBT': daily(DAYS, 96.19, 96.2),
        'ZQF27.CBT': 'http-500',
        'ZQG27.CBT': daily(DAYS, 96.38),
        'ZQH27.CBT': 'empty',
        'ZQJ27.CBT': daily(DAYS, 0),
        'ZQK27.CBT': daily(DAYS, 96.5),
        'ZQM27.CBT': daily(DAYS, 96.55),
      }),
    );
    const market = v.market(t.db, NOW, { stripMonths: 8 });
    const reply = await createBot({ commands: allCommands, market, now: NOW }).run('ratecuts');
    expect(reply.error, reply.commentary).toBeUndefined();
    const data = reply.data as { asOf: string; currentRange: number[]; meetings: { date: string; approximate?: boolean }[]; unpriced: { date: string; needs: string[] }[] };
    expect(data.asOf).toBe('2026-11-20');
    expect(data.currentRange).toEqual([3.75, 4]);
    expect(data.meetings.map((m) => [m.date, m.approximate ?? false])).toEqual([
      ['2026-12-09', false],
      ['2027-01-27', false],
      ['2027-06-09', true],
    ]);
    expect(data.unpriced.slice(0, 2).map((u) => [u.date, u.needs])).toEqual([
      ['2027-03-17', ['2027-03']],
      ['2027-04-28', ['2027-04']],
    ]);
    const notes = reply.notes?.join(' ') ?? '';
    expect(notes).toMatch(/Not priced \(holes in the strip\): Mar 17, 2027 \(needs 2027-03\), Apr 28, 2027 \(needs 2027-04\)/);
    expect(notes).toMatch(/Contract months without a price: 2026-11 .*Not Found.*2027-01 .*HTTP 500/);
    expect(reply.sources[0]).toMatchObject({ asOf: '2026-11-20', fallback: false, snapshot: false });
  });
});
