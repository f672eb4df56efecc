import { describe, expect, it } from 'vitest';
import { checkAlerts } from '../../src/alerts/check.ts';
import type { AlertMetrics } from '../../src/alerts/metrics.ts';
import type { AlertRepository, StoredAlertRule } from '../../src/alerts/repository.ts';
import { INITIAL_STATE } from '../../src/alerts/crossing.ts';
import { parseRuleSpec } from '../../src/alerts/rule.ts';
import type { Deliverer } from '../../src/digest/deliverer.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';

/** Just enough of a repository for the evaluation loop; the real ones are tested in test/store. */
function memoryRepo(rules: StoredAlertRule[]): AlertRepository & { firings: Set<string> } {
  const firings = new Set<string>();
  return {
    firings,
    create: async () => null,
    listChannel: async () => rules,
    remove: async () => false,
    listAll: async () => rules.map((r) => ({ ...r, state: { ...r.state } })),
    saveState: async (id, state) => {
      rules.find((r) => r.id === id)!.state = state;
    },
    claimFiring: async (id, seq) => {
      const key = `${id}:${seq}`;
      if (firings.has(key)) return false;
      firings.add(key);
      return true;
    },
    completeFiring: async () => {},
    releaseFiring: async (id, seq) => {
      firings.delete(`${id}:${seq}`);
    },
  };
}

const spread = parseRuleSpec({ kind: 'spread', target: '1m', direction: 'above', threshold: '5' });
const rule = (id: string, channelId: string): StoredAlertRule => ({ ...spread, id, platform: 'slack', channelId, createdBy: 'U1', createdAt: '2026-11-01T00:00:00Z', state: { ...INITIAL_STATE } });

describe('alert check', () => {
  it('evaluates a shared metric once, fires once per crossing, posts to every channel with the rule', async () => {
    let value = 4;
    let evaluations = 0;
    const metrics: AlertMetrics = {
      value: async () => {
        evaluations++;
        return { value, asOf: '2026-11-30', source: 'Yahoo Finance', stale: false, label: 'IWM vs SPY, 1m spread' };
      },
    };
    const posts: Array<{ channel: string; reply: Reply }> = [];
    const deliverer: Deliverer = { platform: 'slack', send: async (channel, reply) => void posts.push({ channel, reply }) };
    const repo = memoryRepo([rule('1', 'C1'), rule('2', 'C2'), rule('3', 'C3')]);
    let clock = Date.parse('2026-12-01T15:00:00Z');
    const check = () => checkAlerts({ repo, metrics, now: () => new Date((clock += 3 * 3_600_000)), logger: silentLogger, deliverers: [deliverer], post: true });

    await check();
    expect(evaluations).toBe(1);
    expect(posts).toHaveLength(0);
    value = 6;
    const second = await check();
    expect(second.outcomes.map((o) => o.status)).toEqual(['posted', 'posted', 'posted']);
    expect(posts.map((p) => p.channel)).toEqual(['C1', 'C2', 'C3']);
    expect(posts[0]!.reply.commentary).toContain('crossed above 5 pp: +6.0 pp, as of 2026-11-30, from Yahoo Finance');
    await check();
    expect(posts).toHaveLength(3);
    value = 3;
    await check();
    value = 7;
    await check();
    expect(posts).toHaveLength(6);
  });

  it('a dry run reports what would fire and changes nothing', async () => {
    const repo = memoryRepo([{ ...rule('1', 'C1'), state: { ...INITIAL_STATE, lastValue: 4 } }]);
    const metrics: AlertMetrics = { value: async () => ({ value: 9, asOf: '2026-11-30', source: 'x', stale: false, label: 'spread' }) };
    const result = await checkAlerts({ repo, metrics, now: () => new Date(), logger: silentLogger, post: false });
    expect(result.outcomes[0]).toMatchObject({ fired: true, status: 'dry-run', value: 9 });
    expect(repo.firings.size).toBe(0);
  });

  it('a failed post is retried on the next refresh, and data trouble is reported per rule', async () => {
    const repo = memoryRepo([{ ...rule('1', 'C1'), state: { ...INITIAL_STATE, lastValue: 4 } }]);
    const metrics: AlertMetrics = { value: async () => ({ value: 9, asOf: '2026-11-30', source: 'x', stale: false, label: 'spread' }) };
    let fail = true;
    const deliverer: Deliverer = {
      platform: 'slack',
      send: async () => {
        if (fail) throw new Error('channel_not_found');
      },
    };
    const first = await checkAlerts({ repo, metrics, now: () => new Date(), logger: silentLogger, deliverers: [deliverer], post: true });
    expect(first.outcomes[0]!.status).toMatch(/failed/);
    fail = false;
    const second = await checkAlerts({ repo, metrics, now: () => new Date(), logger: silentLogger, deliverers: [deliverer], post: true });
    expect(second.outcomes[0]!.status).toBe('posted');
    const broken: AlertMetrics = { value: async () => Promise.reject(new Error('no bars')) };
    const third = await checkAlerts({ repo, metrics: broken, now: () => new Date(), logger: silentLogger, post: true });
    expect(third.outcomes[0]!.status).toBe('no-data: no bars');
  });
});
