import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from '../../src/alerts/crossing.ts';
import { parseRuleSpec } from '../../src/alerts/rule.ts';
import { openTestStore, testDatabase } from '../helpers/store.ts';

const now = new Date('2026-12-01T15:00:00Z');
const spec = parseRuleSpec({ kind: 'move', target: 'iwm', window: '1d', direction: 'below', threshold: '-3' });
const rule = (channelId: string) => ({ ...spec, platform: 'slack' as const, channelId, createdBy: 'U1' });

describe('alert rules repository', () => {
  it('stores rules per channel with their state, at most the limit', async () => {
    const store = await openTestStore();
    const made = await store.alerts.create(rule('C1'), 2, now);
    expect(made).toMatchObject({ kind: 'move', instrument: 'iwm', channelId: 'C1', createdAt: now.toISOString() });
    await store.alerts.create(rule('C1'), 2, now);
    expect(await store.alerts.create(rule('C1'), 2, now)).toBeNull();
    expect(await store.alerts.create(rule('C2'), 2, now)).not.toBeNull();
    const listed = await store.alerts.listChannel('slack', 'C1');
    expect(listed).toHaveLength(2);
    expect(listed[0]!.state).toEqual(INITIAL_STATE);
    await store.alerts.saveState(made!.id, { armed: false, lastValue: -4, lastFiredAt: now.toISOString(), fired: 1 });
    expect((await store.alerts.listAll()).find((r) => r.id === made!.id)!.state.fired).toBe(1);
    expect(await store.alerts.remove('slack', 'C2', made!.id)).toBe(false);
    expect(await store.alerts.remove('slack', 'C1', made!.id)).toBe(true);
    expect(await store.alerts.listAll()).toHaveLength(2);
  });

  it('lets exactly one process claim a firing, and takes over a dead claim after its lease', async () => {
    const db = testDatabase();
    const [a, b] = [await db.open(), await db.open()];
    const results = await Promise.all([a.alerts.claimFiring('r1', 1, 60, now), b.alerts.claimFiring('r1', 1, 60, now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.alerts.claimFiring('r1', 2, 0, now)).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(await b.alerts.claimFiring('r1', 2, 60, now)).toBe(true);
    await b.alerts.completeFiring('r1', 2, now);
    await new Promise((r) => setTimeout(r, 5));
    expect(await a.alerts.claimFiring('r1', 2, 0, now)).toBe(false);
    await a.alerts.releaseFiring('r1', 1);
    expect(await a.alerts.claimFiring('r1', 1, 60, now)).toBe(true);
  });
});
