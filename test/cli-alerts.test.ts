import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleSpec } from '../src/alerts/rule.ts';
import { runCli } from '../src/cli.ts';
import { openStore } from '../src/store/open.ts';

const CLOSED = 'http://127.0.0.1:65534';
const dataDir = mkdtempSync(join(tmpdir(), 'capwatch-cli-alerts-'));
const env = {
  DATA_DIR: dataDir,
  CAPWATCH_NOW: '2024-11-05T21:00:00Z',
  YAHOO_BASE_URL: CLOSED,
  STOOQ_BASE_URL: CLOSED,
  NYFED_BASE_URL: CLOSED,
  FRED_BASE_URL: CLOSED,
  ISHARES_BASE_URL: CLOSED,
  SSGA_BASE_URL: CLOSED,
};

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('capwatch alerts check', () => {
  it('evaluates every rule now from the data as of CAPWATCH_NOW, as a dry run without --post', async () => {
    const store = await openStore({ dataDir });
    const spec = parseRuleSpec({ kind: 'spread', target: '1m', direction: 'above', threshold: '-40' });
    const rule = await store.alerts.create({ ...spec, platform: 'slack', channelId: 'C1', createdBy: 'U1' }, 20, new Date(env.CAPWATCH_NOW));
    // Last seen far below the line: this refresh crosses it.
    await store.alerts.saveState(rule!.id, { armed: true, lastValue: -50, lastFiredAt: null, fired: 0 });
    await store.close();

    const { code, out } = await cli('alerts', 'check', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ rules: 1, metricsEvaluated: 1 });
    expect(result.outcomes[0]).toMatchObject({ ruleId: rule!.id, fired: true, status: 'dry-run', asOf: '2024-11-05' });
    expect(typeof result.outcomes[0].value).toBe('number');

    const text = await cli('alerts', 'check');
    expect(text.out).toMatch(/1 rule\(s\), 1 metric\(s\) evaluated .* 1 fire \(dry run/);
  });

  it('says what is wrong with misuse, exit 2', async () => {
    expect((await cli('alerts', 'frob')).code).toBe(2);
    const post = await cli('alerts', 'check', '--post');
    expect(post.code).toBe(2);
    expect(post.err).toMatch(/needs Discord or Slack credentials/);
  });
});
