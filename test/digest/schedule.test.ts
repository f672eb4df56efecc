import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import { dueDigests, isSendDay, nextRun, type Schedulable } from '../../src/digest/schedule.ts';

const MINUTE = 60_000;

function sub(id: string, time: string, timezone: string, days = 'weekdays', includeHolidays = false): Schedulable {
  return { id, time, timezone, days, includeHolidays, status: 'active', updatedAt: '2020-01-01T00:00:00.000Z' };
}

/**
 * Ticks once a minute from `from` to `to` and records the first tick at which each (subscription, local date)
 * came due, as the ledger would: later ticks for the same key are ignored.
 */
function simulate(subs: Schedulable[], from: string, to: string, graceMs?: number) {
  const firsts = new Map<string, Date>();
  for (let t = Date.parse(from); t <= Date.parse(to); t += MINUTE) {
    for (const d of dueDigests(subs, new Date(t), graceMs)) {
      const key = `${d.subscription.id}|${d.localDate}`;
      if (!firsts.has(key)) firsts.set(key, new Date(t));
    }
  }
  return firsts;
}

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');

describe('dueDigests', () => {
  it('keeps 08:30 New York at 08:30 local across the spring DST change: once a day, never skipped', () => {
    // DST began Sunday 2025-03-09 in New York.
    const firsts = simulate([sub('ny', '08:30', 'America/New_York', 'daily', true)], '2025-03-07T00:00:00Z', '2025-03-11T23:59:00Z');
    expect([...firsts.entries()].map(([k, t]) => `${k} ${local(t, 'America/New_York')}`)).toEqual([
      'ny|2025-03-07 2025-03-07 08:30',
      'ny|2025-03-08 2025-03-08 08:30',
      'ny|2025-03-09 2025-03-09 08:30',
      'ny|2025-03-10 2025-03-10 08:30',
      'ny|2025-03-11 2025-03-11 08:30',
    ]);
    // The UTC instant moves by the hour change.
    expect(firsts.get('ny|2025-03-07')!.toISOString()).toBe('2025-03-07T13:30:00.000Z');
    expect(firsts.get('ny|2025-03-10')!.toISOString()).toBe('2025-03-10T12:30:00.000Z');
  });

  it('keeps 08:30 New York at 08:30 local across the autumn change', () => {
    const firsts = simulate([sub('ny', '08:30', 'America/New_York', 'daily', true)], '2025-11-01T00:00:00Z', '2025-11-03T23:59:00Z');
    expect([...firsts.values()].map((t) => t.toISOString())).toEqual([
      '2025-11-01T12:30:00.000Z',
      '2025-11-02T13:30:00.000Z',
      '2025-11-03T13:30:00.000Z',
    ]);
  });

  it('sends a time inside the spring-forward gap once, when the clock jumps past it', () => {
    const firsts = simulate([sub('gap', '02:30', 'America/New_York', 'daily', true)], '2025-03-09T00:00:00Z', '2025-03-09T23:59:00Z');
    expect([...firsts.values()].map((t) => local(t, 'America/New_York'))).toEqual(['2025-03-09 03:30']);
  });

  it('sends a time that occurs twice on the fall-back night only once', () => {
    const firsts = simulate([sub('twice', '01:30', 'America/New_York', 'daily', true)], '2025-11-02T00:00:00Z', '2025-11-02T23:59:00Z');
    expect(firsts.size).toBe(1);
    expect(local([...firsts.values()][0]!, 'America/New_York')).toBe('2025-11-02 01:30');
  });

  it('uses each subscriber’s own zone and local date', () => {
    const subs = [
      sub('tokyo', '07:00', 'Asia/Tokyo'),
      sub('london', '08:00', 'Europe/London'),
      sub('la', '06:15', 'America/Los_Angeles'),
    ];
    // Monday 2025-03-31 in Tokyo is still Sunday in UTC; London changed clocks on 2025-03-30, New York earlier.
    const firsts = simulate(subs, '2025-03-30T12:00:00Z', '2025-03-31T23:59:00Z');
    expect(Object.fromEntries([...firsts].map(([k, t]) => [k, t.toISOString()]))).toEqual({
      'tokyo|2025-03-31': '2025-03-30T22:00:00.000Z',
      'tokyo|2025-04-01': '2025-03-31T22:00:00.000Z',
      'london|2025-03-31': '2025-03-31T07:00:00.000Z',
      'la|2025-03-31': '2025-03-31T13:15:00.000Z',
    });
  });

  it('skips weekends and NYSE holidays unless the subscription asks for them', () => {
    const subs = [
      sub('weekdays', '08:30', 'America/New_York'),
      sub('weekend', '10:00', 'America/New_York', 'sat,sun'),
      sub('holidays', '08:30', 'America/New_York', 'fri,holidays', true),
      sub('daily', '08:30', 'America/New_York', 'daily', true),
    ];
    // Thursday 2025-04-17 to Monday 2025-04-21; Good Friday is 2025-04-18.
    const keys = [...simulate(subs, '2025-04-17T00:00:00Z', '2025-04-22T03:59:00Z').keys()].sort();
    expect(keys).toEqual([
      'daily|2025-04-17', 'daily|2025-04-18', 'daily|2025-04-19', 'daily|2025-04-20', 'daily|2025-04-21',
      'holidays|2025-04-18',
      'weekdays|2025-04-17', 'weekdays|2025-04-21',
      'weekend|2025-04-19', 'weekend|2025-04-20',
    ]);
  });

  it('skips Juneteenth for weekday subscribers', () => {
    expect(isSendDay(sub('s', '08:30', 'America/New_York'), '2025-06-19')).toBe(false);
    expect(isSendDay(sub('s', '08:30', 'America/New_York'), '2025-06-20')).toBe(true);
  });

  it('still finds a missed digest within the grace window, and not after it', () => {
    const s = sub('ny', '08:30', 'America/New_York');
    // Monday 2025-11-24 08:30 EST = 13:30Z.
    expect(dueDigests([s], new Date('2025-11-24T13:29:00Z'))).toHaveLength(0);
    expect(dueDigests([s], new Date('2025-11-24T13:30:00Z'))).toHaveLength(1);
    expect(dueDigests([s], new Date('2025-11-24T15:29:00Z'))[0]?.localDate).toBe('2025-11-24');
    expect(dueDigests([s], new Date('2025-11-24T15:30:00Z'))).toHaveLength(0);
    expect(dueDigests([s], new Date('2025-11-24T13:40:00Z'), 5 * MINUTE)).toHaveLength(0);
  });

  it('finds a missed digest across local midnight within the grace window', () => {
    const s = sub('late', '23:30', 'America/New_York');
    const due = dueDigests([s], new Date('2025-11-25T05:10:00Z')); // 00:10 Tuesday local
    expect(due.map((d) => d.localDate)).toEqual(['2025-11-24']);
  });

  it('ignores paused subscriptions and send times that passed before the subscription was set', () => {
    const paused = { ...sub('p', '08:30', 'America/New_York'), status: 'paused' as const };
    const late = { ...sub('late', '08:30', 'America/New_York'), updatedAt: '2025-11-24T14:00:00.000Z' };
    expect(dueDigests([paused, late], new Date('2025-11-24T14:05:00Z'))).toEqual([]);
    expect(dueDigests([late], new Date('2025-11-25T13:31:00Z'))).toHaveLength(1);
  });
});

describe('nextRun', () => {
  it('gives the next send instant, skipping weekends and holidays', () => {
    const s = sub('ny', '08:30', 'America/New_York');
    expect(nextRun(s, new Date('2025-11-26T14:00:00Z'))?.toISOString()).toBe('2025-11-28T13:30:00.000Z'); // Thanksgiving skipped
    expect(nextRun(s, new Date('2025-11-21T14:00:00Z'))?.toISOString()).toBe('2025-11-24T13:30:00.000Z');
    expect(nextRun(s, new Date('2025-11-24T13:00:00Z'))?.toISOString()).toBe('2025-11-24T13:30:00.000Z');
  });
});
